package dev.strata.runner;

import static dev.strata.runner.RunnerFixtures.catalog;
import static dev.strata.runner.RunnerFixtures.history;
import static dev.strata.runner.RunnerFixtures.relations;
import static dev.strata.runner.RunnerFixtures.source;
import static dev.strata.runner.RunnerFixtures.strings;
import static dev.strata.runner.RunnerFixtures.write;
import static dev.strata.runner.RunnerFixtures.writeBasicProject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import dev.strata.migration.Migration;
import dev.strata.pg.DevServer;
import dev.strata.pg.ScratchDatabase;
import dev.strata.testing.WithPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithPostgres
class MigratorTest {
    @TempDir
    Path dir;

    private Migrator migrator(ScratchDatabase db) {
        return new Migrator(source(db), dir, MigratorOptions.defaults());
    }

    private static List<String> ids(List<Step> steps) {
        return steps.stream().map(s -> s.migration().id() + " " + s.direction().label()).toList();
    }

    @Test
    void migrateAppliesPendingMigrationsInOrderAndRecordsHistory(DevServer server) throws Exception {
        writeBasicProject(dir);
        try (ScratchDatabase db = server.createScratch("mig")) {
            List<Step> steps = migrator(db).migrate();
            assertEquals(List.of("0001_create_users forward", "0002_add_email forward", "0003_add_indexes forward"), ids(steps));
            assertEquals(List.of("1 create_users edn", "2 add_email sql", "3 add_indexes edn"), history(db, "public"));
            assertEquals(List.of("strata_migrations:r", "strata_migrations_pkey:i", "users:r", "users_email_idx:i", "users_pkey:i"),
                    relations(db, "public"));
            List<Migration> files = migrator(db).migrations();
            assertEquals(files.stream().map(Migration::checksum).toList(),
                    strings(db, "SELECT checksum FROM strata_migrations ORDER BY number"));
            assertEquals(List.of("true"), strings(db, "SELECT bool_and(applied_by = current_user AND applied_at IS NOT NULL"
                    + " AND execution_ms >= 0)::text FROM strata_migrations"));
            assertEquals(List.of("true"), strings(db, "SELECT (array_agg(applied_at ORDER BY number) = array_agg(applied_at ORDER BY applied_at))::text"
                    + " FROM strata_migrations"));
            assertEquals(List.of(), migrator(db).migrate(), "a second run has nothing to do");
        }
    }

    @Test
    void migrateToGoesBackwardInReverseOrderAndToZeroLeavesOnlyTheHistoryTable(DevServer server) throws Exception {
        writeBasicProject(dir);
        try (ScratchDatabase db = server.createScratch("mig")) {
            assertEquals(List.of("0001_create_users forward"), ids(migrator(db).migrate(1)));
            assertEquals(List.of("0002_add_email forward", "0003_add_indexes forward"), ids(migrator(db).migrateTo(3)));
            assertEquals(List.of("0003_add_indexes backward", "0002_add_email backward"), ids(migrator(db).migrateTo(1)));
            assertEquals(List.of("1 create_users edn"), history(db, "public"));
            assertEquals(List.of("id", "name"), strings(db, "SELECT attname FROM pg_attribute WHERE attrelid = 'users'::regclass"
                    + " AND attnum > 0 AND NOT attisdropped ORDER BY attnum"));
            assertEquals(List.of("0001_create_users backward"), ids(migrator(db).migrateTo(0)));
            assertEquals(List.of("strata_migrations:r", "strata_migrations_pkey:i"), relations(db, "public"));
            assertEquals(List.of(), history(db, "public"));
            assertEquals(3, migrator(db).migrateTo(3).size());
            assertEquals(3, history(db, "public").size());
        }
    }

