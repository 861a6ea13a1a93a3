package dev.strata.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import dev.strata.load.ModelLoader;
import dev.strata.model.DerivedColumn;
import dev.strata.model.QualifiedName;
import dev.strata.model.Schema;
import dev.strata.model.Table;
import dev.strata.pg.DevServer;
import dev.strata.pg.ScratchDatabase;
import dev.strata.testing.WithPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A partition's, inheritance child's or typed table's own NOT NULL, DEFAULT and comment on the
 * columns it derives ({@code :column-options}): read, diffed, migrated both ways, and checked
 * against the raw pg_attribute rows of both databases (not only Strata's own re-diff), since a
 * parent's ALTER COLUMN recurses into its descendants.
 */
@WithPostgres
class DerivedColumnOptionsPostgresTest {
    private static final String TYPED = "CREATE TYPE tt AS (f1 text, f2 numeric, f3 text, f4 boolean);";
    private static final String PARTS = "CREATE TABLE p (a int, b int DEFAULT 1, c text, d int NOT NULL)"
            + " PARTITION BY LIST (a);";

    @Test
    void typedTableOptionsAreReadAndMigrate(DevServer server) throws Exception {
        String a = TYPED + "CREATE TABLE t OF tt (f1 WITH OPTIONS NOT NULL, f2 WITH OPTIONS DEFAULT 1000,"
                + " f3 WITH OPTIONS DEFAULT 'word', f4 WITH OPTIONS DEFAULT true, PRIMARY KEY (f1));"
                + "COMMENT ON COLUMN t.f3 IS 'three';";
        String b = TYPED + "CREATE TABLE t OF tt (f2 WITH OPTIONS DEFAULT 2000, f4 WITH OPTIONS NOT NULL);"
                + "COMMENT ON COLUMN t.f2 IS 'two';";
        PairCheck.Result r = check(server, a, b);
        Table t = table(r.before(), "t");
        assertEquals(List.of("f2", "f3", "f4"), List.copyOf(t.lineage().columnOptions().keySet()),
                "f1's NOT NULL is its primary key's");
        assertEquals("1000", t.lineage().columnOption("f2").defaultExpr());
        assertEquals("three", t.lineage().columnOption("f3").comment());
        assertTrue(table(r.desired(), "t").lineage().columnOption("f4").notNull());
    }

    @Test
    void typedTableWhoseTypeChangesKeepsItsOptions(DevServer server) throws Exception {
        String type2 = "CREATE TYPE tt AS (f1 text, f2 numeric, f3 text, f4new numeric);";
        check(server, TYPED + "CREATE TABLE t OF tt (f1 WITH OPTIONS NOT NULL, f2 WITH OPTIONS DEFAULT 1000,"
                        + " f4 WITH OPTIONS DEFAULT true, PRIMARY KEY (f1));",
                type2 + "CREATE TABLE t OF tt (f1 WITH OPTIONS NOT NULL, f2 WITH OPTIONS DEFAULT 1000,"
                        + " f4new WITH OPTIONS DEFAULT 2000, PRIMARY KEY (f1));");
    }

    @Test
    void partitionOptionsSurviveTheParentsRecursingChanges(DevServer server) throws Exception {
        String a = PARTS + "CREATE TABLE p1 PARTITION OF p FOR VALUES IN (1);"
                + "CREATE TABLE p2 PARTITION OF p (b DEFAULT 7, c NOT NULL) FOR VALUES IN (2);"
                + "COMMENT ON COLUMN p2.d IS 'dee';";
        // The parent's default moves (SET DEFAULT recurses into p1 and p2) and its d loses NOT NULL
        // (DROP NOT NULL recurses); p2 keeps a default of its own and takes NOT NULL on d as its own.
        String b = "CREATE TABLE p (a int, b int DEFAULT 3, c text, d int) PARTITION BY LIST (a);"
                + "CREATE TABLE p1 PARTITION OF p FOR VALUES IN (1);"
                + "CREATE TABLE p2 PARTITION OF p (b DEFAULT 7, c NOT NULL, d NOT NULL) FOR VALUES IN (2);";
        PairCheck.Result r = check(server, a, b);
        Table p2 = table(r.before(), "p2");
        assertEquals(new DerivedColumn(false, "7", false, null), p2.lineage().columnOption("b"));
        assertEquals(new DerivedColumn(true, null, false, null), p2.lineage().columnOption("c"));
        assertEquals(new DerivedColumn(false, null, false, "dee"), p2.lineage().columnOption("d"),
                "d's NOT NULL is the parent's");
        assertTrue(table(r.before(), "p1").lineage().columnOptions().isEmpty());
        assertEquals(new DerivedColumn(true, null, false, null), table(r.desired(), "p2").lineage().columnOption("d"));
    }

    @Test
    void aPartitionWithoutTheParentsDefaultAndSubPartitions(DevServer server) throws Exception {
        String a = PARTS + "CREATE TABLE p1 PARTITION OF p FOR VALUES IN (1);"
                + "CREATE TABLE p2 PARTITION OF p FOR VALUES IN (2, 3) PARTITION BY LIST (a);"
                + "CREATE TABLE p2a PARTITION OF p2 FOR VALUES IN (2);"
                + "CREATE TABLE p2b PARTITION OF p2 (b DEFAULT 9) FOR VALUES IN (3);";
        String b = "CREATE TABLE p (a int, b int DEFAULT 5, c text NOT NULL, d int NOT NULL) PARTITION BY LIST (a);"
                + "CREATE TABLE p1 PARTITION OF p FOR VALUES IN (1);"
                + "ALTER TABLE ONLY p1 ALTER COLUMN b DROP DEFAULT;"
                + "CREATE TABLE p2 PARTITION OF p (b DEFAULT 8) FOR VALUES IN (2, 3) PARTITION BY LIST (a);"
                + "CREATE TABLE p2a PARTITION OF p2 FOR VALUES IN (2);"
                + "CREATE TABLE p2b PARTITION OF p2 (b DEFAULT 9) FOR VALUES IN (3);"
                + "CREATE TABLE p4 PARTITION OF p (b DEFAULT 44) FOR VALUES IN (4);";
        PairCheck.Result r = check(server, a, b);
        assertEquals(new DerivedColumn(false, null, true, null), table(r.desired(), "p1").lineage().columnOption("b"));
        assertTrue(table(r.desired(), "p2a").lineage().columnOptions().isEmpty(), "p2a follows p2's own default");
        // And back the other way: a partition with options of its own is dropped while the parent changes.
        check(server, b, a);
    }

    @Test
    void inheritanceChildrenKeepTheirOwnDefaults(DevServer server) throws Exception {
        String a = "CREATE TABLE i (a int DEFAULT 5 NOT NULL, b int, c text);"
                + "CREATE TABLE ic () INHERITS (i); ALTER TABLE ONLY ic ALTER COLUMN a SET DEFAULT 6;"
                + "CREATE TABLE id (x int) INHERITS (i);";
        String b = "CREATE TABLE i (a int DEFAULT 9, b int, c text);"
                + "CREATE TABLE ic () INHERITS (i); ALTER TABLE ONLY ic ALTER COLUMN a SET DEFAULT 6;"
                + "ALTER TABLE ic ALTER COLUMN b SET NOT NULL; COMMENT ON COLUMN ic.c IS 'sea';"
                + "CREATE TABLE id (x int) INHERITS (i); ALTER TABLE id ALTER COLUMN a SET NOT NULL;";
        check(server, a, b);
    }

    @Test
    void theModelSaysItAndInspectWritesIt(DevServer server, @TempDir Path root) throws Exception {
        ModelApply.write(root, "models.edn", """
                {:tt {:type :composite :fields {:f1 {:type :text} :f2 {:type :numeric}}}
                 :t {:of :tt :primary-key [:f1]
                     :column-options {:f2 {:default 1000 :null false :comment "two"}}}
                 :p {:fields [[:a :integer] [:b :integer {:default 1}]] :partition-by {:strategy :list :keys [:a]}}
                 :p1 {:partition-of :p :for-values "IN (1)" :column-options {:b {:default nil}}}
                 :p2 {:partition-of :p :for-values "IN (2)" :column-options {:b {:default 7} :a {:comment "ay"}}}}
                """);
        ModelApply.Result r = ModelApply.run(server, "derived_m", root);
        assertEquals(new DerivedColumn(true, "1000", false, "two"), table(r.read(), "t").lineage().columnOption("f2"));
        assertEquals(new DerivedColumn(false, null, true, null), table(r.read(), "p1").lineage().columnOption("b"));
        assertEquals(new DerivedColumn(false, "7", false, null), table(r.read(), "p2").lineage().columnOption("b"));
        assertEquals(List.of(), Differ.diff(r.read(), r.model(), dev.strata.model.Hints.none()).stream()
                .filter(c -> c instanceof Change.AlterDerivedColumn).toList());
        assertEquals(List.of(), r.inspection().unsupported(), "own column options are carried, not reported");
        String models = r.file("models.edn");
        assertTrue(models.contains(":column-options {:f2 {:null false, :default \"1000\"")
                || models.contains(":column-options {:f2 {:null false :default"), models);
        assertTrue(models.contains(":default nil"), models);
    }

    @Test
    void badColumnOptionsAreInvalidModels(@TempDir Path root) throws Exception {
        ModelApply.write(root, "models.edn", """
                {:p {:fields [[:a :integer] [:b :integer]] :partition-by {:strategy :list :keys [:a]}}
                 :plain {:fields [[:x :integer]] :column-options {:x {:default 1}}}
                 :p1 {:partition-of :p :for-values "IN (1)"
                      :column-options {:zz {:default 1} :a {:null true} :b {:width 3}}}}
                """);
        StrataException e = assertThrows(StrataException.class, () -> ModelLoader.load(root));
        assertEquals(ErrorCode.INVALID_MODEL, e.code());
        String problems = String.join("\n", e.problems());
        assertTrue(problems.contains(":column-options is for the columns a partition"), problems);
        assertTrue(problems.contains("only :null false (NOT NULL)"), problems);
        assertTrue(problems.contains("unknown option :width"), problems);
        assertTrue(problems.contains("names column zz, which table p1 does not take from its parent or type"), problems);
        assertTrue(problems.contains("models.edn:"), problems);
    }

    /** PairCheck, then the raw pg_attribute settings of every column: after up as desired, after down as before. */
    private static PairCheck.Result check(DevServer server, String a, String b) throws SQLException {
        List<String> before;
        List<String> desired;
        try (ScratchDatabase dbA = server.createScratch("raw_a"); ScratchDatabase dbB = server.createScratch("raw_b");
             Connection ca = dbA.connect(); Connection cb = dbB.connect();
             Statement sa = ca.createStatement(); Statement sb = cb.createStatement()) {
            sa.execute(a);
            sb.execute(b);
            before = raw(ca);
            desired = raw(cb);
            PairCheck.Result r = PairCheck.run(server, a, b, (migrated, m) ->
                    assertEquals(desired, raw(migrated), "pg_attribute after up\n" + String.join("\n", Pipeline.up(m))));
            try (ScratchDatabase dbC = server.createScratch("raw_c"); Connection cc = dbC.connect();
                 Statement sc = cc.createStatement()) {
                sc.execute(a);
                for (dev.strata.sql.Statement s : r.migration().up()) {
                    sc.execute(s.sql());
                }
                for (dev.strata.sql.Statement s : r.migration().down()) {
                    sc.execute(s.sql());
                }
                assertEquals(before, raw(cc), "pg_attribute after down\n" + String.join("\n", Pipeline.down(r.migration())));
            }
            return r;
        }
    }

    /** table.column notnull default comment, for every column of every table of public. */
    private static List<String> raw(Connection c) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT cl.relname || '.' || a.attname || ' ' || a.attnotnull || ' '
                       || coalesce(pg_get_expr(d.adbin, d.adrelid), '-') || ' '
                       || coalesce(col_description(cl.oid, a.attnum), '-')
                FROM pg_attribute a JOIN pg_class cl ON cl.oid = a.attrelid
                LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                WHERE cl.relnamespace = 'public'::regnamespace AND cl.relkind IN ('r', 'p')
                  AND a.attnum > 0 AND NOT a.attisdropped
                ORDER BY 1""")) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    private static Table table(Schema schema, String name) {
        return schema.tables().stream().filter(t -> t.name().equals(QualifiedName.of(name))).findFirst().orElseThrow();
    }
}
