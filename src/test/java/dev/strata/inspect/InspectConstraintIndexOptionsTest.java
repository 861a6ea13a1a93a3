package dev.strata.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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

/** INCLUDE and WITH of keys, ON DELETE SET NULL (columns), NULLS NOT DISTINCT indexes: written and read back whole. */
@WithPostgres
class InspectConstraintIndexOptionsTest {
    @Test
    void constraintIndexOptionsRoundTrip(DevServer server, @TempDir Path out) throws Exception {
        assumeTrue(server.major() >= 15, "the fixture uses PostgreSQL 15 syntax");
        Inspection inspection;
        try (ScratchDatabase db = server.createScratch("inspect_cio"); Connection c = db.connect()) {
            InspectFixtures.run(c, "app", InspectFixtures.resource("constraint_index_options.sql"));
            inspection = Inspector.inspect(c, "app");
        }
        assertEquals(List.of(), inspection.unsupported(), "these options are carried by the model");
        Schema original = inspection.schema();
        inspection.writeTo(out, false);
        String models = Files.readString(out.resolve("shared").resolve("models.edn"));
        for (String expected : List.of(":include [:note]", ":with {:fillfactor 80}", ":with {:fillfactor 60}",
                ":include [:a]", ":on-delete-columns [:b]", ":nulls-not-distinct true")) {
            assertTrue(models.contains(expected), expected + " in\n" + models);
        }
        Schema back = RoundTrip.applyAndRead(server, out, "app");
        RoundTrip.assertSameSchema(original, back);
    }
}
