package dev.strata.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.model.Statistics;
import dev.strata.pg.DevServer;
import dev.strata.sql.Statement;
import dev.strata.testing.WithPostgres;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Extended statistics ({@code CREATE STATISTICS}): carried from the model to PostgreSQL and back. */
@WithPostgres
class StatisticsPostgresTest {
    private static String up(PairCheck.Result r) {
        return String.join(";\n", r.migration().up().stream().map(Statement::sql).toList());
    }

    @Test
    void createdAlteredCommentedRecreatedAndDropped(DevServer server) throws Exception {
        String a = "CREATE TABLE t1 (a int, b int, c text); CREATE TABLE t2 (a int, b int);"
                + "CREATE STATISTICS s1 ON a, b FROM t1;"
                + "CREATE STATISTICS s3 ON a, b FROM t1;"
                + "CREATE STATISTICS s5 ON a, b FROM t1; ALTER STATISTICS s5 SET STATISTICS 1000;"
                + "CREATE STATISTICS s6 (dependencies) ON a, b FROM t1;"
                + "CREATE STATISTICS s7 ON a, b FROM t1;";
        String b = "CREATE TABLE t1 (a int, b int, c text); CREATE TABLE t2 (a int, b int);"
                + "CREATE STATISTICS s1 ON a, b FROM t1;"
                + "CREATE STATISTICS s2 ON a, b FROM t1; COMMENT ON STATISTICS s2 IS 'rows of a and b go together';"
                + "CREATE STATISTICS s5 ON a, b FROM t1;"
                + "CREATE STATISTICS s6 (ndistinct, mcv) ON a, b FROM t1; ALTER STATISTICS s6 SET STATISTICS 100;"
                + "CREATE STATISTICS s7 ON a, b FROM t2;"
                + "COMMENT ON STATISTICS s1 IS NULL;";
        PairCheck.Result r = PairCheck.run(server, a, b, (c, m) -> { });
        String up = up(r);
        assertEquals(1000, r.before().statistics().stream().filter(s -> s.name().name().equals("s5")).findFirst()
                .orElseThrow().target());
        assertTrue(up.contains("DROP STATISTICS s3") && up.contains("CREATE STATISTICS s2 ON a, b FROM t1")
                && up.contains("COMMENT ON STATISTICS s2 IS 'rows of a and b go together'")
                && up.contains("ALTER STATISTICS s5 SET STATISTICS -1")
                && up.contains("CREATE STATISTICS s6 (ndistinct, mcv) ON a, b FROM t1")
                && up.contains("ALTER STATISTICS s6 SET STATISTICS 100")
                && up.contains("CREATE STATISTICS s7 ON a, b FROM t2"), up);
        assertTrue(!up.contains("s1"), "an unchanged object is left alone: " + up);
        Statistics s6 = r.desired().statistics().stream().filter(s -> s.name().name().equals("s6")).findFirst().orElseThrow();
        assertEquals(List.of("ndistinct", "mcv"), s6.kinds());
        assertEquals(100, s6.target());
        assertEquals(List.of("a", "b"), s6.columns());
        PairCheck.run(server, b, "", (c, m) -> { });
    }

