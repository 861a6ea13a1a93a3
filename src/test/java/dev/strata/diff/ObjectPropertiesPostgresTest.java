package dev.strata.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.strata.model.Domain;
import dev.strata.model.Table;
import dev.strata.pg.DevServer;
import dev.strata.sql.Statement;
import dev.strata.testing.WithPostgres;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Per-object properties on a real PostgreSQL: unlogged sequences, domain checks NOT VALID,
 * REPLICA IDENTITY and CLUSTER ON. Each is added, changed and removed; up converges and down
 * restores (PairCheck).
 */
@WithPostgres
class ObjectPropertiesPostgresTest {
    @Test
    void unloggedSequences(DevServer server) throws Exception {
        assumeTrue(server.major() >= 15, "unlogged sequences need PostgreSQL 15");
        PairCheck.Result r = PairCheck.run(server,
                "CREATE UNLOGGED SEQUENCE a; CREATE SEQUENCE b;",
                "CREATE SEQUENCE a; CREATE UNLOGGED SEQUENCE b; CREATE UNLOGGED SEQUENCE c START 5;",
                (c, m) -> {
                    String up = sql(m.up());
                    assertTrue(up.contains("ALTER SEQUENCE a SET LOGGED"), up);
                    assertTrue(up.contains("ALTER SEQUENCE b SET UNLOGGED"), up);
                    assertTrue(up.contains("CREATE UNLOGGED SEQUENCE c"), up);
                });
        assertTrue(r.before().sequences().get(0).unlogged());
    }

    @Test
    void domainChecksNotValid(DevServer server) throws Exception {
        PairCheck.Result r = PairCheck.run(server,
                "CREATE DOMAIN d AS int; ALTER DOMAIN d ADD CONSTRAINT pos CHECK (VALUE > 0) NOT VALID;"
                        + "CREATE DOMAIN e AS int CONSTRAINT small CHECK (VALUE < 100);",
                "CREATE DOMAIN d AS int CONSTRAINT pos CHECK (VALUE > 0);"
                        + "CREATE DOMAIN e AS int CONSTRAINT small CHECK (VALUE < 100);"
                        + "ALTER DOMAIN e ADD CONSTRAINT big CHECK (VALUE > -100) NOT VALID;"
                        + "CREATE DOMAIN f AS text; ALTER DOMAIN f ADD CONSTRAINT nonempty CHECK (VALUE <> '') NOT VALID;",
                (c, m) -> {
                    String up = sql(m.up());
                    assertTrue(up.contains("ALTER DOMAIN d VALIDATE CONSTRAINT pos"), up);
                    assertTrue(up.contains("ALTER DOMAIN e ADD CONSTRAINT big CHECK ((VALUE > '-100'::integer)) NOT VALID")
                            || up.contains("ALTER DOMAIN e ADD CONSTRAINT big CHECK ((VALUE > -100)) NOT VALID"), up);
                    assertTrue(up.contains("ALTER DOMAIN f ADD CONSTRAINT nonempty"), up);
                    assertTrue(sql(m.down()).contains("ALTER DOMAIN d DROP CONSTRAINT pos")
                            && sql(m.down()).contains("ALTER DOMAIN d ADD CONSTRAINT pos CHECK ((VALUE > 0)) NOT VALID"),
                            sql(m.down()));
                });
        Domain d = r.before().domains().stream().filter(x -> x.name().name().equals("d")).findFirst().orElseThrow();
        assertEquals(List.of(new Domain.Check("pos", "CHECK ((VALUE > 0))", true)), d.checks());
    }

    @Test
    void validDomainCheckWantedNotValidIsNoChange(DevServer server) throws Exception {
        PairCheck.run(server,
                "CREATE DOMAIN d AS int CONSTRAINT pos CHECK (VALUE > 0);",
                "CREATE DOMAIN d AS int; ALTER DOMAIN d ADD CONSTRAINT pos CHECK (VALUE > 0) NOT VALID;",
                (c, m) -> assertEquals(List.of(), m.up()));
    }

    @Test
    void replicaIdentityAndClusterOn(DevServer server) throws Exception {
        String base = "CREATE TABLE t (id int PRIMARY KEY, code text NOT NULL, note text);"
                + "CREATE UNIQUE INDEX t_code ON t (code); CREATE INDEX t_note ON t (note);"
                + "CREATE TABLE u (id int PRIMARY KEY); CREATE TABLE v (id int);";
        PairCheck.Result r = PairCheck.run(server,
                base + "ALTER TABLE t REPLICA IDENTITY FULL; ALTER TABLE t CLUSTER ON t_note;"
                        + "ALTER TABLE u REPLICA IDENTITY USING INDEX u_pkey; ALTER TABLE u CLUSTER ON u_pkey;",
                base + "ALTER TABLE t REPLICA IDENTITY USING INDEX t_code; ALTER TABLE t CLUSTER ON t_code;"
                        + "ALTER TABLE v REPLICA IDENTITY NOTHING;"
                        + "CREATE TABLE w (id int NOT NULL); CREATE UNIQUE INDEX w_id ON w (id);"
                        + "ALTER TABLE w REPLICA IDENTITY USING INDEX w_id; ALTER TABLE w CLUSTER ON w_id;",
                (c, m) -> {
                    String up = sql(m.up());
                    assertTrue(up.contains("ALTER TABLE t REPLICA IDENTITY USING INDEX t_code"), up);
                    assertTrue(up.contains("ALTER TABLE t CLUSTER ON t_code"), up);
                    assertTrue(up.contains("ALTER TABLE u REPLICA IDENTITY DEFAULT"), up);
                    assertTrue(up.contains("ALTER TABLE u SET WITHOUT CLUSTER"), up);
                    assertTrue(up.contains("ALTER TABLE w CLUSTER ON w_id"), up);
                });
        Table t = r.before().table("t").orElseThrow();
        assertEquals("FULL", t.replicaIdentity());
        assertEquals("t_note", t.clusterOn());
        Table u = r.before().table("u").orElseThrow();
        assertEquals("INDEX", u.replicaIdentity());
        assertEquals("u_pkey", u.replicaIdentityIndex());
        assertFalse(r.desired().table("v").orElseThrow().replicaIdentity() == null);
    }

    private static String sql(List<Statement> statements) {
        return String.join("\n", statements.stream().map(Statement::sql).toList());
    }
}
