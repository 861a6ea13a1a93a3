package dev.strata.diff;

import dev.strata.pg.DevServer;
import dev.strata.testing.WithPostgres;
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
        PairCheck.run(server,
                "CREATE FUNCTION f(p integer) RETURNS integer LANGUAGE sql AS 'SELECT p + 1';"
                        + "CREATE TABLE t (id int, n int DEFAULT f(1));"
                        + "CREATE VIEW v AS SELECT id, f(id) AS g FROM t;",
                "CREATE FUNCTION f(q integer) RETURNS integer LANGUAGE sql AS 'SELECT q + 2';"
                        + "CREATE TABLE t (id int, n int DEFAULT f(1));"
                        + "CREATE VIEW v AS SELECT id, f(id) AS g FROM t;",
                (c, m) -> { });
    }
}
