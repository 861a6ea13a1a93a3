package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.migration.Migration;
import dev.strata.migration.MigrationFiles;
import dev.strata.pg.DevServer;
import dev.strata.pg.ScratchDatabase;
import dev.strata.testing.WithPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** make-all-migrations, make-migration and diff on a small model: names, error paths, output formats. */
@WithPostgres
class WorkflowCommandsTest {
    private static final String MODEL = "{:status {:type :enum :choices [\"active\" \"archived\"]}\n"
            + " :accounts {:fields {:id {:type :bigint :primary-key true}\n"
            + "                     :name {:type :text :null false :validation {:min 2}}\n"
            + "                     :status {:type :status :null false :default \"active\"}}}}\n";

    @TempDir
    Path dir;

    private WorkflowProject project(DevServer server) {
        WorkflowProject p = WorkflowProject.create(dir, server);
        p.writeModel("shared/models.edn", MODEL);
        return p;
    }

    @Test
    void namesComeFromNameOrFromTheFirstChange(DevServer server) throws Exception {
        WorkflowProject p = project(server);
        CliRun named = p.run("make-all-migrations", "--name", "Initial schema");
        assertEquals(0, named.code(), named.toString());
        assertEquals(List.of("0001_initial_schema.edn"), p.migrationFiles());
        assertEquals("Created " + p.migrations().resolve("0001_initial_schema.edn") + " (2 changes)\nWrote " + p.processed()
                + "\nNext: strata explain 1 --format human, then strata migrate.\n", named.out());
        CliRun explain = p.run("explain", "1", "--format", "human");
        assertEquals("0001_initial_schema, forward:\n  1. Create enum type status ('active', 'archived')\n"
                + "  2. Create table accounts (3 columns: id, name, status)\n", explain.out());

        p.edit("shared/models.edn", ":name {:type :text", ":billing-email {:type [:varchar 255]}\n                     :name {:type :text");
        CliRun derived = p.run("make-all-migrations");
        assertEquals(0, derived.code(), derived.toString());
        assertEquals(List.of("0001_initial_schema.edn", "0002_add_column_billing_email_to_accounts.edn"), p.migrationFiles());
        String text = p.read(p.migrations().resolve("0002_add_column_billing_email_to_accounts.edn"));
        assertEquals("{:actions [{:action :add-column :table-name :accounts :column-name :billing-email"
                + " :column-spec {:type [:raw \"character varying(255)\"] :null true}}]\n"
                + " :up [\"ALTER TABLE accounts ADD COLUMN billing_email character varying(255)\"]\n"
                + " :down [\"ALTER TABLE accounts DROP COLUMN billing_email\"]}\n", text);

        // make-migration: the same generation, the processed model left as it was.
        String processed = p.read(p.processed());
        p.edit("shared/models.edn", ":name {:type :text", ":plan {:type :text :default \"free\"}\n                     :name {:type :text");
        CliRun make = p.run("make-migration");
        assertEquals(0, make.code(), make.toString());
        assertEquals(List.of("0001_initial_schema.edn", "0002_add_column_billing_email_to_accounts.edn",
                "0003_add_column_plan_to_accounts.edn"), p.migrationFiles());
        assertFalse(make.out().contains("Wrote"), make.toString());
        assertEquals(processed, p.read(p.processed()));

        // A given name over several files: numbered parts, the label file first.
        p.edit("shared/models.edn", "[\"active\" \"archived\"]", "[\"active\" \"paused\" \"archived\"]");
        p.edit("shared/models.edn", " :accounts {:fields", " :accounts {:indexes [{:fields [:name] :where [:= :status \"paused\"]"
                + " :name \"accounts_paused_idx\"}]\n            :fields");
        p.edit("shared/models.edn", ":name {:type :text", ":note {:type :text}\n                     :name {:type :text");
        CliRun parts = p.run("make-all-migrations", "--name", "release-2");
        assertEquals(0, parts.code(), parts.toString());
        assertEquals(List.of("0004_release_2_1.edn", "0005_release_2_2.edn", "0006_release_2_3.edn"),
                p.migrationFiles().subList(3, 6));
        assertTrue(parts.out().contains("0004_release_2_1.edn (1 change, outside a transaction)"), parts.toString());
        Migration label = MigrationFiles.read(p.migrations().resolve("0004_release_2_1.edn"));
        Migration column = MigrationFiles.read(p.migrations().resolve("0005_release_2_2.edn"));
        Migration index = MigrationFiles.read(p.migrations().resolve("0006_release_2_3.edn"));
        assertFalse(label.transactional());
        assertEquals(List.of("ALTER TYPE status ADD VALUE 'paused' AFTER 'active'"), label.up());
        assertTrue(column.transactional());
        assertEquals(List.of("ALTER TABLE accounts ADD COLUMN note text"), column.up());
        // The index on an existing table: the safe form, outside a transaction, last.
        assertFalse(index.transactional());
        assertEquals(List.of("CREATE INDEX CONCURRENTLY accounts_paused_idx ON accounts USING btree (name)"
                        + " WHERE (status = 'paused'::status)"), index.up());
        assertEquals(List.of("DROP INDEX CONCURRENTLY accounts_paused_idx"), index.down());

        // All six apply and roll back on PostgreSQL.
        try (ScratchDatabase db = server.createScratch("names")) {
            CliRun migrate = p.run(db, "migrate");
            assertEquals(0, migrate.code(), migrate.toString());
            assertEquals(0, p.run(db, "diff").code());
            CliRun zero = p.run(db, "migrate-to", "0");
            assertEquals(0, zero.code(), zero.toString());
        }
    }

