package dev.strata.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.StrataException;
import dev.strata.pg.DevServer;
import dev.strata.pg.PgDump;
import dev.strata.pg.ScratchDatabase;
import dev.strata.testing.WithPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without a pg_dump of the server's major (or newer), {@code migrate --backup} applies nothing,
 * exits with code 8 and names what this machine has. Runs where the test server is newer than every
 * pg_dump here (PostgreSQL 17 with Debian 12's client 15, as in CI).
 */
@WithPostgres
class BackupNeedsPgDumpTest {
    @Test
    void tooOldPgDumpStopsBeforeAnythingRuns(DevServer server, @TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(PgDump.forServer(server.major()).isEmpty(),
                "this machine has a pg_dump for PostgreSQL " + server.major() + "; nothing to check");
        Path migrations = dir.resolve("migrations");
        Files.createDirectories(migrations);
        Files.writeString(migrations.resolve("0001_t.sql"), "-- FORWARD\nCREATE TABLE t (id integer);\n-- BACKWARD\nDROP TABLE t;\n");
        try (ScratchDatabase db = server.createScratch("backup_old")) {
            ConnectionSource source = ConnectionSource.of(db.url(), server.user(), server.password());
            Migrator migrator = new Migrator(source, migrations, MigratorOptions.defaults().withBackupDir(dir.resolve("b")));
            StrataException e = Assertions.assertThrows(StrataException.class, migrator::migrate);
            assertEquals(8, e.code().exitCode());
            assertTrue(e.getMessage().contains("needs pg_dump of PostgreSQL " + server.major() + " or newer"), e.getMessage());
            assertTrue(e.getMessage().contains("STRATA_PG_DUMP"), e.getMessage());
            assertEquals(0, migrator.status().appliedCount(), "nothing was applied");
            assertTrue(!Files.exists(dir.resolve("b")) || Files.list(dir.resolve("b")).findAny().isEmpty(), "no dump file");
        }
    }
}
