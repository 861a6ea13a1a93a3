package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.migration.Migration;
import dev.strata.migration.MigrationFiles;
import dev.strata.model.Schema;
import dev.strata.model.Table;
import dev.strata.pg.DevServer;
import dev.strata.pg.ScratchDatabase;
import dev.strata.testing.WithPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user's day of the design, end to end on real PostgreSQL: generate the first migration from
 * the example model tree, apply it, change the model, generate again, apply, check that the
 * database matches the model, roll back, and apply again.
 */
@WithPostgres
class UsersDayTest {
    @TempDir
    Path dir;

    @Test
    void generateMigrateChangeGenerateMigrateRollBackAndForward(DevServer server) throws Exception {
        WorkflowProject p = WorkflowProject.withExampleTree(dir, server);
        try (ScratchDatabase db = server.createScratch("usersday")) {
            // 1. From no migrations: one file with the whole schema, and the processed model.
            CliRun first = p.run("make-all-migrations");
            assertEquals(0, first.code(), first.toString());
            assertEquals(1, p.migrationFiles().size(), p.migrationFiles().toString());
            String firstFile = p.migrationFiles().get(0);
            assertTrue(firstFile.matches("0001_create_tables_account_members_and_13_more\\.edn"), firstFile);
            Migration m1 = MigrationFiles.read(p.migrations().resolve(firstFile));
            assertTrue(m1.up().size() > 20, "the whole example schema: " + m1.up());
            assertEquals(m1.up().stream().filter(u -> u.startsWith("CREATE TABLE")).count(),
                    m1.down().stream().filter(d -> d.startsWith("DROP TABLE")).count(), "every table has its reverse");
            assertTrue(m1.transactional());
            assertTrue(m1.up().stream().anyMatch(s -> s.startsWith("CREATE TABLE accounts")), m1.up().toString());
            assertTrue(first.out().contains("Created " + p.migrations().resolve(firstFile)), first.toString());
            assertTrue(Files.isRegularFile(p.processed()), first.toString());
            String processed = p.read(p.processed());
            for (String stripped : List.of(":validation", ":ui ", ":form", ":admin", ":security")) {
                assertFalse(processed.contains(stripped), stripped + " left in the processed model");
            }
            assertTrue(processed.contains(":accounts") && !processed.contains("billing"), processed);

            // 2. Apply it.
            CliRun migrate = p.run(db, "migrate");
            assertEquals(0, migrate.code(), migrate.toString());
            Schema at1 = WorkflowProject.catalog(db, "public");
            assertTrue(at1.table("accounts").isPresent() && at1.table("property_images").isPresent(), at1.toString());

            // 3. Change the model: a column, an enum label in the middle, a partial index that uses
            //    the new label, a function body, a view.
            p.edit("template/models.edn", ":slug {:type [:varchar 64] :null false :unique true}",
                    ":slug {:type [:varchar 64] :null false :unique true}\n           :billing-email {:type [:varchar 255]}");
            p.edit("domain/hosting/models.edn", "[\"active\" \"inactive\" \"pending\" \"maintenance\"]",
                    "[\"active\" \"paused\" \"inactive\" \"pending\" \"maintenance\"]");
            p.edit("domain/hosting/models.edn", "{:fields [:search-vector] :method :gin}",
                    "{:fields [:search-vector] :method :gin}\n            {:fields [:name] :where [:= :status \"paused\"] :name \"properties_paused_idx\"}");
            p.edit("shared/functions.edn", "RETURN trim(lower(name));", "RETURN lower(trim(name));");
            p.edit("domain/hosting/views.edn", "COUNT(b.id) as booking_count,", "COUNT(b.id) as booking_count,\n         MAX(b.end_date) as last_end_date,");
            String processedBefore = p.read(p.processed());

            // 4. Generate: the new label must commit before the index uses it, so it gets a file
            //    of its own, first; the index on the existing table is built CONCURRENTLY (the safe
            //    form), outside a transaction, in a file at the end; everything else is one
            //    transactional file.
            CliRun second = p.run("make-all-migrations");
            assertEquals(0, second.code(), second.toString());
            List<String> files = p.migrationFiles();
            assertEquals(List.of(firstFile, "0002_add_enum_label_paused_to_property_status.edn",
                    "0003_add_column_billing_email_to_accounts.edn", "0004_create_index_properties_paused_idx.edn"),
                    files, second.toString());
            Migration m2 = MigrationFiles.read(p.migrations().resolve(files.get(1)));
            Migration m3 = MigrationFiles.read(p.migrations().resolve(files.get(2)));
            Migration m4 = MigrationFiles.read(p.migrations().resolve(files.get(3)));
            assertFalse(m4.transactional());
            assertTrue(m4.up().get(0).startsWith("CREATE INDEX CONCURRENTLY properties_paused_idx ON properties"), m4.up().toString());
            assertEquals(List.of("DROP INDEX CONCURRENTLY properties_paused_idx"), m4.down());
            assertFalse(m2.transactional());
            assertEquals(List.of("ALTER TYPE property_status ADD VALUE 'paused' AFTER 'active'"), m2.up());
            assertEquals(1, m2.down().size());
            assertTrue(m2.down().get(0).startsWith("DO $strata$"), m2.down().toString());
            assertTrue(m3.transactional());
            String up3 = String.join("\n", m3.up());
            assertTrue(up3.contains("ALTER TABLE accounts ADD COLUMN billing_email character varying(255)"), up3);
            assertTrue(up3.contains("lower(trim(name))"), up3);
            assertTrue(up3.contains("last_end_date"), up3);
            assertTrue(String.join("\n", m3.down()).contains("trim(lower(name))"), m3.down().toString());
            assertNotEquals(processedBefore, p.read(p.processed()), "the processed model follows the model");
            assertTrue(p.read(p.processed()).contains("paused"));

            // The actions read as sentences, both ways.
            CliRun human = p.run("explain", "3", "--format", "human");
            assertEquals(0, human.code(), human.toString());
            assertTrue(human.out().contains("Add column billing_email (character varying(255), nullable) to table accounts"), human.toString());
            CliRun human4 = p.run("explain", "4", "--format", "human");
            assertTrue(human4.out().contains("Create index properties_paused_idx on table properties (name) where (status = 'paused'::property_status)"),
                    human4.toString());
            assertTrue(human.out().contains("Replace the definition of function normalize_name(name text)"), human.toString());
            assertTrue(human.out().contains("Drop materialized view property_summary")
                    && human.out().contains("Create materialized view property_summary"), human.toString());
            CliRun label = p.run("explain", "2", "--format", "human", "--direction", "backward");
            assertEquals("0002_add_enum_label_paused_to_property_status, backward (outside a transaction):\n"
                    + "  1. Remove label 'paused' from enum type property_status (refused while a row still holds it)\n", label.out());

            // 5. Nothing changed: nothing written.
            String processedNow = p.read(p.processed());
            long processedTime = Files.getLastModifiedTime(p.processed()).toMillis();
            CliRun again = p.run("make-all-migrations");
            assertEquals(0, again.code(), again.toString());
            assertEquals(MigrationGeneration.NO_CHANGES + "\n", again.out(), () -> again + "\n" + p.newest());
            assertEquals(files, p.migrationFiles());
            assertEquals(processedNow, p.read(p.processed()));
            assertEquals(processedTime, Files.getLastModifiedTime(p.processed()).toMillis());

            // 6. Apply; the database now matches the model.
            CliRun migrate2 = p.run(db, "migrate");
            assertEquals(0, migrate2.code(), migrate2.toString());
            assertTrue(migrate2.out().contains("Applied     0002_add_enum_label_paused_to_property_status")
                    && migrate2.out().contains("Applied     0003_add_column_billing_email_to_accounts")
                    && migrate2.out().contains("Applied     0004_create_index_properties_paused_idx"), migrate2.toString());
            Schema at3 = WorkflowProject.catalog(db, "public");
            CliRun diff = p.run(db, "diff");
            assertEquals(0, diff.code(), diff.toString());
            assertEquals("", diff.out());
            assertEquals(DiffCommand.NO_DIFFERENCES + "\n", diff.err());

            // 7. Roll back to 0001: exactly the earlier catalog.
            CliRun back = p.run(db, "migrate-to", "1");
            assertEquals(0, back.code(), back.toString());
            assertEquals(at1, WorkflowProject.catalog(db, "public"));

            // 8. Roll back everything: only the history table is left.
            CliRun zero = p.run(db, "migrate-to", "0");
            assertEquals(0, zero.code(), zero.toString());
            Schema empty = WorkflowProject.catalog(db, "public");
            assertEquals(List.of("strata_migrations"), empty.tables().stream().map(Table::name).map(Object::toString).toList());
            assertEquals(Schema.empty(), new Schema(empty.extensions(), empty.enums(), empty.sequences(), List.of(),
                    empty.views(), empty.functions(), empty.triggers(), empty.policies()));

            // 9. Forward again: the same catalog as before the roll-back.
            CliRun forward = p.run(db, "migrate");
            assertEquals(0, forward.code(), forward.toString());
            assertEquals(at3, WorkflowProject.catalog(db, "public"));
        }
    }
}
