package dev.strata.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.catalog.CatalogReader;
import dev.strata.compile.DdlCompiler;
import dev.strata.load.ModelLoader;
import dev.strata.model.Constraint;
import dev.strata.model.Function;
import dev.strata.model.Hints;
import dev.strata.model.Schema;
import dev.strata.model.Table;
import dev.strata.pg.DevServer;
import dev.strata.pg.ScratchDatabase;
import dev.strata.testing.WithPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Comments on every object kind that carries one, an aggregate over a user state function, a
 * commented procedure and a materialized view WITH NO DATA, written as a model: the compiled model
 * applies and reads back with its comments; changing, adding and removing every comment migrates
 * up (re-diff empty) and down (back to where it was).
 */
@WithPostgres
class CommentsPostgresTest {
    private static final String MODELS = """
            {:account {:fields {:id {:type :integer :primary-key true :constraint-comment "%1$s pk"}
                                :email {:type :text :unique true :constraint-comment "%1$s email key"}
                                :during {:type :tstzrange}
                                :score {:type :integer :check [:>= :score 0]}}
                       :constraints [{:check [:raw "email <> ''"] :name "email_not_empty" :comment "%1$s check"}
                                     {:exclude "EXCLUDE USING gist (during WITH &&)" :comment "%1$s exclusion"}]
                       :indexes [{:fields [:score] :name :account-score-idx :comment "%1$s index"}]
                       :comment "%1$s table"}
             :login {:fields {:id {:type :integer}
                              :account-id {:type :integer :foreign-key :account/id :constraint-comment "%1$s fk"}}
                     :primary-key {:fields [:id] :name "login_pk" :comment "%1$s composite-form pk"}
                     :foreign-keys [{:fields [:id] :references :account :name "login_id_fk" :comment "%1$s table fk"}]}
             :counter {:type :sequence :comment "%1$s sequence"}
             :year {:type :domain :base :integer :comment "%1$s domain"}
             :pair {:type :composite :fields {:a {:type :integer} :b {:type :text}} :comment "%1$s composite"}}
            """;
    private static final String FUNCTIONS = """
            {:concat-step {:sql "CREATE FUNCTION concat_step(acc text, next text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT CASE WHEN acc = '' THEN next ELSE acc || ', ' || next END $$"
                           :comment "%1$s step"}
             :concat-all {:type :aggregate :args [:text] :sfunc :concat-step :stype :text :initcond ""
                          :parallel :safe :comment "%1$s aggregate"}
             :count-all {:type :aggregate :args [] :sfunc "int8inc" :stype :bigint :initcond 0}
             :add-point {:sql "CREATE PROCEDURE add_point(p integer, q integer DEFAULT 0) LANGUAGE sql AS $$ SELECT p + q $$"
                         :comment "%1$s procedure"}
             :touch {:sql "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$"}}
            """;
    private static final String VIEWS = """
            {:emails {:sql "CREATE VIEW emails AS SELECT concat_all(email) AS all_emails FROM account"
                      :comment "%1$s view"}
             :scores {:sql "CREATE MATERIALIZED VIEW scores AS SELECT id, score FROM account WITH NO DATA"
                      :indexes [{:fields [:id] :unique true :comment "%1$s matview index"}]
                      :comment "%1$s matview"}}
            """;
    private static final String TRIGGERS = """
            {:account-touch {:sql "CREATE TRIGGER account_touch BEFORE UPDATE ON account FOR EACH ROW EXECUTE FUNCTION touch()"
                             :comment "%1$s trigger"}}
            """;
    private static final String POLICIES = """
            {:own {:sql "CREATE POLICY own ON account USING (id > 0)" :comment "%1$s policy"}}
            """;

    @TempDir
    Path dir;

    private Schema model(String name, String version, boolean withComments) throws IOException {
        Path shared = dir.resolve(name).resolve("shared");
        Files.createDirectories(shared);
        Map<String, String> files = Map.of("models.edn", MODELS, "functions.edn", FUNCTIONS, "views.edn", VIEWS,
                "triggers.edn", TRIGGERS, "policies.edn", POLICIES);
        for (Map.Entry<String, String> f : files.entrySet()) {
            String text = f.getValue().formatted(version);
            if (!withComments) {
                text = text.replaceAll(":(constraint-)?comment \"[^\"]*\"", "");
            }
            Files.writeString(shared.resolve(f.getKey()), text);
        }
        return ModelLoader.load(dir.resolve(name)).schema();
    }

