package dev.strata.runner;

import static dev.strata.runner.RunnerFixtures.execute;
import static dev.strata.runner.RunnerFixtures.history;
import static dev.strata.runner.RunnerFixtures.relations;
import static dev.strata.runner.RunnerFixtures.source;
import static dev.strata.runner.RunnerFixtures.strings;
import static dev.strata.runner.RunnerFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import dev.strata.migration.Migration;
import dev.strata.pg.DevServer;
import dev.strata.pg.ScratchDatabase;
import dev.strata.testing.WithPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Migrator#baseline}: a migration recorded as applied without running. */
@WithPostgres
class MigratorBaselineTest {
    @TempDir
    Path dir;

    private void writeProject() {
        write(dir, "0001_baseline.edn", "{:up [\"CREATE TABLE users (id bigint PRIMARY KEY)\"]\n :down [\"DROP TABLE users\"]}\n");
        write(dir, "0002_add_name.sql", "-- FORWARD\nALTER TABLE users ADD COLUMN name text;\n"
                + "-- BACKWARD\nALTER TABLE users DROP COLUMN name;\n");
    }

    @Test
    void recordsTheMigrationWithoutRunningItAndLaterOnesApplyOnTop(DevServer server) throws Exception {
        writeProject();
        try (ScratchDatabase db = server.createScratch("base")) {
            execute(db, "CREATE TABLE users (id bigint PRIMARY KEY)");
            execute(db, "INSERT INTO users VALUES (7)");
            Migrator migrator = new Migrator(source(db), dir, MigratorOptions.defaults());
            Migration first = migrator.migrations().get(0);

            AppliedMigration row = migrator.baseline(first);
            assertEquals(1, row.number());
            assertEquals("baseline", row.name());
            assertEquals("edn", row.kind());
            assertEquals(first.checksum(), row.checksum());
            assertEquals(0, row.executionMs());
            assertEquals(List.of(row), migrator.history());
            assertEquals(List.of("7"), strings(db, "SELECT id::text FROM users"), "the table was not recreated");

            MigrationStatus status = migrator.status();
            assertEquals(List.of(MigrationStatus.State.APPLIED, MigrationStatus.State.PENDING),
                    status.entries().stream().map(MigrationStatus.Entry::state).toList());
            assertEquals(List.of("0002_add_name"), migrator.migrate().stream().map(s -> s.migration().id()).toList());
            assertEquals(List.of("1 baseline edn", "2 add_name sql"), history(db, "public"));
            assertEquals(List.of("7 null"), strings(db, "SELECT id || ' ' || coalesce(name, 'null') FROM users"));
        }
    }

    @Test
    void aSchemaWithHistoryIsRefusedAndKeepsItsHistory(DevServer server) throws Exception {
        writeProject();
        try (ScratchDatabase db = server.createScratch("base")) {
            Migrator migrator = new Migrator(source(db), dir, MigratorOptions.defaults());
            migrator.migrate(1);
            List<String> before = history(db, "public");

            StrataException e = assertThrows(StrataException.class, () -> migrator.baseline(migrator.migrations().get(1)));
            assertEquals(ErrorCode.MIGRATION_FILES, e.code());
            assertTrue(e.getMessage().startsWith("schema public already has 1 migration recorded in public.strata_migrations"
                    + " (the last is 0001_baseline)"), e.getMessage());
            assertEquals(ErrorCode.MIGRATION_FILES,
                    assertThrows(StrataException.class, migrator::checkBaselineAllowed).code());
            assertEquals(before, history(db, "public"));
        }
    }

    @Test
    void createsSchemaAndHistoryTableInTheTargetSchemaOnly(DevServer server) throws Exception {
        writeProject();
        try (ScratchDatabase db = server.createScratch("base")) {
            Migrator migrator = new Migrator(source(db), dir, MigratorOptions.defaults().withSchema("tenant_a"));
            migrator.checkBaselineAllowed();
            assertEquals(List.of(), relations(db, "tenant_a"), "the check creates nothing");
            migrator.baseline(migrator.migrations().get(0));
            assertEquals(List.of("strata_migrations:r", "strata_migrations_pkey:i"), relations(db, "tenant_a"));
            assertEquals(List.of("1 baseline edn"), history(db, "tenant_a"));
            assertEquals(List.of(), relations(db, "public").stream().filter(r -> r.startsWith("strata")).toList());
        }
    }

    @Test
    void waitsForTheSchemaLock(DevServer server) throws Exception {
        writeProject();
        try (ScratchDatabase db = server.createScratch("base"); Connection holder = db.connect()) {
            try (PreparedStatement ps = holder.prepareStatement("SELECT pg_advisory_lock(?)")) {
                ps.setLong(1, AdvisoryLock.keyFor("public"));
                ps.execute();
            }
            Migrator impatient = new Migrator(source(db), dir, MigratorOptions.defaults().withLockWait(Duration.ofSeconds(1)));
            StrataException e = assertThrows(StrataException.class, () -> impatient.baseline(impatient.migrations().get(0)));
            assertEquals(ErrorCode.LOCKED, e.code());
            assertEquals(List.of(), strings(db, "SELECT relname::text FROM pg_class WHERE relname = 'strata_migrations'"));
            holder.createStatement().execute("SELECT pg_advisory_unlock_all()");
            assertEquals(1, impatient.baseline(impatient.migrations().get(0)).number());
        }
    }
}
