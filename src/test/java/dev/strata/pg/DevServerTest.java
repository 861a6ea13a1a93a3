package dev.strata.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.testing.TestPostgres;
import dev.strata.testing.WithPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

@WithPostgres
class DevServerTest {
    @Test
    void classDatabaseIsRealAndEmpty(ScratchDatabase db) throws SQLException {
        try (Connection c = db.connect();
             ResultSet rs = c.createStatement().executeQuery(
                     "select current_database(), current_setting('server_version_num')::int,"
                             + " (select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                             + "  where n.nspname = 'public')")) {
            rs.next();
            assertEquals(db.name(), rs.getString(1));
            assertTrue(rs.getInt(2) >= 140000, "PostgreSQL 14 or newer");
            assertEquals(0, rs.getInt(3));
        }
    }

    @Test
    void scratchDatabaseIsDroppedOnClose(DevServer server) throws SQLException {
        String name;
        try (ScratchDatabase scratch = server.createScratch("drop_me")) {
            name = scratch.name();
            assertTrue(exists(server, name));
        }
        assertFalse(exists(server, name));
    }

    @Test
    void serverOriginIsKnown() {
        assertTrue(java.util.Set.of("env", "testcontainers", "embedded").contains(TestPostgres.origin()));
    }

    private static boolean exists(DevServer server, String name) throws SQLException {
        try (Connection c = server.connect();
             var ps = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
