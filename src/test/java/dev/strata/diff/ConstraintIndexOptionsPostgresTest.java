package dev.strata.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.strata.model.Constraint;
import dev.strata.model.Index;
import dev.strata.model.Table;
import dev.strata.pg.DevServer;
import dev.strata.sql.Statement;
import dev.strata.testing.WithPostgres;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * INCLUDE and storage parameters of the index behind a primary key or unique constraint, ON
 * DELETE SET NULL (columns) and unique indexes NULLS NOT DISTINCT on a real PostgreSQL: up
 * converges, down restores (PairCheck).
 */
@WithPostgres
class ConstraintIndexOptionsPostgresTest {
    @Test
    void includeAndStorageOfKeys(DevServer server) throws Exception {
        PairCheck.Result r = PairCheck.run(server,
                "CREATE TABLE t (id int, a int, b int, CONSTRAINT t_pkey PRIMARY KEY (id) WITH (fillfactor=70),"
                        + " CONSTRAINT t_a_key UNIQUE (a) INCLUDE (b));",
                "CREATE TABLE t (id int, a int, b int, CONSTRAINT t_pkey PRIMARY KEY (id) WITH (fillfactor=90),"
                        + " CONSTRAINT t_a_key UNIQUE (a) WITH (fillfactor=50));"
                        + "CREATE TABLE u (id int, n text, CONSTRAINT u_pkey PRIMARY KEY (id) INCLUDE (n));",
                (c, m) -> {
                    String up = sql(m.up());
                    assertTrue(up.contains("ALTER INDEX t_pkey SET (fillfactor=90)"), up);
                    assertTrue(up.contains("PRIMARY KEY (id) INCLUDE (n)"), up);
                });
        Table t = r.before().table("t").orElseThrow();
        Constraint.PrimaryKey pk = t.primaryKey().orElseThrow();
        assertEquals(Map.of("fillfactor", "70"), pk.storage());
        Constraint.Unique u = t.constraints(Constraint.Unique.class).get(0);
        assertEquals(List.of("b"), u.include());
    }

    @Test
    void foreignKeyOnDeleteSetNullColumns(DevServer server) throws Exception {
        assumeTrue(server.major() >= 15, "ON DELETE SET NULL (columns) needs PostgreSQL 15");
        String base = "CREATE TABLE p (a int, b int, PRIMARY KEY (a, b));";
        PairCheck.Result r = PairCheck.run(server,
                base + "CREATE TABLE c (a int, b int, CONSTRAINT c_fk FOREIGN KEY (a, b) REFERENCES p ON DELETE SET NULL);",
                base + "CREATE TABLE c (a int, b int, CONSTRAINT c_fk FOREIGN KEY (a, b) REFERENCES p"
                        + " ON DELETE SET NULL (b));",
                (c, m) -> assertTrue(sql(m.up()).contains("ON DELETE SET NULL (b)"), sql(m.up())));
        Constraint.ForeignKey fk = r.desired().table("c").orElseThrow().constraints(Constraint.ForeignKey.class).get(0);
        assertEquals(List.of("b"), fk.deleteSetColumns());
    }

    @Test
    void uniqueIndexNullsNotDistinct(DevServer server) throws Exception {
        assumeTrue(server.major() >= 15, "NULLS NOT DISTINCT needs PostgreSQL 15");
        PairCheck.Result r = PairCheck.run(server,
                "CREATE TABLE t (a int, b int); CREATE UNIQUE INDEX t_a ON t (a);",
                "CREATE TABLE t (a int, b int); CREATE UNIQUE INDEX t_a ON t (a) NULLS NOT DISTINCT;"
                        + "CREATE UNIQUE INDEX t_b ON t (b) NULLS NOT DISTINCT WHERE b > 0;",
                (c, m) -> assertTrue(sql(m.up()).contains("NULLS NOT DISTINCT"), sql(m.up())));
        Index a = r.desired().table("t").orElseThrow().indexes().get(0);
        assertTrue(a.nullsNotDistinct());
        assertTrue(r.desired().table("t").orElseThrow().indexes().get(1).where() != null);
    }

    private static String sql(List<Statement> statements) {
        return String.join("\n", statements.stream().map(Statement::sql).toList());
    }
}