    @Test
    void aFailingStatementLeavesSchemaAndHistoryExactlyAsBefore(DevServer server) throws Exception {
        writeBasicProject(dir);
        write(dir, "0004_broken.sql", "-- FORWARD\nCREATE TYPE mood AS ENUM ('ok', 'sad');\nCREATE SCHEMA audit;\n"
                + "CREATE TABLE audit.events (id int, m mood);\nALTER TABLE users ADD COLUMN age int;\n"
                + "COMMENT ON COLUMN users.name IS 'changed';\nDROP INDEX users_email_idx;\n"
                + "UPDATE users SET age = 1 / 0;\nCREATE TABLE never (id int);\n-- BACKWARD\nSELECT 1;\n");
        try (ScratchDatabase db = server.createScratch("mig")) {
            migrator(db).migrate(3);
            RunnerFixtures.execute(db, "INSERT INTO users VALUES (1, 'ada', 'ada@example.org')");
            List<String> before = catalog(db);
            StrataException e = assertThrows(StrataException.class, () -> migrator(db).migrate());
            assertEquals(ErrorCode.DATABASE, e.code());
            assertTrue(e.getMessage().contains("migration 0004_broken failed (forward, schema public) at statement 7 of 8:"), e.getMessage());
            assertTrue(e.getMessage().contains("    UPDATE users SET age = 1 / 0\n"), e.getMessage());
            assertTrue(e.getMessage().contains("PostgreSQL: ERROR: division by zero (SQLSTATE 22012)"), e.getMessage());
            assertTrue(e.getMessage().contains("Nothing of 0004_broken was applied"), e.getMessage());
            assertEquals(before, catalog(db));
            assertEquals(List.of("1 create_users edn", "2 add_email sql", "3 add_indexes edn"), history(db, "public"));
        }
    }

    @Test
    void aChangedAppliedFileIsRefusedShowingBothChecksums(DevServer server) throws Exception {
        writeBasicProject(dir);
        try (ScratchDatabase db = server.createScratch("mig")) {
            migrator(db).migrate();
            String applied = migrator(db).migrations().get(1).checksum();
            write(dir, "0002_add_email.sql", "-- FORWARD\nALTER TABLE users ADD COLUMN email varchar(320);\n-- BACKWARD\n"
                    + "ALTER TABLE users DROP COLUMN email;\n");
            write(dir, "0004_more.sql", "-- FORWARD\nCREATE TABLE more (id int);\n");
            String onDisk = migrator(db).migrations().get(1).checksum();
            StrataException e = assertThrows(StrataException.class, () -> migrator(db).migrate());
            assertEquals(ErrorCode.MIGRATION_FILES, e.code());
            assertTrue(e.getMessage().contains("migration 0002_add_email has changed since it was applied"), e.getMessage());
            assertTrue(e.getMessage().contains("applied to database: " + applied + "\n  found on disk:       " + onDisk), e.getMessage());
            assertTrue(e.getMessage().contains("write a new migration"), e.getMessage());
            assertEquals(3, history(db, "public").size(), "0004 did not run");
            assertEquals(MigrationStatus.State.CHANGED, migrator(db).status().entries().get(1).state());
        }
    }

    @Test
    void anAppliedMigrationMissingOnDiskIsRefused(DevServer server) throws Exception {
        writeBasicProject(dir);
        try (ScratchDatabase db = server.createScratch("mig")) {
            migrator(db).migrate();
            Files.delete(dir.resolve("0003_add_indexes.edn"));
            StrataException e = assertThrows(StrataException.class, () -> migrator(db).migrateTo(1));
            assertEquals(ErrorCode.MIGRATION_FILES, e.code());
            assertTrue(e.getMessage().contains("migration 0003_add_indexes is recorded as applied in public.strata_migrations"
                    + " but no file numbered 0003 is in " + dir), e.getMessage());
            assertEquals(3, history(db, "public").size());
            MigrationStatus status = migrator(db).status();
            assertEquals(MigrationStatus.State.MISSING, status.entries().get(2).state());
            assertEquals(3, status.appliedCount());
        }
    }

    @Test
    void anOutOfOrderMigrationIsRefusedUnlessAllowed(DevServer server) throws Exception {
        writeBasicProject(dir);
        Files.move(dir.resolve("0002_add_email.sql"), dir.resolve("keep.txt"));
        try (ScratchDatabase db = server.createScratch("mig")) {
            write(dir, "0003_add_indexes.edn", "{:up [\"CREATE INDEX users_name_idx ON users (name)\"] :down [\"DROP INDEX users_name_idx\"]}");
            migrator(db).migrate();
            Files.move(dir.resolve("keep.txt"), dir.resolve("0002_add_email.sql"));
            StrataException e = assertThrows(StrataException.class, () -> migrator(db).migrate());
            assertEquals(ErrorCode.MIGRATION_FILES, e.code());
            assertTrue(e.getMessage().contains("migration 0002_add_email is not applied, but 0003, a later one, is"), e.getMessage());
            assertTrue(e.getMessage().contains("renumber the file after the last migration (as 0004)"), e.getMessage());
            assertTrue(e.getMessage().contains("--allow-out-of-order"), e.getMessage());
            Migrator allowed = new Migrator(source(db), dir, MigratorOptions.defaults().withAllowOutOfOrder(true));
            assertEquals(List.of("0002_add_email forward"), ids(allowed.migrate()));
            assertEquals(List.of("1 create_users edn", "2 add_email sql", "3 add_indexes edn"), history(db, "public"));
        }
    }

