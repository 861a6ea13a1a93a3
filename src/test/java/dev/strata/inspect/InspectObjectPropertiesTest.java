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
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unlogged sequences (15+), NOT VALID domain checks, REPLICA IDENTITY and CLUSTER ON are written
 * by inspect and come back whole.
 */
@WithPostgres
class InspectObjectPropertiesTest {
    @Test
    void objectPropertiesRoundTrip(DevServer server, @TempDir Path out) throws Exception {
        boolean unlogged = server.major() >= 15;
        Inspection inspection;
        try (ScratchDatabase db = server.createScratch("inspect_props"); Connection c = db.connect()) {
            InspectFixtures.run(c, "app", InspectFixtures.resource("object_properties.sql"));
            if (unlogged) {
                try (Statement st = c.createStatement()) {
                    st.execute("CREATE UNLOGGED SEQUENCE app.unlogged_seq");
                }
            }
            inspection = Inspector.inspect(c, "app");
        }
        assertEquals(List.of(), inspection.unsupported(), "these properties are carried by the model");
        Schema original = inspection.schema();
        inspection.writeTo(out, false);
        String models = Files.readString(out.resolve("shared").resolve("models.edn"));
        List<String> expected = new ArrayList<>(List.of(":not-valid true", ":replica-identity {:using-index :items-code}",
                ":cluster-on :items-pkey", ":replica-identity :full"));
        if (unlogged) {
            expected.add(":unlogged-seq {:type :sequence :unlogged true}");
        }
        for (String e : expected) {
            assertTrue(models.contains(e), e + " in\n" + models);
        }
        Schema back;
        try {
            back = RoundTrip.applyAndRead(server, out, "app");
        } catch (dev.strata.StrataException e) {
            throw new AssertionError(e.problems() + "\n" + models, e);
        }
        RoundTrip.assertSameSchema(original, back);
    }
}
