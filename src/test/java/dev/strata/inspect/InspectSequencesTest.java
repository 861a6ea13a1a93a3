package dev.strata.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.model.Schema;
import dev.strata.pg.DevServer;
import dev.strata.pg.ScratchDatabase;
import dev.strata.testing.WithPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stand-alone sequences and the nextval defaults that use them are written by inspect and come
 * back whole: the pagila pattern (a bigint sequence, not owned, behind an integer id), owned,
 * commented, descending and quoted sequences.
 */
@WithPostgres
class InspectSequencesTest {
    @Test
    void sequencesAndTheirDefaultsRoundTrip(DevServer server, @TempDir Path out) throws Exception {
        Inspection inspection;
        try (ScratchDatabase db = server.createScratch("inspect_seq"); Connection c = db.connect()) {
            InspectFixtures.run(c, "app", InspectFixtures.resource("sequences.sql"));
            inspection = Inspector.inspect(c, "app");
        }
        assertEquals(List.of(), inspection.unsupported(), "sequences are carried by the model");
        Schema original = inspection.schema();
        assertEquals(5, original.sequences().size(), "fixture sanity: five sequences");
        inspection.writeTo(out, false);
        String models = Files.readString(out.resolve("shared").resolve("models.edn"));
        for (String expected : List.of(
                ":actor-actor-id-seq {:type :sequence}",
                ":default [:nextval :actor-actor-id-seq]",
                ":default [:nextval \"Odd Seq\"]",
                "\"Odd Seq\" {:type :sequence :start 7}",
                ":owned-by :payment/payment-id",
                ":comment \"payment ids\"",
                ":as :smallint",
                ":increment -3",
                ":max-value 900",
                ":cycle true")) {
            assertTrue(models.contains(expected), expected + " in\n" + models);
        }
        Schema back = RoundTrip.applyAndRead(server, out, "app");
        RoundTrip.assertSameSchema(original, back);
    }
}