    @Test
    void removingAnEnumLabelIsRefusedAndWritesNothing(DevServer server) throws Exception {
        WorkflowProject p = project(server);
        assertEquals(0, p.run("make-all-migrations").code());
        List<String> files = p.migrationFiles();
        String processed = p.read(p.processed());
        long processedTime = Files.getLastModifiedTime(p.processed()).toMillis();

        p.edit("shared/models.edn", "[\"active\" \"archived\"]", "[\"active\"]");
        CliRun refused = p.run("make-all-migrations");
        assertEquals(4, refused.code(), refused.toString());
        assertTrue(refused.err().startsWith("error: "), refused.toString());
        assertTrue(refused.err().contains("archived") && refused.err().contains("status"), refused.toString());
        assertEquals("", refused.out());
        assertEquals(files, p.migrationFiles());
        assertEquals(processed, p.read(p.processed()));
        assertEquals(processedTime, Files.getLastModifiedTime(p.processed()).toMillis());
        assertEquals(4, p.run("make-migration").code());
        assertEquals(files, p.migrationFiles());

        try (ScratchDatabase db = server.createScratch("refused")) {
            assertEquals(0, p.run(db, "migrate").code());
            CliRun diff = p.run(db, "diff");
            assertEquals(4, diff.code(), diff.toString());
            assertEquals("", diff.out());
            assertTrue(diff.err().contains("archived"), diff.toString());
        }
    }

    @Test
    void anInvalidModelExitsTwoAndWritesNothing(DevServer server) {
        WorkflowProject p = project(server);
        p.writeModel("shared/models.edn", "{:accounts {:fields {:id {:type :bigint :primary-key true}\n"
                + "                     :owner-id {:type :bigint :foreign-key :owners/id}}}}\n");
        CliRun invalid = p.run("make-all-migrations");
        assertEquals(2, invalid.code(), invalid.toString());
        assertTrue(invalid.err().contains("owners"), invalid.toString());
        assertFalse(Files.exists(p.migrations()), "no migrations folder");
        assertFalse(Files.exists(p.processed()), "no processed model");

        // Valid for the loader, rejected by PostgreSQL: also exit 2, also nothing written.
        p.writeModel("shared/models.edn", "{:accounts {:fields {:id {:type :bigint :primary-key true}}\n"
                + "            :constraints [{:check [:raw \"no_such_column > 0\"]}]}}\n");
        CliRun rejected = p.run("make-all-migrations");
        assertEquals(2, rejected.code(), rejected.toString());
        assertTrue(rejected.err().contains("no_such_column"), rejected.toString());
        assertFalse(Files.exists(p.migrations()), "no migrations folder");
        assertFalse(Files.exists(p.processed()), "no processed model");
    }