    @Test
    void aMigrationWithoutDownIsNotRolledBackAndAnUnknownTargetIsRefused(DevServer server) throws Exception {
        writeBasicProject(dir);
        write(dir, "0004_seed.sql", "-- FORWARD\nINSERT INTO users VALUES (1, 'ada');\n");
        try (ScratchDatabase db = server.createScratch("mig")) {
            migrator(db).migrate();
            StrataException e = assertThrows(StrataException.class, () -> migrator(db).migrateTo(2));
            assertEquals(ErrorCode.MIGRATION_FILES, e.code());
            assertTrue(e.getMessage().contains("migration 0004_seed cannot be rolled back: it has no down statements"), e.getMessage());
            assertEquals(4, history(db, "public").size(), "0003 was not rolled back either");
            StrataException unknown = assertThrows(StrataException.class, () -> migrator(db).migrateTo(9));
            assertTrue(unknown.getMessage().contains("there is no migration numbered 0009 in " + dir + "; available: 0001..0004"),
                    unknown.getMessage());
        }
    }

    @Test
    void aLockHeldByAnotherSessionMakesTheRunWaitThenFail(DevServer server) throws Exception {
        writeBasicProject(dir);
        try (ScratchDatabase db = server.createScratch("mig"); Connection holder = db.connect()) {
            try (PreparedStatement ps = holder.prepareStatement("SELECT pg_advisory_lock(?)")) {
                ps.setLong(1, AdvisoryLock.keyFor("public"));
                ps.execute();
            }
            Migrator impatient = new Migrator(source(db), dir, MigratorOptions.defaults().withLockWait(Duration.ofSeconds(1)));
            long started = System.nanoTime();
            StrataException e = assertThrows(StrataException.class, impatient::migrate);
            long waitedMs = (System.nanoTime() - started) / 1_000_000;
            assertEquals(ErrorCode.LOCKED, e.code());
            assertTrue(e.getMessage().startsWith("another strata run holds the migration lock for schema public (waited 1 s)"), e.getMessage());
            assertTrue(waitedMs >= 1000, "waited " + waitedMs + " ms");
            assertEquals(List.of(), strings(db, "SELECT relname FROM pg_class WHERE relname = 'users'"));
            Migrator otherSchema = new Migrator(source(db), dir, MigratorOptions.defaults().withSchema("tenant_x")
                    .withLockWait(Duration.ofSeconds(1)));
            assertEquals(3, otherSchema.migrate().size(), "the lock is per schema");
            holder.createStatement().execute("SELECT pg_advisory_unlock_all()");
            assertEquals(3, impatient.migrate().size());
        }
    }

