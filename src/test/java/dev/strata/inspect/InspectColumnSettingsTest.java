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
 * Identity sequences with a name and options, and a column's statistics target, storage,
 * compression and attribute options, are written by inspect as field options and come back whole.
 */
@WithPostgres
class InspectColumnSettingsTest {
    @Test
    void columnSettingsRoundTrip(DevServer server, @TempDir Path out) throws Exception {
        boolean compression = server.major() >= 14;
        Inspection inspection;
        try (ScratchDatabase db = server.createScratch("inspect_colset"); Connection c = db.connect()) {
            InspectFixtures.run(c, "app", InspectFixtures.resource("column_settings.sql"));
            if (compression) {
                try (java.sql.Statement st = c.createStatement()) {
                    st.execute("ALTER TABLE app.orders ALTER COLUMN body SET COMPRESSION pglz");
                }
            }
            inspection = Inspector.inspect(c, "app");
        }
        assertEquals(List.of(), inspection.unsupported(), "column settings are carried by the model");
        Schema original = inspection.schema();
        inspection.writeTo(out, false);
        String models = Files.readString(out.resolve("shared").resolve("models.edn"));
        for (String expected : List.of(
                ":sequence-name :order-numbers", ":start 1000", ":increment 5", ":cache 10",
                ":min-value 10", ":max-value 900", ":cycle true",
                ":identity {:generated :by-default :increment -2}",
                ":identity :always",
                ":statistics 500",
                ":storage :external",
                ":options {:n_distinct -0.5 :n_distinct_inherited 100}")) {
            assertTrue(models.contains(expected), expected + " in\n" + models);
        }
        assertTrue(!compression || models.contains(":compression :pglz"), models);
        Schema back = RoundTrip.applyAndRead(server, out, "app");
        RoundTrip.assertSameSchema(original, back);
    }
}
