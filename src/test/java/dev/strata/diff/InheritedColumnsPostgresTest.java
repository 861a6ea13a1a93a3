package dev.strata.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import dev.strata.catalog.CatalogReader;
import dev.strata.model.Hints;
import dev.strata.model.Schema;
import dev.strata.pg.DevServer;
import dev.strata.pg.ScratchDatabase;
import dev.strata.sql.Rendered;
import dev.strata.testing.WithPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Whether a column of an INHERITS child is its own ({@code attislocal}) on a real PostgreSQL: the
 * catalog reader reads a child's own columns that a parent also gives, a changed parent keeps the
 * shared columns inherited-only, a parent's column dropped while the child keeps it is an ONLY
 * drop, and what PostgreSQL cannot reach is refused with the way out. Each case checks
 * {@code pg_attribute} itself, not only a re-diff.
 */
@WithPostgres
class InheritedColumnsPostgresTest {

    @Test
    void aChildsOwnColumnThatAParentAlsoGivesIsRead(DevServer server) throws Exception {
        try (ScratchDatabase db = server.createScratch("inh_read"); Connection c = db.connect();
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE p (id int, note text); CREATE TABLE ch (id int, extra int) INHERITS (p)");
            Schema read = CatalogReader.read(c, "public");
            assertEquals(List.of("id", "extra"), read.table("ch").orElseThrow().columns().stream()
                    .map(dev.strata.model.Column::name).toList());
        }
    }

    @Test
    void aNewParentGivingTheSameColumnKeepsItInheritedOnly(DevServer server) throws Exception {
        String a = "CREATE TABLE p1 (id bigint NOT NULL); CREATE TABLE p2 (id bigint NOT NULL);"
                + "CREATE TABLE ch (x int) INHERITS (p1);";
        String b = "CREATE TABLE p1 (id bigint NOT NULL); CREATE TABLE p2 (id bigint NOT NULL);"
                + "CREATE TABLE ch (x int) INHERITS (p2);";
        PairCheck.run(server, a, b, (c, m) -> {
            assertEquals(List.of("ALTER TABLE ch INHERIT p2", "ALTER TABLE ch NO INHERIT p1"), Pipeline.up(m));
            assertEquals(List.of("id:false:1", "x:true:0"), attributes(c, "ch"));
        });
    }

    @Test
    void aParentsDroppedColumnThatTheChildKeepsIsAnOnlyDrop(DevServer server) throws Exception {
        // migra's inherit2: the column moves from the parent to the child, rows and all.
        String a = "CREATE TABLE base (at timestamp DEFAULT now(), e int); CREATE TABLE a (a1 int) INHERITS (base);";
        String b = "CREATE TABLE base (at timestamp DEFAULT now()); CREATE TABLE a (a1 int, e int) INHERITS (base);";
        try (ScratchDatabase dbA = server.createScratch("inh_only_a"); ScratchDatabase dbB = server.createScratch("inh_only_b");
             Connection ca = dbA.connect(); Connection cb = dbB.connect(); Statement sa = ca.createStatement();
             Statement sb = cb.createStatement()) {
            sa.execute(a + "INSERT INTO a (a1, e) VALUES (1, 42)");
            sb.execute(b);
            Schema before = CatalogReader.read(ca, "public");
            Schema desired = CatalogReader.read(cb, "public");
            Rendered m = Pipeline.migration(before, desired);
            assertEquals(List.of("ALTER TABLE ONLY base DROP COLUMN e"), Pipeline.up(m));
            sa.execute(String.join(";", Pipeline.up(m)));
            assertEquals(List.of(), Differ.diff(CatalogReader.read(ca, "public"), desired, Hints.none()));
            assertEquals(List.of("a1:true:0", "at:false:1", "e:true:0"), attributes(ca, "a").stream().sorted().toList());
            try (ResultSet rs = sa.executeQuery("SELECT e FROM a")) {
                rs.next();
                assertEquals(42, rs.getInt(1));
            }
            // The down gives the parent its column back; the child keeps its own, and says so.
            assertTrue(Pipeline.down(m).get(Pipeline.down(m).size() - 1).startsWith("-- the inheritance children of base keep e"),
                    Pipeline.down(m).toString());
            sa.execute(String.join(";", Pipeline.down(m)));
            assertEquals(List.of("a1:true:0", "at:false:1", "e:true:1"), attributes(ca, "a").stream().sorted().toList());
        }
    }

    @Test
    void whatPostgresCannotReachIsRefusedWithTheWayOut(DevServer server) throws Exception {
        // A plain table that starts to inherit keeps its columns as its own.
        refused(server, "CREATE TABLE p (id int); CREATE TABLE ch (id int, x int);",
                "CREATE TABLE p (id int); CREATE TABLE ch (x int) INHERITS (p);",
                "ch.id is the child's own column now and stays so: add it to ch's :fields");
        // A column the child only inherits cannot become its own while the parent keeps it.
        refused(server, "CREATE TABLE p (id int); CREATE TABLE ch (x int) INHERITS (p);",
                "CREATE TABLE p (id int); CREATE TABLE ch (id int, x int) INHERITS (p);",
                "ch.id cannot become the child's own while p still gives it: remove it from ch's :fields");
        // A new parent's column must be added to the child first.
        refused(server, "CREATE TABLE p (id int, y int); CREATE TABLE ch (id int, x int);",
                "CREATE TABLE p (id int, y int); CREATE TABLE ch (id int, x int) INHERITS (p);",
                "ch.y must be added to ch before it can inherit p, so it is the child's own: add it to ch's :fields");
        // The same change with the columns in the child's own list runs, and reads back the same.
        PairCheck.run(server, "CREATE TABLE p (id int, y int); CREATE TABLE ch (id int, x int);",
                "CREATE TABLE p (id int, y int); CREATE TABLE ch (id int, x int, y int) INHERITS (p);",
                (c, m) -> assertEquals(List.of("id:true:1", "x:true:0", "y:true:1"),
                        attributes(c, "ch").stream().sorted().toList()));
    }

    private static void refused(DevServer server, String sqlA, String sqlB, String line) throws SQLException {
        try (ScratchDatabase dbA = server.createScratch("inh_ref_a"); ScratchDatabase dbB = server.createScratch("inh_ref_b");
             Connection ca = dbA.connect(); Connection cb = dbB.connect(); Statement sa = ca.createStatement();
             Statement sb = cb.createStatement()) {
            sa.execute(sqlA);
            sb.execute(sqlB);
            Schema current = CatalogReader.read(ca, "public");
            Schema desired = CatalogReader.read(cb, "public");
            StrataException e = assertThrows(StrataException.class, () -> Differ.diff(current, desired, Hints.none()));
            assertEquals(ErrorCode.REFUSED_CHANGE, e.code());
            assertTrue(e.getMessage().contains("  - " + line + "\n"), e.getMessage());
            assertTrue(e.getMessage().contains("strata make-migration --sql"), e.getMessage());
        }
    }

    /** {@code name:attislocal:attinhcount} of each column of {@code table}, in attnum order. */
    private static List<String> attributes(Connection c, String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT attname, attislocal, attinhcount"
                + " FROM pg_attribute WHERE attrelid = '" + table + "'::regclass AND attnum > 0 AND NOT attisdropped"
                + " ORDER BY attnum")) {
            while (rs.next()) {
                out.add(rs.getString(1) + ":" + rs.getBoolean(2) + ":" + rs.getInt(3));
            }
        }
        return out;
    }
}
