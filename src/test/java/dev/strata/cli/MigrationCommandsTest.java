package dev.strata.cli;

import static dev.strata.runner.RunnerFixtures.history;
import static dev.strata.runner.RunnerFixtures.write;
import static dev.strata.runner.RunnerFixtures.writeBasicProject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.pg.DevServer;
import dev.strata.pg.JdbcUrls;
import dev.strata.pg.ScratchDatabase;
import dev.strata.runner.RunnerFixtures;
import dev.strata.testing.WithPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithPostgres
class MigrationCommandsTest {
    private static final String TIME = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}";

    @TempDir
    Path dir;

    private CliRun run(ScratchDatabase db, String... args) {
        String[] full = new String[args.length + 4];
        System.arraycopy(args, 0, full, 0, args.length);
        full[args.length] = "--url";
        full[args.length + 1] = CliRun.url(db);
        full[args.length + 2] = "--migrations-dir";
        full[args.length + 3] = dir.toString();
        return CliRun.of(full);
    }

    @Test
    void migrateThenStatusPrintAppliedAndPendingWithTotals(DevServer server) throws Exception {
        writeBasicProject(dir);
        try (ScratchDatabase db = server.createScratch("cli")) {
            CliRun migrate = run(db, "migrate", "--to", "2");
            assertEquals(0, migrate.code(), migrate.toString());
            assertTrue(Pattern.compile("Applied     0001_create_users \\(\\d+ ms\\)\nApplied     0002_add_email \\(\\d+ ms\\)\n"
                    + "Schema public is at 0002_add_email: 2 applied, 1 pending.\n$").matcher(migrate.out()).find(), migrate.toString());

            CliRun status = run(db, "status");
            assertEquals(0, status.code(), status.toString());
            List<String> lines = status.out().lines().toList();
            assertTrue(lines.get(0).startsWith("Target: jdbc:postgresql://") && lines.get(0).endsWith("(--url), schema public"), lines.get(0));
            assertTrue(lines.get(1).matches("✓ 0001_create_users   " + TIME), lines.get(1));
            assertTrue(lines.get(2).matches("✓ 0002_add_email      " + TIME), lines.get(2));
            assertEquals("○ 0003_add_indexes", lines.get(3));
            assertEquals("Total: 2 applied, 1 pending", lines.get(4));
            assertEquals(5, lines.size());
            assertEquals(status.out().lines().skip(1).toList(), run(db, "list").out().lines().skip(1).toList(), "list is status");

            CliRun json = run(db, "status", "--json");
            assertEquals(0, json.code(), json.toString());
            assertTrue(json.out().startsWith("{\"schema\":\"public\",\"migrations\":[{\"number\":1,\"name\":\"create_users\",\"state\":\"applied\",\"kind\":\"edn\",\"applied_at\":\""),
                    json.out());
            assertTrue(json.out().contains("{\"number\":3,\"name\":\"add_indexes\",\"state\":\"pending\",\"kind\":\"edn\",\"applied_at\":null,"), json.out());
            assertTrue(json.out().strip().endsWith("\"applied\":2,\"pending\":1,\"changed\":0,\"missing\":0}"), json.out());

            CliRun again = run(db, "migrate");
            assertTrue(again.out().contains("Applied     0003_add_indexes"), again.toString());
            CliRun nothing = run(db, "migrate");
            assertTrue(nothing.out().endsWith("Nothing to do. Schema public is at 0003_add_indexes: 3 applied, 0 pending.\n"), nothing.toString());
        }
    }

    @Test
    void migrateToRollsBackHighestFirstAndZeroUndoesEverything(DevServer server) throws Exception {
        writeBasicProject(dir);
        try (ScratchDatabase db = server.createScratch("cli")) {
            assertEquals(0, run(db, "migrate").code());
            CliRun back = run(db, "migrate-to", "1");
            assertEquals(0, back.code(), back.toString());
            assertTrue(Pattern.compile("Rolled back 0003_add_indexes \\(\\d+ ms\\)\nRolled back 0002_add_email \\(\\d+ ms\\)\n"
                    + "Schema public is at 0001_create_users: 1 applied, 2 pending.\n$").matcher(back.out()).find(), back.toString());
            CliRun zero = run(db, "migrate-to", "0");
            assertTrue(zero.out().endsWith("Schema public has no migrations applied: 0 applied, 3 pending.\n"), zero.toString());
            assertEquals(List.of("strata_migrations:r", "strata_migrations_pkey:i"), RunnerFixtures.relations(db, "public"));
            CliRun unknown = run(db, "migrate-to", "7");
            assertEquals(6, unknown.code(), unknown.toString());
            assertTrue(unknown.err().contains("there is no migration numbered 0007"), unknown.toString());
        }
    }

    @Test
    void explainPrintsSqlBothWaysAndRefusesAMissingNumber() {
        writeBasicProject(dir);
        write(dir, "0004_touch.sql", "-- :transaction false\n-- FORWARD\nCREATE FUNCTION touch() RETURNS trigger AS $t$\nBEGIN RETURN NEW; END;\n$t$ LANGUAGE plpgsql;\n"
                + "CREATE INDEX CONCURRENTLY users_name_idx ON users (name);\n-- BACKWARD\nDROP INDEX CONCURRENTLY users_name_idx;\nDROP FUNCTION touch();\n");
        CliRun forward = CliRun.of("explain", "2", "--migrations-dir", dir.toString());
        assertEquals(0, forward.code(), forward.toString());
        assertEquals("-- 0002_add_email (forward, in one transaction)\nALTER TABLE users ADD COLUMN email text;\n\n"
                + "COMMENT ON COLUMN users.email IS 'it''s; the address';\n", forward.out());
        CliRun backward = CliRun.of("explain", "4", "--direction", "backward", "--migrations-dir", dir.toString());
        assertEquals("-- 0004_touch (backward, outside a transaction: each statement commits on its own)\n"
                + "DROP INDEX CONCURRENTLY users_name_idx;\n\nDROP FUNCTION touch();\n", backward.out());
        CliRun human = CliRun.of("explain", "4", "--format", "human", "--migrations-dir", dir.toString());
        assertTrue(human.out().startsWith("-- 0004_touch is hand-written SQL and records no actions; its statements follow.\n"
                + "-- 0004_touch (forward, outside a transaction"), human.toString());
        assertTrue(human.out().contains("$t$\nBEGIN RETURN NEW; END;\n$t$ LANGUAGE plpgsql;\n\nCREATE INDEX CONCURRENTLY"), human.toString());
        CliRun json = CliRun.of("explain", "1", "--json", "--migrations-dir", dir.toString());
        assertEquals("{\"number\":1,\"name\":\"create_users\",\"kind\":\"edn\",\"direction\":\"forward\",\"transaction\":true,"
                + "\"statements\":[\"CREATE TABLE users (id bigint PRIMARY KEY, name text NOT NULL)\"],\"actions\":[]}\n", json.out());

        write(dir, "0005_seed_actions.edn", "[{:action :add-column :table-name :accounts :column-name :billing-email\n"
                + "  :column-spec {:type [:varchar 255] :null true}}\n"
                + " {:action :create-index :table-name :properties :index-name :idx_properties_status :columns [:status]}]\n");
        CliRun sentences = CliRun.of("explain", "5", "--format", "human", "--migrations-dir", dir.toString());
        assertEquals("0005_seed_actions, forward:\n  1. Add column billing_email (character varying(255), nullable) to table accounts\n"
                + "  2. Create index idx_properties_status on table properties (status)\n", sentences.out());
        CliRun undo = CliRun.of("explain", "5", "--format", "human", "--direction", "backward", "--migrations-dir", dir.toString());
        assertEquals("0005_seed_actions, backward:\n  1. Drop index idx_properties_status\n"
                + "  2. Drop column billing_email from table accounts\n", undo.out());

        CliRun missing = CliRun.of("explain", "9", "--migrations-dir", dir.toString());
        assertEquals(6, missing.code(), missing.toString());
        assertEquals("", missing.out());
        assertTrue(missing.err().startsWith("error: there is no migration numbered 0009 in " + dir + "; available: 0001..0005."),
                missing.toString());
        CliRun badDirection = CliRun.of("explain", "1", "--direction", "sideways", "--migrations-dir", dir.toString());
        assertEquals(64, badDirection.code(), badDirection.toString());
    }

    @Test
    void aChangedChecksumIsRefusedWithExitCode6(DevServer server) throws Exception {
        writeBasicProject(dir);
        try (ScratchDatabase db = server.createScratch("cli")) {
            assertEquals(0, run(db, "migrate").code());
            Files.writeString(dir.resolve("0001_create_users.edn"), "{:up [\"CREATE TABLE users (id int)\"] :down [\"DROP TABLE users\"]}");
            CliRun r = run(db, "migrate");
            assertEquals(6, r.code(), r.toString());
            assertTrue(r.err().contains("error: migration 0001_create_users has changed since it was applied to schema public:\n"
                    + "  applied to database: "), r.toString());
            assertTrue(Pattern.compile("applied to database: [0-9a-f]{64}\n  found on disk:       [0-9a-f]{64}\n").matcher(r.err()).find(), r.err());
            CliRun status = run(db, "status");
            assertEquals(0, status.code());
            assertTrue(status.out().contains("(file changed since it was applied)") && status.out().contains("Total: 3 applied, 0 pending, 1 changed"),
                    status.toString());
        }
    }

    @Test
    void outOfOrderIsRefusedUnlessAllowedOnTheCommandLine(DevServer server) throws Exception {
        writeBasicProject(dir);
        Path two = dir.resolve("0002_add_email.sql");
        String text = Files.readString(two);
        Files.delete(two);
        try (ScratchDatabase db = server.createScratch("cli")) {
            Files.writeString(dir.resolve("0003_add_indexes.edn"), "{:up [\"CREATE INDEX n_idx ON users (name)\"] :down [\"DROP INDEX n_idx\"]}");
            assertEquals(0, run(db, "migrate").code());
            Files.writeString(two, text);
            CliRun refused = run(db, "migrate");
            assertEquals(6, refused.code(), refused.toString());
            assertTrue(refused.err().contains("migration 0002_add_email is not applied, but 0003, a later one, is"), refused.toString());
            CliRun allowed = run(db, "migrate", "--allow-out-of-order");
            assertEquals(0, allowed.code(), allowed.toString());
            assertTrue(allowed.out().contains("Applied     0002_add_email"), allowed.toString());
            assertEquals(3, history(db, "public").size());
        }
    }

    @Test
    void duplicateNumbersAreRefusedNamingBothFiles(DevServer server) throws Exception {
        writeBasicProject(dir);
        write(dir, "0002_other.sql", "-- FORWARD\nSELECT 1;\n");
        try (ScratchDatabase db = server.createScratch("cli")) {
            CliRun r = run(db, "migrate");
            assertEquals(6, r.code(), r.toString());
            assertTrue(r.err().contains("0002: 0002_add_email.sql and 0002_other.sql"), r.toString());
            assertEquals(List.of(), RunnerFixtures.relations(db, "public"), "nothing ran");
        }
    }

    @Test
    void aMissingAppliedFileIsRefused(DevServer server) throws Exception {
        writeBasicProject(dir);
        try (ScratchDatabase db = server.createScratch("cli")) {
            assertEquals(0, run(db, "migrate").code());
            Files.delete(dir.resolve("0002_add_email.sql"));
            CliRun r = run(db, "migrate-to", "1");
            assertEquals(6, r.code(), r.toString());
            assertTrue(r.err().contains("migration 0002_add_email is recorded as applied in public.strata_migrations but no file numbered 0002"),
                    r.toString());
            CliRun status = run(db, "status");
            assertTrue(status.out().contains("✗ 0002_add_email") && status.out().contains("1 missing"), status.toString());
        }
    }

    @Test
    void aFailingStatementExitsWith5AndChangesNothing(DevServer server) throws Exception {
        writeBasicProject(dir);
        write(dir, "0004_bad.sql", "-- FORWARD\nCREATE TABLE extra (id int);\nALTER TABLE nowhere ADD COLUMN x int;\n-- BACKWARD\nDROP TABLE extra;\n");
        try (ScratchDatabase db = server.createScratch("cli")) {
            assertEquals(0, run(db, "migrate", "--to", "3").code());
            List<String> before = RunnerFixtures.catalog(db);
            CliRun r = run(db, "migrate");
            assertEquals(5, r.code(), r.toString());
            assertTrue(r.err().contains("migration 0004_bad failed (forward, schema public) at statement 2 of 2:\n"
                    + "    ALTER TABLE nowhere ADD COLUMN x int\n  PostgreSQL: ERROR: relation \"nowhere\" does not exist"), r.toString());
            assertEquals(before, RunnerFixtures.catalog(db));
        }
    }

    @Test
    void aHeldLockExitsWith7AfterTheConfiguredWait(DevServer server) throws Exception {
        writeBasicProject(dir);
        Path config = write(dir.resolve("project"), "strata.edn", "{:lock-wait-seconds 1 :schema \"app\"}");
        try (ScratchDatabase db = server.createScratch("cli"); Connection holder = db.connect()) {
            holder.createStatement().execute("SELECT pg_advisory_lock((SELECT ('x' || substr(encode(sha256('strata:app'), 'hex'), 1, 16))::bit(64)::bigint))");
            CliRun r = run(db, "migrate", "--config", config.toString());
            assertEquals(7, r.code(), r.toString());
            assertTrue(r.err().startsWith("error: another strata run holds the migration lock for schema app (waited 1 s)"), r.toString());
            CliRun publicSchema = run(db, "migrate", "--config", config.toString(), "--schema", "public");
            assertEquals(0, publicSchema.code(), "another schema has another lock: " + publicSchema);
        }
    }

    @Test
    void passwordsNeverAppearInOutput(DevServer server) throws Exception {
        writeBasicProject(dir);
        try (ScratchDatabase db = server.createScratch("cli")) {
            String secret = db.server().password() != null ? db.server().password() : "n0t-the-Passw0rd";
            String jdbc = db.url().replaceFirst("^jdbc:postgresql://", "");
            String url = "postgres://" + db.server().user() + ":" + secret + "@" + jdbc;
            CliRun r = CliRun.of("migrate", "--url", url, "--migrations-dir", dir.toString());
            assertEquals(0, r.code(), r.toString());
            assertTrue(r.out().contains("Target: " + JdbcUrls.parse(url).jdbcUrl()), r.toString());
            assertFalse(r.out().contains(secret) || r.err().contains(secret), r.toString());
            CliRun down = CliRun.of("status", "--url", "postgres://app:" + secret + "@127.0.0.1:1/none", "--migrations-dir", dir.toString());
            assertEquals(5, down.code(), down.toString());
            assertTrue(down.err().contains("127.0.0.1:1/none"), down.toString());
            assertFalse(down.out().contains(secret) || down.err().contains(secret), down.toString());
        }
    }

    @Test
    void makeMigrationWritesTheNextSqlFile() throws Exception {
        writeBasicProject(dir);
        CliRun r = CliRun.of("make-migration", "--sql", "--name", "Backfill totals", "--migrations-dir", dir.toString());
        assertEquals(0, r.code(), r.toString());
        Path file = dir.resolve("0004_backfill_totals.sql");
        assertEquals("Created " + file + "\n", r.out());
        String text = Files.readString(file);
        assertTrue(text.contains("\n-- FORWARD\n") && text.contains("\n-- BACKWARD\n"), text);
        CliRun noName = CliRun.of("make-migration", "--sql", "--migrations-dir", dir.toString());
        assertEquals(64, noName.code(), noName.toString());
        assertTrue(noName.err().contains("make-migration --sql needs a name"), noName.toString());
        assertFalse(Files.exists(dir.resolve("0005_x.sql")));
    }

    @Test
    void aBadConfigFileExitsWith8NamingTheFile() throws Exception {
        Path config = write(dir, "strata.edn", "{:migration-dir \"db/migrations\"}");
        CliRun r = CliRun.of("status", "--config", config.toString());
        assertEquals(8, r.code(), r.toString());
        assertTrue(r.err().contains("config file " + config + " has the unknown key :migration-dir"), r.toString());
        assertTrue(r.err().contains("Fix: use only"), r.toString());
    }
}
