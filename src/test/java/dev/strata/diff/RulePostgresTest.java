package dev.strata.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.StrataException;
import dev.strata.inspect.Inspection;
import dev.strata.load.ModelLoader;
import dev.strata.model.Schema;
import dev.strata.model.Trigger;
import dev.strata.pg.DevServer;
import dev.strata.testing.WithPostgres;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rules ({@code CREATE RULE}): carried like triggers, from the model to PostgreSQL and back. */
@WithPostgres
class RulePostgresTest {
    private static final String BASE = "CREATE TABLE t (id int PRIMARY KEY, n int);";

    @Test
    void addedRulesComeAfterTheTablesTheirActionsUse(DevServer server) throws Exception {
        PairCheck.Result r = PairCheck.run(server, BASE,
                BASE + "CREATE TABLE log (id int, n numeric);"
                        + "CREATE RULE keep AS ON UPDATE TO t DO ALSO INSERT INTO log VALUES (old.id, old.n);"
                        + "CREATE RULE quiet AS ON DELETE TO t DO INSTEAD NOTHING;"
                        + "ALTER TABLE t DISABLE RULE quiet; COMMENT ON RULE keep ON t IS 'audit';",
                (c, m) -> assertTrue(Pipeline.up(m).contains("ALTER TABLE t DISABLE RULE quiet"), Pipeline.up(m).toString()));
        assertEquals(List.of("keep", "quiet"), r.desired().triggers().stream().map(Trigger::name).toList());
        assertTrue(r.desired().triggers().stream().allMatch(Trigger::isRule));
        assertEquals("audit", r.desired().triggers().get(0).comment());
    }

    @Test
    void changedActionEnablementAndCommentConverge(DevServer server) throws Exception {
        String log = "CREATE TABLE log (id int, n int);";
        PairCheck.run(server, BASE + log
                        + "CREATE RULE keep AS ON UPDATE TO t DO ALSO INSERT INTO log VALUES (old.id, old.n);"
                        + "COMMENT ON RULE keep ON t IS 'audit';",
                BASE + log + "CREATE RULE keep AS ON UPDATE TO t DO ALSO INSERT INTO log VALUES (new.id, new.n);"
                        + "ALTER TABLE t ENABLE ALWAYS RULE keep;",
                (c, m) -> { });
    }

    @Test
    void aColumnTypeChangeUnderARuleDropsAndRecreatesIt(DevServer server) throws Exception {
        PairCheck.run(server, BASE + "CREATE TABLE log (id int, n int);"
                        + "CREATE RULE keep AS ON UPDATE TO t DO ALSO INSERT INTO log (id, n) VALUES (old.id, old.n);",
                BASE + "CREATE TABLE log (id int, n bigint);"
                        + "CREATE RULE keep AS ON UPDATE TO t DO ALSO INSERT INTO log (id, n) VALUES (old.id, old.n);",
                (c, m) -> assertTrue(Pipeline.up(m).stream().anyMatch(s -> s.startsWith("DROP RULE keep ON t")),
                        Pipeline.up(m).toString()));
    }

    @Test
    void modelSaysItAndInspectWritesIt(DevServer server, @TempDir Path root) throws Exception {
        ModelApply.write(root, "models.edn", "{:t {:fields {:id {:type :integer :primary-key true}}}}\n");
        ModelApply.write(root, "triggers.edn",
                "{:quiet {:sql \"CREATE RULE quiet AS ON DELETE TO t DO INSTEAD NOTHING\" :enabled false"
                        + " :comment \"never delete\"}}\n");
        ModelApply.Result r = ModelApply.run(server, "rule_m", root);
        Schema model = r.model();
        Schema read = r.read();
        assertEquals(1, read.triggers().size());
        Trigger rule = read.triggers().get(0);
        assertTrue(rule.isRule(), rule.definition());
        assertEquals(Trigger.Enablement.DISABLED, rule.enablement());
        assertEquals("never delete", rule.comment());
        Inspection inspection = r.inspection();
        assertEquals(List.of(), inspection.unsupported(), "rules are carried, not reported");
        String triggers = inspection.files().get("shared/triggers.edn");
        assertTrue(triggers.contains("CREATE RULE quiet AS") && triggers.contains(":enabled false"), triggers);
    }

    @Test
    void aRuleWithoutItsTableIsAnInvalidModel(@TempDir Path root) throws Exception {
        ModelApply.write(root, "models.edn", "{:t {:fields {:id {:type :integer}}}}\n");
        ModelApply.write(root, "triggers.edn", "{:r {:sql \"CREATE RULE r AS DELETE FROM t\"}}\n");
        StrataException e = org.junit.jupiter.api.Assertions.assertThrows(StrataException.class, () -> ModelLoader.load(root));
        assertEquals(dev.strata.ErrorCode.INVALID_MODEL, e.code());
        String problems = String.join("\n", e.problems());
        assertTrue(problems.contains("CREATE [OR REPLACE] RULE name AS ON event TO table")
                && problems.contains("triggers.edn:1"), problems);
    }
}
