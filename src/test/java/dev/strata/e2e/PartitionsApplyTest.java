package dev.strata.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.catalog.CatalogReader;
import dev.strata.compile.DdlCompiler;
import dev.strata.diff.Change;
import dev.strata.diff.Differ;
import dev.strata.load.ModelLoader;
import dev.strata.model.Hints;
import dev.strata.model.QualifiedName;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Partitioned tables (RANGE with a DEFAULT partition, LIST, HASH), a partitioned index, a foreign
 * key from a partitioned table and an inheritance child written in EDN reach PostgreSQL, read back
 * without the objects PostgreSQL clones onto partitions, re-diff empty, and a new partition, a
 * dropped one and a changed bound migrate up and exactly back down.
 */
@WithPostgres
class PartitionsApplyTest {
    private static final String COMMON = """
             :customer {:fields {:id {:type :integer :primary-key true}}}
             :payment {:fields {:id {:type :integer :null false}
                                :customer-id {:type :integer :foreign-key :customer/id :on-delete :cascade}
                                :paid-at {:type :timestamptz :null false}
                                :amount {:type [:numeric 8 2]}}
                       :primary-key [:id :paid-at]
                       :partition-by {:strategy :range :keys [:paid-at]}
                       :indexes [{:fields [:customer-id]}]
                       :constraints [{:check [:raw "amount >= 0"] :name "payment_amount_positive"}]}
             :payment-default {:partition-of :payment :default true}
             :event {:fields {:id {:type :bigint} :kind {:type :text :null false}}
                     :partition-by {:strategy :list :keys [{:expression "lower(kind)"}]}}
             :event-login {:partition-of :event :for-values "IN ('login', 'logout')"
                           :comment "sessions"}
             :bucket {:fields {:id {:type :integer} :name {:type :text :collate "C"}}
                      :partition-by {:strategy :hash :keys [:id]}}
             :bucket-0 {:partition-of :bucket :for-values "WITH (MODULUS 2, REMAINDER 0)"
                        :indexes [{:fields [:name]}]}
             :bucket-1 {:partition-of :bucket :for-values "WITH (MODULUS 2, REMAINDER 1)"}
             :animal {:fields {:id {:type :integer :null false} :name {:type :text}}
                      :constraints [{:check [:raw "id > 0"] :name "animal_id_positive"}]}
             :dog {:inherits [:animal] :fields {:breed {:type :text}}}
             :cat {:inherits [:animal]}
            """;
    private static final String V1 = "{" + COMMON + """
             :payment-2024-01 {:partition-of :payment :for-values "FROM ('2024-01-01') TO ('2024-02-01')"}
             :payment-2024-02 {:partition-of :payment :for-values "FROM ('2024-02-01') TO ('2024-03-01')"}
             :event-other {:partition-of :event :for-values "IN ('click')"}}
            """;
    private static final String V2 = "{" + COMMON + """
             :payment-2024-01 {:partition-of :payment :for-values "FROM ('2023-12-01') TO ('2024-02-01')"}
             :payment-2024-03 {:partition-of :payment :for-values "FROM ('2024-03-01') TO ('2024-04-01')"}
             :event-other {:partition-of :event :for-values "IN ('click', 'scroll')"}}
            """;

    @Test
    void partitionsApplyReadBackAndMigrateBothWays(DevServer server, @TempDir Path tmp) throws Exception {
        Schema v1 = ModelLoader.load(tree(tmp.resolve("v1"), V1)).schema();
        Schema v2 = ModelLoader.load(tree(tmp.resolve("v2"), V2)).schema();
        try (ScratchDatabase a = server.createScratch("part_a"); ScratchDatabase b = server.createScratch("part_b");
             ScratchDatabase a2 = server.createScratch("part_a2");
             Connection ca = a.connect(); Connection cb = b.connect(); Connection ca2 = a2.connect()) {
            apply(ca, DdlCompiler.compile(v1));
            apply(cb, DdlCompiler.compile(v2));
            apply(ca2, DdlCompiler.compile(v1));
            Schema before = CatalogReader.read(ca, "public");
            Schema desired = CatalogReader.read(cb, "public");
            assertEquals(List.of(), Differ.diff(before, CatalogReader.read(ca2, "public"), Hints.none()),
                    "the same model applied twice reads back equal");

            Table payment = before.table("payment").orElseThrow();
            assertEquals("RANGE (paid_at)", payment.lineage().partitionKey());
            assertEquals(List.of("payment_customer_id_idx"), payment.indexes().stream().map(i -> i.name()).toList());
            Table jan = before.table("payment_2024_01").orElseThrow();
            assertEquals(QualifiedName.of("payment"), jan.lineage().partitionOf());
            assertTrue(jan.lineage().partitionBound().startsWith("FOR VALUES FROM ('2024-01-01 00:00:00"),
                    jan.lineage().partitionBound());
            assertEquals(List.of(), jan.columns(), "a partition's columns are its parent's");
            assertEquals(List.of(), jan.constraints(), "cloned key, check and foreign key stay on the parent");
            assertEquals(List.of(), jan.indexes(), "the partitioned index's children stay on the parent");
            assertEquals("DEFAULT", before.table("payment_default").orElseThrow().lineage().partitionBound());
            assertEquals("LIST (lower(kind))", before.table("event").orElseThrow().lineage().partitionKey());
            assertEquals("sessions", before.table("event_login").orElseThrow().comment());
            assertEquals(List.of("bucket_0_name_idx"),
                    before.table("bucket_0").orElseThrow().indexes().stream().map(i -> i.name()).toList());
            Table dog = before.table("dog").orElseThrow();
            assertEquals(List.of(QualifiedName.of("animal")), dog.lineage().inherits());
            assertEquals(List.of("breed"), dog.columns().stream().map(c -> c.name()).toList());
            assertEquals(List.of(), dog.constraints(), "the inherited check stays on the parent");
            assertEquals(List.of(), before.table("cat").orElseThrow().columns());

            List<Change> changes = Planner.plan(Differ.diff(before, desired, Hints.none()), before, desired);
            // Each moved bound is a DETACH and an ATTACH.
            assertEquals(List.of("AlterTable", "AlterTable", "AlterTable", "AlterTable", "CreateTable", "DropTable"),
                    changes.stream().map(c -> c.getClass().getSimpleName()).sorted().toList(), changes.toString());
            Rendered migration = ChangeRenderer.renderAll(changes);
            String up = migration.up().stream().map(dev.strata.sql.Statement::sql).toList().toString();
            assertTrue(up.contains("ALTER TABLE payment DETACH PARTITION payment_2024_01"), up);
            assertTrue(up.contains("ALTER TABLE payment ATTACH PARTITION payment_2024_01 FOR VALUES FROM ('2023-12-01"), up);
            assertTrue(up.contains("CREATE TABLE payment_2024_03 PARTITION OF payment\nFOR VALUES FROM"), up);
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

    private static void apply(Connection c, List<String> statements) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                try {
                    s.execute(sql);
                } catch (SQLException e) {
                    throw new AssertionError(e.getMessage() + "\n" + sql, e);
                }
            }
        }
    }
}
