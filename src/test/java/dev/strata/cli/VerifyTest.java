package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.pg.DevServer;
import dev.strata.pg.ScratchDatabase;
import dev.strata.testing.WithPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * VerifyTest: {@code migrate} snapshots the schema before and after each migration and rolls back
 * a migration that does what its statements do not say (seed 003): rows vanishing through a DO
 * block or a cascade, a table dropped behind the runner's back, a constraint no longer validated;
 * and it names the INVALID index a failed CREATE INDEX CONCURRENTLY leaves behind.
 */
@WithPostgres
class VerifyTest {
    private static final String INIT = "-- FORWARD\nCREATE TABLE parent (id integer PRIMARY KEY);\n"
            + "CREATE TABLE child (id integer PRIMARY KEY, parent_id integer REFERENCES parent (id) ON DELETE CASCADE);\n"
            + "INSERT INTO parent SELECT g FROM generate_series(1, 10) g;\n"
            + "INSERT INTO child SELECT g, g FROM generate_series(1, 10) g;\n"
            + "-- BACKWARD\nDROP TABLE child;\nDROP TABLE parent;\n";

    private static CliRun migrate(Path dir, ScratchDatabase db, String... extra) {
        // --no-lint: these migrations are written to do what they do not say; the verification, run on
        // the target, is what is tested here (LintTest shows the same files are caught before they run).
        String[] args = new String[7 + extra.length];
        args[0] = "migrate";
        args[1] = "--url";
        args[2] = CliRun.url(db);
        args[3] = "--models-dir";
        args[4] = dir.resolve("db").toString();
        args[5] = "--migrations-dir=" + dir.resolve("m");
        args[6] = "--no-lint";
        System.arraycopy(extra, 0, args, 7, extra.length);
        return CliRun.of(args);
    }

    private static void write(Path dir, String name, String text) throws Exception {
        Files.createDirectories(dir.resolve("m"));
        Files.createDirectories(dir.resolve("db"));
        Files.writeString(dir.resolve("m").resolve(name), text);
    }

    private static long count(ScratchDatabase db, String sql) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void rowsDeletedByADoBlockAreRolledBackWithBothCounts(DevServer server, @TempDir Path dir) throws Exception {
        write(dir, "0001_init.sql", INIT);
        write(dir, "0002_cleanup.sql", "-- FORWARD\nDO $$ BEGIN EXECUTE 'DELETE FROM parent WHERE id > 7'; END $$;\n");
        try (ScratchDatabase db = server.createScratch("verify_do")) {
            CliRun r = migrate(dir, db);
            assertEquals(9, r.code(), r.toString());
            assertTrue(r.err().contains("migration 0002_cleanup (forward, schema public) failed verification"), r.toString());
            assertTrue(r.err().contains("table parent: 10 rows before, 7 after"), r.toString());
            assertTrue(r.err().contains("table child: 10 rows before, 7 after"), r.toString());
            assertTrue(r.err().contains("rolled back"), r.toString());
            assertEquals(10, count(db, "SELECT count(*) FROM parent"), "the rows are back");
            assertEquals(1, count(db, "SELECT count(*) FROM strata_migrations"), "0002 is not recorded");

            CliRun skipped = migrate(dir, db, "--no-verify");
            assertEquals(0, skipped.code(), skipped.toString());
            assertEquals(7, count(db, "SELECT count(*) FROM parent"));
        }
    }

    @Test
    void aDeleteTheMigrationStatesIsAllowedButItsCascadeIsNot(DevServer server, @TempDir Path dir) throws Exception {
        write(dir, "0001_init.sql", INIT);
        write(dir, "0002_prune.sql", "-- FORWARD\nDELETE FROM parent WHERE id > 8;\n");
        try (ScratchDatabase db = server.createScratch("verify_cascade")) {
            CliRun r = migrate(dir, db);
            assertEquals(9, r.code(), r.toString());
            assertFalse(r.err().contains("table parent:"), "the DELETE names parent: " + r);
            assertTrue(r.err().contains("table child: 10 rows before, 8 after"), r.toString());

            write(dir, "0002_prune.sql", "-- :verify {:allow-row-changes [:child]}\n-- FORWARD\nDELETE FROM parent WHERE id > 8;\n");
            CliRun allowed = migrate(dir, db);
            assertEquals(0, allowed.code(), allowed.toString());
            assertEquals(8, count(db, "SELECT count(*) FROM child"));
        }
    }

    @Test
    void tableDroppedBehindTheRunnersBackAndUnvalidatedConstraint(DevServer server, @TempDir Path dir) throws Exception {
        write(dir, "0001_init.sql", INIT);
        write(dir, "0002_sneaky.sql", "-- FORWARD\nDO $$ BEGIN EXECUTE 'DROP TABLE child'; END $$;\n");
        try (ScratchDatabase db = server.createScratch("verify_drop")) {
            CliRun r = migrate(dir, db);
            assertEquals(9, r.code(), r.toString());
            assertTrue(r.err().contains("table child is gone, and no statement drops or renames it"), r.toString());
            assertEquals(10, count(db, "SELECT count(*) FROM child"));

            write(dir, "0002_sneaky.sql", "-- FORWARD\nUPDATE pg_catalog.pg_constraint SET convalidated = false"
                    + " WHERE conname = 'child_parent_id_fkey';\n");
            CliRun unvalidated = migrate(dir, db);
            assertEquals(9, unvalidated.code(), unvalidated.toString());
            assertTrue(unvalidated.err().contains("constraint child_parent_id_fkey on child was validated before and is NOT VALID now"),
                    unvalidated.toString());
        }
    }

    @Test
    void failedConcurrentIndexBuildReportsTheInvalidIndex(DevServer server, @TempDir Path dir) throws Exception {
        write(dir, "0001_init.sql", INIT + "");
        write(dir, "0002_dupes.sql", "-- FORWARD\nUPDATE child SET parent_id = 1;\n");
        write(dir, "0003_unique.sql", "-- :transaction false\n-- FORWARD\nCREATE UNIQUE INDEX CONCURRENTLY child_parent_key ON child (parent_id);\n"
                + "-- BACKWARD\nDROP INDEX CONCURRENTLY child_parent_key;\n");
        try (ScratchDatabase db = server.createScratch("verify_index")) {
            CliRun r = migrate(dir, db);
            assertEquals(5, r.code(), r.toString());
            assertTrue(r.err().contains("Left behind: child_parent_key on child INVALID"), r.toString());
            assertTrue(r.err().contains("DROP INDEX CONCURRENTLY"), r.toString());
        }
    }

    @Test
    void badVerifyLineIsAFileError(DevServer server, @TempDir Path dir) throws Exception {
        write(dir, "0001_init.sql", "-- :verify {:allow-rows true}\n" + INIT);
        try (ScratchDatabase db = server.createScratch("verify_bad")) {
            CliRun r = migrate(dir, db);
            assertEquals(6, r.code(), r.toString());
            assertTrue(r.err().contains("unknown :verify key :allow-rows"), r.toString());
        }
    }
}