    private static Schema applyAndRead(Connection c, Schema model) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : DdlCompiler.compile(model)) {
                s.execute(sql);
            }
        }
        return CatalogReader.read(c, "public");
    }

    @Test
    void commentsReadBackAndMigrateBothWays(DevServer server) throws Exception {
        Schema v1 = model("v1", "old", true);
        Schema v2 = model("v2", "new", true);
        Schema bare = model("bare", "", false);
        try (ScratchDatabase db1 = server.createScratch("comments_1"); ScratchDatabase db2 = server.createScratch("comments_2");
             ScratchDatabase db3 = server.createScratch("comments_3"); Connection c1 = db1.connect();
             Connection c2 = db2.connect(); Connection c3 = db3.connect()) {
            Schema live1 = applyAndRead(c1, v1);
            Schema live2 = applyAndRead(c2, v2);
            Schema live3 = applyAndRead(c3, bare);

            Table account = live1.table("account").orElseThrow();
            assertEquals("old pk", constraint(account, "account_pkey").comment());
            assertEquals("old email key", constraint(account, "account_email_key").comment());
            assertNull(constraint(account, "account_score_check").comment());
            assertEquals("old check", constraint(account, "email_not_empty").comment());
            assertEquals("old exclusion", constraint(account, "account_during_excl").comment());
            Table login = live1.table("login").orElseThrow();
            assertEquals("old composite-form pk", constraint(login, "login_pk").comment());
            assertEquals("old fk", constraint(login, "login_account_id_fkey").comment());
            assertEquals("old table fk", constraint(login, "login_id_fk").comment());
            assertEquals("old step", function(live1, "concat_step").comment());
            Function aggregate = function(live1, "concat_all");
            assertEquals("old aggregate", aggregate.comment());
            assertEquals("concat_step", aggregate.aggregate().sfunc());
            assertEquals("", aggregate.aggregate().initcond());
            assertEquals("SAFE", aggregate.aggregate().parallel());
            assertEquals("*", function(live1, "count_all").aggregate().arguments());
            Function procedure = function(live1, "add_point");
            assertTrue(procedure.procedure());
            assertEquals("old procedure", procedure.comment());
            assertEquals("old view", live1.views().get(0).comment());
            assertEquals("old matview", live1.views().get(1).comment());
            assertTrue(live1.views().get(1).definition().endsWith("WITH NO DATA"), live1.views().get(1).definition());
            assertEquals("old trigger", live1.triggers().get(0).comment());
            assertEquals("old policy", live1.policies().get(0).comment());
            assertEquals(List.of(), Differ.diff(live1, applyAndReadAgain(server, v1), Hints.none()), "stable");
            try (Statement s = c1.createStatement(); ResultSet rs = s.executeQuery("SELECT concat_all(x) FROM"
                    + " (VALUES ('a'), ('b')) v(x)")) {
                assertTrue(rs.next());
                assertEquals("a, b", rs.getString(1));
            }

            // Every comment changed (old -> new), then every comment removed.
            migrateBothWays(c1, live1, live2);
            migrateBothWays(c1, live1, live3);
            // And the other way round: comments added where there were none.
            migrateBothWays(c3, live3, live2);
        }
    }

    private static Schema applyAndReadAgain(DevServer server, Schema model) throws SQLException {
        try (ScratchDatabase db = server.createScratch("comments_again"); Connection c = db.connect()) {
            return applyAndRead(c, model);
        }
    }

    private static void migrateBothWays(Connection c, Schema before, Schema desired) throws SQLException {
        dev.strata.sql.Rendered migration = Pipeline.migration(before, desired);
        List<String> up = Pipeline.up(migration);
        assertTrue(up.stream().noneMatch(s -> s.startsWith("DROP VIEW") || s.startsWith("DROP TRIGGER")
                || s.startsWith("DROP POLICY") || s.startsWith("DROP FUNCTION") || s.startsWith("DROP AGGREGATE")
                || s.contains("DROP CONSTRAINT")), "a comment alone changes in place:\n" + String.join("\n", up));
        execute(c, up);
        assertEquals(List.of(), Differ.diff(CatalogReader.read(c, "public"), desired, Hints.none()), "after up");
        execute(c, Pipeline.down(migration));
        assertEquals(List.of(), Differ.diff(CatalogReader.read(c, "public"), before, Hints.none()), "after down");
    }

    private static void execute(Connection c, List<String> statements) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static Constraint constraint(Table table, String name) {
        return table.constraints().stream().filter(k -> k.name().equals(name)).findFirst().orElseThrow();
    }

    private static Function function(Schema schema, String name) {
        return schema.functions().stream().filter(f -> f.name().name().equals(name)).findFirst().orElseThrow();
    }
}
