package dev.strata.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.model.Column;
import dev.strata.model.Schema;
import dev.strata.pg.DevServer;
import dev.strata.testing.WithPostgres;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An identity sequence whose LOGGED / UNLOGGED differs from its table's (PostgreSQL 15+):
 * {@code :identity {... :sequence-logged false}}, read, migrated both ways (the table's own SET
 * LOGGED / UNLOGGED resets its sequences), checked on pg_class itself.
 */
@WithPostgres
class IdentitySequencePersistencePostgresTest {
    private static final String WRAPPER = "CREATE FOREIGN DATA WRAPPER w; CREATE SERVER s FOREIGN DATA WRAPPER w;";

    @Test
    void sequencesLoggedUnlikeTheirTablesMigrate(DevServer server) throws Exception {
        Assumptions.assumeTrue(server.major() >= 15, "unlogged sequences exist from PostgreSQL 15 on");
        String a = "CREATE UNLOGGED TABLE t1 (id bigint GENERATED ALWAYS AS IDENTITY);"
                + "CREATE TABLE t2 (id bigint GENERATED ALWAYS AS IDENTITY);" + WRAPPER
                + "CREATE FOREIGN TABLE t3 (id bigint NOT NULL) SERVER s;"
                + "ALTER TABLE t3 ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY;";
        String b = a + "ALTER SEQUENCE t1_id_seq SET LOGGED; ALTER SEQUENCE t2_id_seq SET UNLOGGED;"
                + "ALTER SEQUENCE t3_id_seq SET UNLOGGED;";
        PairCheck.Result r = PairCheck.run(server, a, b, (c, m) -> assertEquals(
                List.of("t1 u", "t1_id_seq p", "t2 p", "t2_id_seq u", "t3 p", "t3_id_seq u"), persistence(c)));
        assertEquals("LOGGED", sequence(r.desired(), "t1").persistence());
        assertEquals(null, sequence(r.before(), "t1").persistence());
    }

    @Test
    void theTablesOwnPersistenceChangeKeepsTheSequencesOwn(DevServer server) throws Exception {
        Assumptions.assumeTrue(server.major() >= 15, "unlogged sequences exist from PostgreSQL 15 on");
        String a = "CREATE UNLOGGED TABLE t1 (id bigint GENERATED ALWAYS AS IDENTITY, n int);"
                + "ALTER SEQUENCE t1_id_seq SET LOGGED;"
                + "CREATE TABLE t2 (id bigint GENERATED ALWAYS AS IDENTITY); ALTER SEQUENCE t2_id_seq SET UNLOGGED;";
        String b = "CREATE TABLE t1 (id bigint GENERATED ALWAYS AS IDENTITY, n int); ALTER SEQUENCE t1_id_seq SET UNLOGGED;"
                + "CREATE UNLOGGED TABLE t2 (id bigint GENERATED ALWAYS AS IDENTITY);";
        PairCheck.run(server, a, b, (c, m) -> assertEquals(
                List.of("t1 p", "t1_id_seq u", "t2 u", "t2_id_seq u"), persistence(c)));
        PairCheck.run(server, b, a, (c, m) -> assertEquals(
                List.of("t1 u", "t1_id_seq p", "t2 p", "t2_id_seq u"), persistence(c)));
    }

    @Test
    void theModelSaysItAndInspectWritesIt(DevServer server, @TempDir Path root) throws Exception {
        Assumptions.assumeTrue(server.major() >= 15, "unlogged sequences exist from PostgreSQL 15 on");
        ModelApply.write(root, "models.edn", """
                {:events {:fields {:id {:type :bigint :identity {:generated :always :sequence-logged true}}}
                          :unlogged true}
                 :plain {:fields {:id {:type :bigint :identity {:generated :by-default :sequence-logged true}}}}}
                """);
        ModelApply.Result r = ModelApply.run(server, "idseq_m", root);
        assertEquals("LOGGED", sequence(r.read(), "events").persistence());
        assertEquals(null, sequence(r.read(), "plain").persistence(), "as logged as its table: nothing of its own");
        assertEquals(List.of(), r.inspection().unsupported());
        assertTrue(r.file("models.edn").contains(":sequence-logged true"), r.file("models.edn"));
    }

    private static dev.strata.model.IdentitySequence sequence(Schema schema, String table) {
        Column id = schema.table(table).orElseThrow().column("id").orElseThrow();
        return id.identitySequence();
    }

    private static List<String> persistence(java.sql.Connection c) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT relname || ' ' || relpersistence::text FROM pg_class WHERE relnamespace = 'public'::regnamespace"
                        + " AND relkind IN ('r', 'S', 'f') ORDER BY 1")) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
