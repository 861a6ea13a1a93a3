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
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Storage parameters, comments, UNLOGGED and FORCE ROW LEVEL SECURITY change in place: the exact
 * up and down of catalogs read from PostgreSQL (the convergence itself is in DiffInvariantsPostgresTest).
 */
@WithPostgres
class OptionChangesPostgresTest {
    private Rendered migration(DevServer server, String sqlA, String sqlB) throws SQLException {
        try (ScratchDatabase dbA = server.createScratch("opt_a"); ScratchDatabase dbB = server.createScratch("opt_b");
             Connection a = dbA.connect(); Connection b = dbB.connect()) {
            try (var s = a.createStatement()) {
                s.execute(sqlA);
            }
            try (var s = b.createStatement()) {
                s.execute(sqlB);
            }
            Schema before = CatalogReader.read(a, "public");
            Schema desired = CatalogReader.read(b, "public");
            return Pipeline.migration(before, desired, Hints.none());
        }
    }

    @Test
    void indexStorageAndCommentAreAlteredNotRecreated(DevServer server) throws SQLException {
        Rendered r = migration(server,
                "CREATE TABLE t (a int); CREATE INDEX t_a ON t (a) WITH (fillfactor=70, deduplicate_items=off);"
                        + "COMMENT ON INDEX t_a IS 'old';",
                "CREATE TABLE t (a int); CREATE INDEX t_a ON t (a) WITH (fillfactor=80);");
        assertEquals(List.of("ALTER INDEX t_a RESET (deduplicate_items)", "ALTER INDEX t_a SET (fillfactor=80)",
                "COMMENT ON INDEX t_a IS NULL"), Pipeline.up(r));
        assertEquals(List.of("ALTER INDEX t_a SET (deduplicate_items=off, fillfactor=70)",
                "COMMENT ON INDEX t_a IS 'old'"), Pipeline.down(r));
    }

    @Test
    void tableOptionsAreAlteredInPlace(DevServer server) throws SQLException {
        Rendered r = migration(server,
                "CREATE TABLE t (a int) WITH (fillfactor=80, autovacuum_enabled=false);",
                "CREATE UNLOGGED TABLE t (a int) WITH (fillfactor=90); ALTER TABLE t FORCE ROW LEVEL SECURITY;");
        assertEquals(List.of("ALTER TABLE t SET UNLOGGED", "ALTER TABLE t RESET (autovacuum_enabled)",
                "ALTER TABLE t SET (fillfactor=90)", "ALTER TABLE t FORCE ROW LEVEL SECURITY"), Pipeline.up(r));
        assertEquals(List.of("ALTER TABLE t SET LOGGED", "ALTER TABLE t SET (autovacuum_enabled=false, fillfactor=80)",
                "ALTER TABLE t NO FORCE ROW LEVEL SECURITY"), Pipeline.down(r));
    }

    @Test
    void aNewTableIsCreatedWithItsOptions(DevServer server) throws SQLException {
        Rendered r = migration(server, "SELECT 1",
                "CREATE UNLOGGED TABLE t (a int) WITH (fillfactor=60); ALTER TABLE t FORCE ROW LEVEL SECURITY;"
                        + "CREATE INDEX t_a ON t (a DESC NULLS LAST) WITH (fillfactor=30); COMMENT ON INDEX t_a IS 'x';");
        assertEquals(List.of("CREATE UNLOGGED TABLE t (\n    a integer\n) WITH (fillfactor=60)",
                "CREATE INDEX t_a ON t USING btree (a DESC NULLS LAST) WITH (fillfactor=30)",
                "COMMENT ON INDEX t_a IS 'x'", "ALTER TABLE t FORCE ROW LEVEL SECURITY"), Pipeline.up(r));
        assertEquals(List.of("DROP TABLE t"), Pipeline.down(r));
    }
}
