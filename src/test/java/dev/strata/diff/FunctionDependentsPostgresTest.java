package dev.strata.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.catalog.CatalogReader;
import dev.strata.model.Hints;
import dev.strata.model.Schema;
import dev.strata.pg.DevServer;
import dev.strata.pg.ScratchDatabase;
import dev.strata.sql.Rendered;
import dev.strata.testing.WithPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A function that must be dropped and created again (its parameter names change, which CREATE OR
 * REPLACE refuses) takes the views and column defaults that call it along: PostgreSQL refuses to
 * drop it under them (pgcodekeeper's depcy_drop_overloaded_function, modify_function_depcy_col).
 */
@WithPostgres
class FunctionDependentsPostgresTest {
    @Test
    void viewsAndDefaultsThatCallAReplacedFunctionMoveAroundIt(DevServer server) throws Exception {
        String a = "CREATE FUNCTION f(p integer) RETURNS integer LANGUAGE sql AS 'SELECT p + 1';"
                + "CREATE TABLE t (id int, n int DEFAULT f(1));"
                + "CREATE VIEW v AS SELECT id, f(id) AS g FROM t;";
        String b = "CREATE FUNCTION f(q integer) RETURNS integer LANGUAGE sql AS 'SELECT q + 2';"
                + "CREATE TABLE t (id int, n int DEFAULT f(1));"
                + "CREATE VIEW v AS SELECT id, f(id) AS g FROM t;";
        try (ScratchDatabase dbA = server.createScratch("fd_a"); ScratchDatabase dbB = server.createScratch("fd_b");
             Connection ca = dbA.connect(); Connection cb = dbB.connect(); Statement sa = ca.createStatement();
             Statement sb = cb.createStatement()) {
            sa.execute(a);
            sb.execute(b);
            Schema before = CatalogReader.read(ca, "public");
            Schema desired = CatalogReader.read(cb, "public");
            Rendered migration = Pipeline.migration(before, desired);
            ca.setAutoCommit(false);
            for (dev.strata.sql.Statement s : migration.up()) {
                sa.execute(s.sql());
            }
            ca.commit();
            assertEquals(List.of(), Differ.diff(CatalogReader.read(ca, "public"), desired, Hints.none()), "after up");
            for (dev.strata.sql.Statement s : migration.down()) {
                sa.execute(s.sql());
            }
            ca.commit();
            assertEquals(List.of(), Differ.diff(CatalogReader.read(ca, "public"), before, Hints.none()), "after down");
        }
    }
}
