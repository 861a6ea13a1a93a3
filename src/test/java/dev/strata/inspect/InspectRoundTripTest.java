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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A schema built with SQL, inspected into a tree, loaded, compiled, applied to a fresh database and
 * read back is the schema it started from.
 */
@WithPostgres
class InspectRoundTripTest {
    @Test
    void everyModelledObjectSurvivesTheRoundTrip(DevServer server, @TempDir Path out) throws Exception {
        Inspection inspection;
        try (ScratchDatabase db = server.createScratch("inspect_src"); Connection c = db.connect()) {
            InspectFixtures.run(c, "app", InspectFixtures.resource("roundtrip.sql"));
            inspection = Inspector.inspect(c, "app");
        }
        assertEquals(java.util.List.of(), inspection.unsupported(), "this schema uses only what the model carries");
        inspection.writeTo(out, false);
        for (String file : java.util.List.of("models", "functions", "views", "triggers", "policies")) {
            assertTrue(Files.isRegularFile(out.resolve("shared").resolve(file + ".edn")), file);
        }
        Schema original = inspection.schema();
        assertEquals(6, original.tables().size(), "fixture sanity: six tables");
        Schema back = RoundTrip.applyAndRead(server, out, "app");
        RoundTrip.assertSameSchema(original, back);
    }
}