    @Test
    void fourMigratorsAtOnceApplyEachMigrationExactlyOnce(DevServer server) throws Exception {
        writeBasicProject(dir);
        write(dir, "0004_slow.sql", "-- FORWARD\nCREATE TABLE slow (id int);\nSELECT pg_sleep(0.3);\n-- BACKWARD\nDROP TABLE slow;\n");
        write(dir, "0005_concurrent_index.sql", "-- :transaction false\n-- FORWARD\nCREATE INDEX CONCURRENTLY users_name_idx ON users (name);\n"
                + "-- BACKWARD\nDROP INDEX CONCURRENTLY users_name_idx;\n");
        try (ScratchDatabase db = server.createScratch("mig")) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<Step>>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(pool.submit(() -> {
                    go.await();
                    return migrator(db).migrate();
                }));
            }
            go.countDown();
            List<String> applied = new ArrayList<>();
            for (Future<List<Step>> run : runs) {
                run.get(60, TimeUnit.SECONDS).forEach(s -> applied.add(s.migration().id()));
            }
            pool.shutdown();
            assertEquals(5, applied.size(), "each migration applied by exactly one migrator: " + applied);
            assertEquals(5, applied.stream().distinct().count());
            assertEquals(List.of("1", "2", "3", "4", "5"), strings(db, "SELECT number FROM strata_migrations ORDER BY number"));
            assertEquals(List.of("1"), strings(db, "SELECT count(*) FROM pg_class WHERE relname = 'slow'"));
            assertEquals(List.of("true"), strings(db, "SELECT indisvalid::text FROM pg_index WHERE indexrelid = 'users_name_idx'::regclass"));
        }
    }

    @Test
    void aNonTransactionalMigrationRunsCreateIndexConcurrentlyBothWays(DevServer server) throws Exception {
        writeBasicProject(dir);
        write(dir, "0004_concurrent_index.sql", "-- :transaction false\n-- FORWARD\nCREATE INDEX CONCURRENTLY users_name_idx ON users (name);\n"
                + "-- BACKWARD\nDROP INDEX CONCURRENTLY users_name_idx;\n");
        try (ScratchDatabase db = server.createScratch("mig")) {
            List<Step> steps = migrator(db).migrate();
            assertEquals(false, steps.get(3).migration().transactional());
            assertEquals(List.of("true"), strings(db, "SELECT indisvalid::text FROM pg_index WHERE indexrelid = 'users_name_idx'::regclass"));
            assertEquals("4 concurrent_index sql", history(db, "public").get(3));
            assertEquals(List.of("0004_concurrent_index backward"), ids(migrator(db).migrateTo(3)));
            assertEquals(List.of(), strings(db, "SELECT relname FROM pg_class WHERE relname = 'users_name_idx'"));
            assertEquals(3, history(db, "public").size());
        }
    }

    @Test
    void theSameFilesApplyToTwoSchemasOfOneDatabase(DevServer server) throws Exception {
        writeBasicProject(dir);
        try (ScratchDatabase db = server.createScratch("mig")) {
            Migrator a = new Migrator(source(db), dir, MigratorOptions.defaults().withSchema("tenant_a"));
            Migrator b = new Migrator(source(db), dir, MigratorOptions.defaults().withSchema("Tenant B"));
            assertEquals(3, a.migrate().size());
            assertEquals(1, b.migrate(1).size());
            assertEquals(List.of("strata_migrations:r", "strata_migrations_pkey:i", "users:r", "users_email_idx:i", "users_pkey:i"),
                    relations(db, "tenant_a"));
            assertEquals(List.of("strata_migrations:r", "strata_migrations_pkey:i", "users:r", "users_pkey:i"), relations(db, "Tenant B"));
            assertEquals(List.of(), relations(db, "public"), "nothing leaks into public");
            assertEquals(List.of("1 create_users edn"), history(db, "\"Tenant B\""));
            assertEquals(3, a.status().appliedCount());
            assertEquals(2, b.status().pendingCount());
            assertEquals(List.of("0003_add_indexes backward", "0002_add_email backward", "0001_create_users backward"), ids(a.migrateTo(0)));
            assertEquals(List.of("users:r", "users_pkey:i"), relations(db, "Tenant B").subList(2, 4));
        }
    }

    @Test
    void statusJoinsFilesAndHistoryWithoutCreatingAnything(DevServer server) throws Exception {
        writeBasicProject(dir);
        try (ScratchDatabase db = server.createScratch("mig")) {
            MigrationStatus fresh = migrator(db).status();
            assertEquals(0, fresh.appliedCount());
            assertEquals(3, fresh.pendingCount());
            assertEquals(List.of(), relations(db, "public"), "status creates no history table");
            migrator(db).migrate(2);
            MigrationStatus status = migrator(db).status();
            assertEquals(List.of(MigrationStatus.State.APPLIED, MigrationStatus.State.APPLIED, MigrationStatus.State.PENDING),
                    status.entries().stream().map(MigrationStatus.Entry::state).toList());
            assertTrue(status.entries().get(0).appliedAt() != null && status.entries().get(2).appliedAt() == null);
            assertEquals(2, status.appliedCount());
            assertEquals(1, status.pendingCount());
        }
    }

    @Test
    void lockTimeoutAppliesToTheMigrationSession(DevServer server) throws Exception {
        writeBasicProject(dir);
        try (ScratchDatabase db = server.createScratch("mig")) {
            migrator(db).migrate(1);
            try (Connection blocker = db.connect()) {
                blocker.setAutoCommit(false);
                blocker.createStatement().execute("LOCK TABLE users IN ACCESS EXCLUSIVE MODE");
                Migrator quick = new Migrator(source(db), dir, MigratorOptions.defaults().withLockTimeout("300ms"));
                StrataException e = assertThrows(StrataException.class, quick::migrate);
                assertEquals(ErrorCode.DATABASE, e.code());
                assertTrue(e.getMessage().contains("SQLSTATE 55P03") && e.getMessage().contains("lock_timeout 300ms"), e.getMessage());
                blocker.rollback();
            }
            assertEquals(List.of("1 create_users edn"), history(db, "public"));
        }
    }

    @Test
    void aLockTimeoutIsRetriedWhenLockRetriesAllow(DevServer server) throws Exception {
        writeBasicProject(dir);
        try (ScratchDatabase db = server.createScratch("mig")) {
            migrator(db).migrate(1);
            try (Connection blocker = db.connect()) {
                blocker.setAutoCommit(false);
                blocker.createStatement().execute("LOCK TABLE users IN ACCESS EXCLUSIVE MODE");
                Thread release = new Thread(() -> {
                    try {
                        Thread.sleep(1500);
                        blocker.rollback();
                    } catch (Exception ignored) {
                        // the test fails on its own assertions
                    }
                });
                release.start();
                Migrator patient = new Migrator(source(db), dir,
                        MigratorOptions.defaults().withLockTimeout("300ms").withLockRetries(4));
                List<Step> steps = patient.migrate();
                release.join();
                assertEquals(2, steps.size());
            }
            assertEquals(3, history(db, "public").size());
            // Without retries the same wait fails, and the message says how often it was tried when it was.
            try (Connection blocker = db.connect()) {
                blocker.setAutoCommit(false);
                blocker.createStatement().execute("LOCK TABLE users IN ACCESS EXCLUSIVE MODE");
                Migrator once = new Migrator(source(db), dir,
                        MigratorOptions.defaults().withLockTimeout("200ms").withLockRetries(1));
                StrataException e = assertThrows(StrataException.class, () -> once.migrateTo(1));
                assertTrue(e.getMessage().contains("Tried 2 times (:lock-retries 1)"), e.getMessage());
                blocker.rollback();
            }
            assertEquals(3, history(db, "public").size());
        }
    }

    @Test
    void connectionFailuresNameTheTargetWithoutItsPassword() {
        Migrator m = new Migrator(ConnectionSource.of("postgres://app:hunter2@127.0.0.1:1/none", null, null), dir, MigratorOptions.defaults());
        writeBasicProject(dir);
        StrataException e = assertThrows(StrataException.class, m::status);
        assertEquals(ErrorCode.DATABASE, e.code());
        assertTrue(e.getMessage().contains("jdbc:postgresql://127.0.0.1:1/none"), e.getMessage());
        assertTrue(!e.getMessage().contains("hunter2"), e.getMessage());
    }

    @Test
    void aSeedStyleActionVectorAppliesAndRollsBack(DevServer server) throws Exception {
        write(dir, "0001_tables.sql", "-- FORWARD\nCREATE TABLE accounts (id int PRIMARY KEY);\nCREATE TABLE properties (id int, status text);\n"
                + "-- BACKWARD\nDROP TABLE properties;\nDROP TABLE accounts;\n");
        write(dir, "0002_schema.edn", "[{:action :add-column :table-name :accounts :column-name :billing-email\n"
                + "  :column-spec {:type [:varchar 255] :null true}}\n"
                + " {:action :create-index :table-name :properties :index-name :idx_properties_status :columns [:status]}]\n");
        try (ScratchDatabase db = server.createScratch("mig")) {
            assertEquals(2, migrator(db).migrate().size());
            assertEquals(List.of("character varying(255)"), strings(db, "SELECT format_type(atttypid, atttypmod) FROM pg_attribute"
                    + " WHERE attrelid = 'accounts'::regclass AND attname = 'billing_email'"));
            assertEquals(List.of("CREATE INDEX idx_properties_status ON public.properties USING btree (status)"),
                    strings(db, "SELECT indexdef FROM pg_indexes WHERE indexname = 'idx_properties_status'"));
            assertEquals("2 schema actions", history(db, "public").get(1));
            migrator(db).migrateTo(1);
            assertEquals(List.of(), strings(db, "SELECT attname FROM pg_attribute WHERE attrelid = 'accounts'::regclass AND attname = 'billing_email'"));
            assertEquals(List.of(), strings(db, "SELECT indexname FROM pg_indexes WHERE indexname = 'idx_properties_status'"));
        }
    }
}
