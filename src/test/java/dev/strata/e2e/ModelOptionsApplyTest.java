package dev.strata.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.catalog.CatalogReader;
import dev.strata.compile.DdlCompiler;
import dev.strata.diff.Change;
import dev.strata.diff.Differ;
import dev.strata.load.ModelLoader;
import dev.strata.model.Hints;
import dev.strata.model.Index;
import dev.strata.model.Schema;
import dev.strata.model.Table;
import dev.strata.pg.DevServer;
import dev.strata.pg.ScratchDatabase;
import dev.strata.plan.Planner;
import dev.strata.sql.ChangeRenderer;
import dev.strata.sql.Rendered;
import dev.strata.testing.WithPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Index key options, storage parameters, index comments, UNLOGGED and FORCE ROW LEVEL SECURITY
 * written in EDN reach PostgreSQL, and a change of each migrates up and back down exactly.
 */
@WithPostgres
class ModelOptionsApplyTest {
    private static final String V1 = """
            {:account {:fields {:id {:type :integer :primary-key true}
                                :code {:type :text :null false}
                                :name {:type :text}}
                       :with {:fillfactor 80 :autovacuum_enabled false}
                       :indexes [{:name :account-code
                                  :fields [{:field :code :opclass :text-pattern-ops :order :desc}]
                                  :unique true
                                  :with {:fillfactor 70}
                                  :comment "invoices reference this"}
                                 {:name :account-name
                                  :fields [{:field :name :collate "C" :order :desc :nulls :last}
                                           {:expression [:raw "lower(name)"] :opclass :text-pattern-ops}]}]}
             :invoice {:fields {:id {:type :integer :primary-key true}
                                :account-code {:type :text :foreign-key :account/code}}}
             :scratch {:fields {:id {:type :integer}}
                       :unlogged true
                       :force-row-level-security true}}
            """;
    private static final String V2 = """
            {:account {:fields {:id {:type :integer :primary-key true}
                                :code {:type :text :null false}
                                :name {:type :text}}
                       :with {:fillfactor 90}
                       :force-row-level-security true
                       :indexes [{:name :account-code
                                  :fields [{:field :code :opclass :text-pattern-ops :order :desc}]
                                  :unique true
                                  :with {:fillfactor 60 :deduplicate_items false}}
                                 {:name :account-name
                                  :fields [{:field :name :collate "C" :order :asc :nulls :first}
                                           {:expression [:raw "lower(name)"] :opclass :text-pattern-ops}]
                                  :comment "by name"}]}
             :invoice {:fields {:id {:type :integer :primary-key true}
                                :account-code {:type :text :foreign-key :account/code}}}
             :scratch {:fields {:id {:type :integer}}}}
            """;

    @Test
    void optionsReachPostgresAndMigrateBothWays(DevServer server, @TempDir Path tmp) throws Exception {
        Schema v1 = ModelLoader.load(tree(tmp.resolve("v1"), V1)).schema();
        Schema v2 = ModelLoader.load(tree(tmp.resolve("v2"), V2)).schema();
        try (ScratchDatabase a = server.createScratch("opts_a"); ScratchDatabase b = server.createScratch("opts_b");
             Connection ca = a.connect(); Connection cb = b.connect()) {
            apply(ca, DdlCompiler.compile(v1));
            apply(cb, DdlCompiler.compile(v2));
            Schema before = CatalogReader.read(ca, "public");
            Schema desired = CatalogReader.read(cb, "public");

            Table account = before.table("account").orElseThrow();
            assertEquals(Map.of("autovacuum_enabled", "false", "fillfactor", "80"), account.storage());
            Index code = index(account, "account_code");
            assertEquals(List.of("code text_pattern_ops DESC"), code.keys());
            assertEquals(Map.of("fillfactor", "70"), code.storage());
            assertEquals("invoices reference this", code.comment());
            assertEquals(List.of("name COLLATE \"C\" DESC NULLS LAST", "lower(name) text_pattern_ops"),
                    index(account, "account_name").keys());
            Table scratch = before.table("scratch").orElseThrow();
            assertTrue(scratch.unlogged());
            assertTrue(scratch.forceRowLevelSecurity());

            List<Change> changes = Planner.plan(Differ.diff(before, desired, Hints.none()), before, desired);
            assertEquals(List.of("AlterIndex", "AlterTable", "AlterTable", "CreateIndex", "DropIndex"),
                    changes.stream().map(c -> c.getClass().getSimpleName()).sorted().toList(),
                    "options change in place; only the index whose key order changed is re-created: " + changes);
            Rendered migration = ChangeRenderer.renderAll(changes);
            apply(ca, migration.up().stream().map(dev.strata.sql.Statement::sql).toList());
            assertEquals(List.of(), Differ.diff(CatalogReader.read(ca, "public"), desired, Hints.none()), "after up");
            apply(ca, migration.down().stream().map(dev.strata.sql.Statement::sql).toList());
            assertEquals(List.of(), Differ.diff(CatalogReader.read(ca, "public"), before, Hints.none()), "after down");
        }
    }

    private static Path tree(Path root, String models) throws Exception {
        Files.createDirectories(root.resolve("shared"));
        Files.writeString(root.resolve("shared/models.edn"), models);
        return root;
    }

    private static Index index(Table table, String name) {
        return table.indexes().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
    }

    private static void apply(Connection c, List<String> statements) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