    @Test
    void diffPrintsSqlAndJsonAndExitsThreeOnDifferences(DevServer server) throws Exception {
        WorkflowProject p = project(server);
        try (ScratchDatabase db = server.createScratch("drift")) {
            CliRun sql = p.run(db, "diff");
            assertEquals(3, sql.code(), sql.toString());
            assertEquals("", sql.err());
            List<String> lines = sql.out().lines().toList();
            assertTrue(lines.get(0).matches("-- 2 changes bring schema public of jdbc:postgresql://\\S+ \\(--url\\) in line with the model\\."),
                    lines.get(0));
            assertEquals(List.of("", "-- in one transaction:", "BEGIN;", "CREATE TYPE status AS ENUM ('active', 'archived');"),
                    lines.subList(1, 5));
            assertTrue(sql.out().contains("CREATE TABLE accounts ("), sql.out());
            assertTrue(sql.out().endsWith("\n);\nCOMMIT;\n"), sql.out());
            if (server.password() != null) {
                assertFalse(sql.out().contains(server.password()), "no password in the output");
            }

            CliRun json = p.run(db, "diff", "--json");
            assertEquals(3, json.code(), json.toString());
            assertTrue(json.out().startsWith("{\"schema\":\"public\",\"target\":\"jdbc:postgresql://"), json.out());
            assertTrue(json.out().contains("\"differences\":2,\"changes\":[{\"kind\":\"create-enum\",\"object\":\"status\","
                    + "\"transactional\":true,\"up\":[\"CREATE TYPE status AS ENUM ('active', 'archived')\"],\"down\":[\"DROP TYPE status\"]},"
                    + "{\"kind\":\"create-table\",\"object\":\"accounts\",\"transactional\":true,\"up\":[\"CREATE TABLE accounts ("), json.out());
            assertTrue(json.out().endsWith("\"down\":[\"DROP TABLE accounts\"]}]}\n"), json.out());

            // Migrated: no differences, the history table is not one.
            assertEquals(0, p.run("make-all-migrations").code());
            assertEquals(0, p.run(db, "migrate").code());
            CliRun none = p.run(db, "diff", "--json");
            assertEquals(0, none.code(), none.toString());
            assertTrue(none.out().endsWith("\"differences\":0,\"changes\":[]}\n"), none.out());

            // Drift by hand, and a model change that needs a label outside a transaction.
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("ALTER TABLE accounts ADD COLUMN extra text");
            }
            p.edit("shared/models.edn", "[\"active\" \"archived\"]", "[\"active\" \"paused\" \"archived\"]");
            p.edit("shared/models.edn", " :accounts {:fields", " :accounts {:indexes [{:fields [:name] :where [:= :status \"paused\"]"
                    + " :name \"accounts_paused_idx\"}]\n            :fields");
            CliRun drift = p.run(db, "diff");
            assertEquals(3, drift.code(), drift.toString());
            assertEquals(List.of("", "-- outside a transaction (each statement commits on its own, before what follows uses it):",
                    "ALTER TYPE status ADD VALUE 'paused' AFTER 'active';", "", "-- in one transaction:", "BEGIN;",
                    "ALTER TABLE accounts DROP COLUMN extra;",
                    "CREATE INDEX accounts_paused_idx ON accounts USING btree (name) WHERE (status = 'paused'::status);", "COMMIT;"),
                    drift.out().lines().skip(1).toList());
        }
    }

    @Test
    void diffOfAnotherSchemaSetsTheSearchPath(DevServer server) throws Exception {
        WorkflowProject p = project(server);
        try (ScratchDatabase db = server.createScratch("schema")) {
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA app");
                s.execute("CREATE TYPE public.status AS ENUM ('active', 'archived')");
            }
            CliRun diff = p.run(db, "diff", "--schema", "app");
            assertEquals(3, diff.code(), diff.toString());
            List<String> lines = diff.out().lines().toList();
            assertTrue(lines.get(0).startsWith("-- 2 changes bring schema app of "), lines.get(0));
            assertEquals("SET search_path TO app;", lines.get(1));
            assertTrue(diff.out().contains("CREATE TYPE status AS ENUM ('active', 'archived');"), "public's type is not app's");
        }
    }
}