    @Test
    void expressionsAndFunctionsTheyCall(DevServer server) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(server.major() >= 14, "statistics on expressions exist from 14 on");
        String a = "CREATE FUNCTION f(x int) RETURNS int IMMUTABLE LANGUAGE sql AS 'SELECT x + 1';"
                + "CREATE TABLE t (a int, b int, c text);"
                + "CREATE STATISTICS s ON a, f(b) FROM t; CREATE STATISTICS e ON (lower(c)) FROM t;";
        String b = "CREATE FUNCTION f(x int, y int DEFAULT 0) RETURNS int IMMUTABLE LANGUAGE sql AS 'SELECT x + y';"
                + "CREATE TABLE t (a int, b int, c text);"
                + "CREATE STATISTICS s ON a, f(b) FROM t; CREATE STATISTICS e ON (upper(c)) FROM t;";
        PairCheck.Result r = PairCheck.run(server, a, b, (c, m) -> { });
        String up = up(r);
        assertTrue(up.indexOf("DROP STATISTICS s") < up.indexOf("DROP FUNCTION f(")
                && up.indexOf("CREATE FUNCTION f(") < up.indexOf("CREATE STATISTICS s ON a, f(b) FROM t"), up);
        assertEquals("upper(c)", r.desired().statistics().get(0).keys());
    }

    @Test
    void columnChangesTakeTheirStatisticsAlong(DevServer server) throws Exception {
        String a = "CREATE TABLE t (a int, b int, c text, d int);"
                + "CREATE STATISTICS on_b ON a, b FROM t; CREATE STATISTICS on_c ON a, c FROM t;"
                + "COMMENT ON STATISTICS on_c IS 'kept'; ALTER STATISTICS on_c SET STATISTICS 300;"
                + "CREATE STATISTICS on_d ON a, d FROM t;";
        // b is dropped (its statistics with it), c changes type (its statistics are made again), d stays.
        String b = "CREATE TABLE t (a int, c varchar(20), d int);"
                + "CREATE STATISTICS on_c ON a, c FROM t; COMMENT ON STATISTICS on_c IS 'kept';"
                + "ALTER STATISTICS on_c SET STATISTICS 300;"
                + "CREATE STATISTICS on_d ON a, d FROM t;";
        PairCheck.Result r = PairCheck.run(server, a, b, (c, m) -> { });
        String up = up(r);
        assertTrue(up.indexOf("DROP STATISTICS on_b") < up.indexOf("DROP COLUMN b"), up);
        assertTrue(up.indexOf("ALTER COLUMN c TYPE") < up.lastIndexOf("CREATE STATISTICS on_c"), up);
        assertTrue(!up.contains("on_d"), up);
    }

    @Test
    void aDroppedTableTakesItsStatisticsAndTheDownBringsThemBack(DevServer server) throws Exception {
        String a = "CREATE TABLE gone (a int, b int); CREATE STATISTICS gone_ab (mcv) ON a, b FROM gone;"
                + "ALTER STATISTICS gone_ab SET STATISTICS 50; COMMENT ON STATISTICS gone_ab IS 'bye';";
        PairCheck.Result r = PairCheck.run(server, a, "", (c, m) -> { });
        String down = String.join(";\n", r.migration().down().stream().map(Statement::sql).toList());
        assertTrue(down.indexOf("CREATE TABLE gone") < down.indexOf("CREATE STATISTICS gone_ab (mcv) ON a, b FROM gone")
                && down.contains("ALTER STATISTICS gone_ab SET STATISTICS 50")
                && down.contains("COMMENT ON STATISTICS gone_ab IS 'bye'"), down);
    }

    @Test
    void theModelSaysItAndInspectWritesIt(DevServer server, @TempDir Path root) throws Exception {
        ModelApply.write(root, "models.edn", """
                {:orders {:fields {:id {:type :integer} :region {:type :text} :city-name {:type :text}}}
                 :orders-geo {:type :statistics :table :orders :on [:region :city-name] :kinds [:dependencies]
                              :target 250 :comment "cities lie in one region"}}
                """);
        ModelApply.Result r = ModelApply.run(server, "stats_m", root);
        assertEquals(1, r.read().statistics().size());
        assertEquals(List.of(), Differ.diff(r.read(), r.read(), dev.strata.model.Hints.none()));
        assertEquals(List.of(), r.inspection().unsupported());
        String models = r.file("models.edn");
        assertTrue(models.contains(":type :statistics") && models.contains(":table :orders")
                && models.contains(":on [:region :city-name]") && models.contains(":kinds [:dependencies]")
                && models.contains(":target 250") && models.contains(":comment \"cities lie in one region\""), models);
    }
}
