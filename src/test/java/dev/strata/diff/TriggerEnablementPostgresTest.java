package dev.strata.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.StrataException;
import dev.strata.catalog.CatalogReader;
import dev.strata.compile.DdlCompiler;
import dev.strata.inspect.Inspection;
import dev.strata.inspect.Inspector;
import dev.strata.load.ModelLoader;
import dev.strata.model.Schema;
import dev.strata.model.Trigger;
import dev.strata.pg.DevServer;
import dev.strata.pg.ScratchDatabase;
import dev.strata.testing.WithPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A trigger's enablement (DISABLE, ENABLE REPLICA, ENABLE ALWAYS) from the model to PostgreSQL and back. */
@WithPostgres
class TriggerEnablementPostgresTest {
    private static final String BASE = "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;"
            + "CREATE TABLE t (id int PRIMARY KEY, n int);"
            + "CREATE TRIGGER a BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION touch();"
            + "CREATE TRIGGER b BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION touch();"
            + "CREATE TRIGGER c BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION touch();";

    @Test
    void enablementChangesConvergeAndRevert(DevServer server) throws Exception {
        PairCheck.Result r = PairCheck.run(server, BASE + "ALTER TABLE t DISABLE TRIGGER c;",
                BASE + "ALTER TABLE t DISABLE TRIGGER a; ALTER TABLE t ENABLE REPLICA TRIGGER b;",
                (c, m) -> assertTrue(Pipeline.up(m).contains("ALTER TABLE t ENABLE REPLICA TRIGGER b"), Pipeline.up(m).toString()));
        assertEquals(List.of(Trigger.Enablement.DISABLED, Trigger.Enablement.REPLICA, Trigger.Enablement.ORIGIN),
                r.desired().triggers().stream().map(Trigger::enablement).toList());
    }

    @Test
    void modelSaysItAndInspectWritesIt(DevServer server, @TempDir Path root) throws Exception {
        Path shared = Files.createDirectories(root.resolve("shared"));
        Files.writeString(shared.resolve("models.edn"), "{:t {:fields {:id {:type :integer :primary-key true}}}}\n");
        Files.writeString(shared.resolve("functions.edn"), "{:touch {:sql \"CREATE FUNCTION touch() RETURNS trigger"
                + " LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$\"}}\n");
        Files.writeString(shared.resolve("triggers.edn"), "{:a {:sql \"CREATE TRIGGER a BEFORE UPDATE ON t FOR EACH ROW"
                + " EXECUTE FUNCTION touch()\" :enabled false}\n"
                + " :b {:sql \"CREATE TRIGGER b BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION touch()\" :enabled :always}}\n");
        Schema model = ModelLoader.load(root).schema();
        try (ScratchDatabase db = server.createScratch("trg_m"); Connection c = db.connect(); Statement st = c.createStatement()) {
            for (String sql : DdlCompiler.compile(model)) {
                st.execute(sql);
            }
            Schema read = CatalogReader.read(c, "public");
            assertEquals(List.of(Trigger.Enablement.DISABLED, Trigger.Enablement.ALWAYS),
                    read.triggers().stream().map(Trigger::enablement).toList());
            Inspection inspection = Inspector.inspect(c, "public");
            assertEquals(List.of(), inspection.unsupported(), "enablement is carried, not reported");
            String triggers = inspection.files().get("shared/triggers.edn");
            assertTrue(triggers.contains(":enabled false") && triggers.contains(":enabled :always"), triggers);
        }
    }

    @Test
    void badEnabledValueIsAnInvalidModel(@TempDir Path root) throws Exception {
        Path shared = Files.createDirectories(root.resolve("shared"));
        Files.writeString(shared.resolve("models.edn"), "{:t {:fields {:id {:type :integer}}}}\n");
        Files.writeString(shared.resolve("triggers.edn"), "{:a {:sql \"CREATE TRIGGER a BEFORE UPDATE ON t FOR EACH ROW"
                + " EXECUTE FUNCTION f()\" :enabled :sometimes}}\n");
        StrataException e = org.junit.jupiter.api.Assertions.assertThrows(StrataException.class, () -> ModelLoader.load(root));
        assertEquals(dev.strata.ErrorCode.INVALID_MODEL, e.code());
        String problems = String.join("\n", e.problems());
        assertTrue(problems.contains("bad :enabled :sometimes") && problems.contains("triggers.edn:1"), problems);
    }
}
