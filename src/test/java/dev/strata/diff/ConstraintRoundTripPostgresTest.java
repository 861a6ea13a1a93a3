package dev.strata.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.catalog.CatalogReader;
import dev.strata.compile.DdlCompiler;
import dev.strata.load.LoadedModel;
import dev.strata.load.ModelLoader;
import dev.strata.model.Constraint;
import dev.strata.model.Hints;
import dev.strata.model.Schema;
import dev.strata.pg.DevServer;
import dev.strata.pg.ScratchDatabase;
import dev.strata.sql.Rendered;
import dev.strata.testing.WithPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Constraint names and options from the model to a real PostgreSQL and back: model A is compiled
 * into one database and model B into another; both catalogs diff to the expected change kinds;
 * the up applied to A's database leaves nothing to diff against B, and the down leaves nothing to
 * diff against A as it was.
 */
@WithPostgres
class ConstraintRoundTripPostgresTest {
    @TempDir
    Path dir;

    private static final String PARENT = ":parent {:fields {:id {:type :integer :primary-key true}"
            + " :a {:type :integer} :b {:type :integer}} :unique [[:a :b]]}";

    static Stream<Arguments> pairs() {
        return Stream.of(
                Arguments.of("primary key renamed (its index with it)",
                        "{:customers {:fields {:id {:type :text :primary-key true}}}}",
                        "{:customers {:fields {:id {:type :text :primary-key true :constraint-name \"pk_customers\"}}}}",
                        List.of("RenameConstraint")),
                Arguments.of("unique, check and foreign key renamed",
                        "{" + PARENT + " :child {:fields {:id {:type :integer :primary-key true}"
                                + " :p {:type :integer :foreign-key :parent/id} :u {:type :text :unique true}"
                                + " :n {:type :integer :check [:> :n 0]}}}}",
                        "{" + PARENT + " :child {:fields {:id {:type :integer :primary-key true}"
                                + " :p {:type :integer :foreign-key :parent/id :constraint-name \"fk_parent\"}"
                                + " :u {:type :text :unique true :constraint-name \"uq_u\"}"
                                + " :n {:type :integer :check [:> :n 0] :constraint-name \"positive_n\"}}}}",
                        List.of("RenameConstraint", "RenameConstraint", "RenameConstraint")),
                Arguments.of("primary key and unique made deferrable",
                        "{:t {:fields {:id {:type :integer} :u {:type :integer}} :primary-key [:id] :unique [[:u]]}}",
                        "{:t {:fields {:id {:type :integer} :u {:type :integer}}"
                                + " :primary-key {:fields [:id] :deferrable true}"
                                + " :unique [{:fields [:u] :deferrable true :initially-deferred true}]}}",
                        List.of("DropConstraint", "DropConstraint", "AddConstraint", "AddConstraint")),
                Arguments.of("foreign key made deferrable in place",
                        "{" + PARENT + " :child {:fields {:p {:type :integer :foreign-key :parent/id}}}}",
                        "{" + PARENT + " :child {:fields {:p {:type :integer}}"
                                + " :foreign-keys [{:fields [:p] :references :parent :deferrable true"
                                + " :initially-deferred true}]}}",
                        List.of("AlterConstraint")),
                Arguments.of("exclusion constraint made deferrable",
                        "{:booking {:fields {:during {:type :tstzrange}}"
                                + " :constraints [{:exclude \"EXCLUDE USING gist (during WITH &&)\"}]}}",
                        "{:booking {:fields {:during {:type :tstzrange}}"
                                + " :constraints [{:exclude \"EXCLUDE USING gist (during WITH &&)\" :deferrable true"
                                + " :initially-deferred true}]}}",
                        List.of("DropConstraint", "AddConstraint")),
                Arguments.of("unique NULLS NOT DISTINCT",
                        "{:t {:fields {:a {:type :integer} :b {:type :integer}} :unique [[:a :b]]}}",
                        "{:t {:fields {:a {:type :integer} :b {:type :integer}}"
                                + " :unique [{:fields [:a :b] :nulls-not-distinct true}]}}",
                        List.of("DropConstraint", "AddConstraint")),
                Arguments.of("check NO INHERIT",
                        "{:t {:fields {:a {:type :integer}} :constraints [{:check [:> :a 0]}]}}",
                        "{:t {:fields {:a {:type :integer}} :constraints [{:check [:> :a 0] :no-inherit true}]}}",
                        List.of("DropConstraint", "AddConstraint")),
                Arguments.of("foreign key MATCH FULL",
                        "{" + PARENT + " :child {:fields {:a {:type :integer} :b {:type :integer}}"
                                + " :foreign-keys [{:fields [:a :b] :references :parent :ref-fields [:a :b]}]}}",
                        "{" + PARENT + " :child {:fields {:a {:type :integer} :b {:type :integer}}"
                                + " :foreign-keys [{:fields [:a :b] :references :parent :ref-fields [:a :b]"
                                + " :match :full}]}}",
                        List.of("DropConstraint", "AddConstraint")),
                Arguments.of("NOT VALID check and foreign key validated",
                        "{" + PARENT + " :child {:fields {:p {:type :integer} :n {:type :integer}}"
                                + " :constraints [{:check [:> :n 0] :not-valid true}]"
                                + " :foreign-keys [{:fields [:p] :references :parent :not-valid true}]}}",
                        "{" + PARENT + " :child {:fields {:p {:type :integer} :n {:type :integer}}"
                                + " :constraints [{:check [:> :n 0]}]"
                                + " :foreign-keys [{:fields [:p] :references :parent :deferrable true}]}}",
                        List.of("AlterConstraint", "AlterConstraint")),
                Arguments.of("renamed and made deferrable at once",
                        "{" + PARENT + " :child {:fields {:p {:type :integer :foreign-key :parent/id}}}}",
                        "{" + PARENT + " :child {:fields {:p {:type :integer}}"
                                + " :foreign-keys [{:fields [:p] :references :parent :name \"fk_p\""
                                + " :deferrable true}]}}",
                        List.of("RenameConstraint", "AlterConstraint")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void upConvergesAndDownReverses(String title, String modelA, String modelB, List<String> expected,
                                    DevServer server) throws Exception {
        try (ScratchDatabase dbA = server.createScratch("con_a"); ScratchDatabase dbB = server.createScratch("con_b");
             Connection a = dbA.connect(); Connection b = dbB.connect()) {
            compile(a, load("a", modelA));
            compile(b, load("b", modelB));
            Schema before = CatalogReader.read(a, "public");
            Schema desired = CatalogReader.read(b, "public");
            assertEquals(List.of(), Differ.diff(before, before, Hints.none()), "diff(A, A)");
            assertEquals(List.of(), Differ.diff(desired, desired, Hints.none()), "diff(B, B)");
            List<Change> changes = Pipeline.planned(before, desired, Hints.none());
            assertEquals(expected, changes.stream().map(c -> c.getClass().getSimpleName()).toList(), changes.toString());

            Rendered migration = Pipeline.migration(before, desired, Hints.none());
            apply(a, Pipeline.up(migration));
            assertEquals(List.of(), Differ.diff(CatalogReader.read(a, "public"), desired, Hints.none()),
                    "diff(live after up, B)");
            apply(a, Pipeline.down(migration));
            assertEquals(List.of(), Differ.diff(CatalogReader.read(a, "public"), before, Hints.none()),
                    "diff(live after down, A)");
        }
    }

    @Test
    void primaryKeyRenameRenamesItsIndexAndBack(DevServer server) throws Exception {
        try (ScratchDatabase dbA = server.createScratch("pk_a"); ScratchDatabase dbB = server.createScratch("pk_b");
             Connection a = dbA.connect(); Connection b = dbB.connect()) {
            compile(a, load("a", "{:customers {:fields {:id {:type :text :primary-key true}}}}"));
            compile(b, load("b", "{:customers {:fields {:id {:type :text :primary-key true"
                    + " :constraint-name \"pk_customers\"}}}}"));
            Schema before = CatalogReader.read(a, "public");
            Schema desired = CatalogReader.read(b, "public");
            assertEquals(new Constraint.PrimaryKey("pk_customers", List.of("id")),
                    desired.table("customers").orElseThrow().primaryKey().orElseThrow());
            Rendered migration = Pipeline.migration(before, desired, Hints.none());
            assertEquals(List.of("ALTER TABLE customers RENAME CONSTRAINT customers_pkey TO pk_customers"),
                    Pipeline.up(migration));
            assertEquals(List.of("ALTER TABLE customers RENAME CONSTRAINT pk_customers TO customers_pkey"),
                    Pipeline.down(migration));
            apply(a, Pipeline.up(migration));
            assertEquals(List.of("pk_customers"), strings(a, "SELECT indexrelid::regclass::text FROM pg_index"
                    + " WHERE indrelid = 'customers'::regclass"));
            apply(a, Pipeline.down(migration));
            assertEquals(List.of("customers_pkey"), strings(a, "SELECT indexrelid::regclass::text FROM pg_index"
                    + " WHERE indrelid = 'customers'::regclass"));
        }
    }

    @Test
    void validationIsNotUndoneAndAValidConstraintSatisfiesNotValid(DevServer server) throws Exception {
        try (ScratchDatabase dbA = server.createScratch("nv_a"); ScratchDatabase dbB = server.createScratch("nv_b");
             Connection a = dbA.connect(); Connection b = dbB.connect()) {
            String notValid = "{:t {:fields {:n {:type :integer}} :constraints [{:check [:> :n 0] :not-valid true}]}}";
            compile(a, load("a", notValid));
            compile(b, load("b", "{:t {:fields {:n {:type :integer}} :constraints [{:check [:> :n 0]}]}}"));
            Schema before = CatalogReader.read(a, "public");
            Schema desired = CatalogReader.read(b, "public");
            assertEquals(new Constraint.Check("t_n_check", "((n > 0))", false, true),
                    before.table("t").orElseThrow().constraints().get(0));
            Rendered migration = Pipeline.migration(before, desired, Hints.none());
            assertEquals(List.of("ALTER TABLE t VALIDATE CONSTRAINT t_n_check"), Pipeline.up(migration));
            assertEquals(List.of("ALTER TABLE t DROP CONSTRAINT t_n_check",
                    "ALTER TABLE t ADD CONSTRAINT t_n_check CHECK (((n > 0))) NOT VALID"), Pipeline.down(migration));
            apply(a, Pipeline.up(migration));
            assertEquals(List.of("true"), strings(a, "SELECT convalidated::text FROM pg_constraint"
                    + " WHERE conname = 't_n_check'"));
            apply(a, Pipeline.down(migration));
            // The down restores the NOT VALID constraint exactly (pg_dump prints NOT VALID again).
            assertEquals(List.of("false"), strings(a, "SELECT convalidated::text FROM pg_constraint"
                    + " WHERE conname = 't_n_check'"));
            apply(a, Pipeline.up(migration));
            // The live, validated constraint against the model that says NOT VALID: nothing to do.
            assertEquals(List.of(), Differ.diff(CatalogReader.read(a, "public"), before, Hints.none()));
            assertTrue(Differ.diff(before, CatalogReader.read(a, "public"), Hints.none()).get(0)
                    instanceof Change.AlterConstraint);
        }
    }

    private LoadedModel load(String name, String modelsEdn) throws IOException {
        Path root = dir.resolve(name);
        Files.createDirectories(root.resolve("shared"));
        Files.writeString(root.resolve("shared/models.edn"), modelsEdn);
        return ModelLoader.load(root);
    }

    private static void compile(Connection c, LoadedModel model) throws SQLException {
        apply(c, DdlCompiler.compile(model.schema()));
    }

    private static void apply(Connection c, List<String> statements) throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                try {
                    s.execute(sql);
                } catch (SQLException e) {
                    throw new SQLException("failed at: " + sql + "\n" + e.getMessage(), e);
                }
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
