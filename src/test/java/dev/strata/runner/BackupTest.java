package dev.strata.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.cli.Main;
import dev.strata.corpus.DumpComparison;
import dev.strata.pg.DevServer;
import dev.strata.pg.PgDump;
import dev.strata.pg.ScratchDatabase;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * BackupTest: {@code migrate --backup} on an embedded PostgreSQL 15 server, with Debian's pg_dump 15.
 * A migration that drops a column and a table with rows runs after the backup; the two printed
 * restore commands bring back a schema whose pg_dump equals the one before, with the same rows.
 * Without a pg_dump of the server's major nothing runs and the message says what is missing.
 */
class BackupTest {
    private static final int MAJOR = 15;
    private static DevServer server;

    @BeforeAll
    static void start() {
        Assumptions.assumeTrue(PgDump.forServer(MAJOR).isPresent(),
                "no pg_dump of PostgreSQL " + MAJOR + " or newer here (install postgresql-client); skipping the backup tests");
        server = DevServer.embedded(null, MAJOR);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void backupRestoresSchemaAndRowsAfterADestructiveMigration(@TempDir Path dir) throws Exception {
        writeMigrations(dir);
        try (ScratchDatabase db = server.createScratch("backup")) {
            String url = db.url() + (db.url().contains("?") ? "&" : "?") + "user=" + server.user();
            assertEquals(0, run(dir, "migrate", "--to", "1", "--url", url).code);
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO t VALUES (1, 'first', 'a=>1'), (2, 'second', NULL), (3, NULL, 'b=>2')");
                s.execute("INSERT INTO legacy SELECT g FROM generate_series(1, 50) g");
            }
            PgDump pgDump = PgDump.forServer(MAJOR).orElseThrow();
            String schemaBefore = pgDump.schemaOnly(db);
            List<String> rowsBefore = rows(db);

            Path backups = dir.resolve("backups");
            Run migrated = run(dir, "migrate", "--backup=" + backups, "--url", url);
            assertEquals(0, migrated.code, migrated.toString());
            List<Path> dumps;
            try (var files = Files.list(backups)) {
                dumps = files.filter(f -> f.toString().endsWith(".dump")).toList();
            }
            assertEquals(1, dumps.size(), "one dump file: " + dumps);
            assertTrue(Files.exists(Backup.listOf(dumps.get(0))), "and its restore list");
            Path dump = dumps.get(0);
            assertTrue(dump.getFileName().toString().matches(".+-public-\\d{8}T\\d{6}Z-before-0002_drop_legacy\\.dump"),
                    dump.toString());
            assertTrue(Files.size(dump) > 0);
            assertTrue(migrated.out.contains("Backup: " + dump.toAbsolutePath()), migrated.toString());
            assertEquals(dump.toAbsolutePath().toString(), backupRecorded(db, 2), "the history row of the run names the dump");
            assertFalse(rows(db).equals(rowsBefore), "the migration lost the column and the table");

            List<String> commands = migrated.out.lines().map(String::strip)
                    .filter(l -> l.startsWith("strata migrate-to") || l.contains("pg_restore")).toList();
            assertEquals(2, commands.size(), migrated.toString());
            assertTrue(commands.get(0).startsWith("strata migrate-to 1 "), commands.get(0));
            Run back = run(dir, "migrate-to", "1", "--url", url);
            assertEquals(0, back.code, back.toString());
            Process restore = new ProcessBuilder("sh", "-c", commands.get(1)).redirectErrorStream(true).start();
            String restoreOut = new String(restore.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(restore.waitFor(2, TimeUnit.MINUTES));
            assertEquals(0, restore.exitValue(), commands.get(1) + "\n" + restoreOut);

            List<DumpComparison.Difference> differences = DumpComparison.compare(schemaBefore, pgDump.schemaOnly(db));
            assertEquals(List.of(), differences.stream().map(DumpComparison.Difference::describe).toList(),
                    "pg_dump after the restore equals pg_dump before the migration");
            assertEquals(rowsBefore, rows(db), "the same rows are back");
        }
    }

    @Test
    void nothingToApplyTakesNoBackup(@TempDir Path dir) throws Exception {
        writeMigrations(dir);
        try (ScratchDatabase db = server.createScratch("backup_none")) {
            String url = db.url() + (db.url().contains("?") ? "&" : "?") + "user=" + server.user();
            assertEquals(0, run(dir, "migrate", "--url", url).code);
            Run again = run(dir, "migrate", "--backup=" + dir.resolve("b"), "--url", url);
            assertEquals(0, again.code, again.toString());
            assertTrue(again.out.contains("No backup: nothing to apply."), again.toString());
            assertFalse(Files.exists(dir.resolve("b")));
        }
    }

    @Test
    void prodProfileBacksUpByDefaultAndNoBackupSwitchesItOff(@TempDir Path dir) throws Exception {
        writeMigrations(dir);
        try (ScratchDatabase db = server.createScratch("backup_prod")) {
            String url = db.url() + (db.url().contains("?") ? "&" : "?") + "user=" + server.user();
            Files.writeString(dir.resolve("strata.edn"), "{:profiles {:prod {:url \"" + url + "\" :backup \"prod-dumps\"}"
                    + " :staging {:url \"" + url + "\"}}}\n");
            Run staging = run(dir, "migrate", "--to", "1", "--profile", "staging");
            assertEquals(0, staging.code, staging.toString());
            assertFalse(staging.out.contains("Backup:"), "no backup by default outside prod: " + staging);
            Run prod = run(dir, "migrate", "--profile", "prod");
            assertEquals(0, prod.code, prod.toString());
            assertTrue(prod.out.contains("Backup: " + dir.resolve("prod-dumps").toAbsolutePath()), prod.toString());
            Run off = run(dir, "migrate-to", "1", "--profile", "prod", "--no-backup");
            assertEquals(0, off.code, off.toString());
            assertFalse(off.out.contains("Backup:"), off.toString());
        }
    }

    @Test
    void badBackupSettingIsAConfigurationError(@TempDir Path dir) throws Exception {
        writeMigrations(dir);
        Files.writeString(dir.resolve("strata.edn"), "{:profiles {:prod {:url \"postgres://h/db\" :backup 3}}}\n");
        Run r = run(dir, "migrate", "--profile", "prod");
        assertEquals(8, r.code, r.toString());
        assertTrue(r.err.contains(":backup 3, which is neither true, false nor a directory"), r.toString());
    }

    private static String backupRecorded(ScratchDatabase db, int number) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT backup FROM strata_migrations WHERE number = " + number)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static List<String> rows(ScratchDatabase db) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String q : List.of("SELECT row_to_json(t)::text FROM t ORDER BY id",
                    "SELECT count(*)::text FROM legacy")) {
                try (ResultSet rs = s.executeQuery(q)) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                } catch (java.sql.SQLException e) {
                    out.add("missing: " + e.getSQLState());
                }
            }
        }
        return out;
    }

    private static void writeMigrations(Path dir) throws IOException {
        Path m = dir.resolve("db").resolve("migrations");
        Files.createDirectories(m.resolveSibling("shared"));
        Files.createDirectories(m);
        Files.writeString(m.resolve("0001_init.sql"), "-- FORWARD\nCREATE EXTENSION IF NOT EXISTS hstore;\n"
                + "CREATE TABLE t (id integer PRIMARY KEY, notes text, h hstore);\nCREATE TABLE legacy (x integer);\n"
                + "-- BACKWARD\nDROP TABLE legacy;\nDROP TABLE t;\nDROP EXTENSION hstore;\n");
        Files.writeString(m.resolve("0002_drop_legacy.sql"), "-- FORWARD\nALTER TABLE t DROP COLUMN notes;\nDROP TABLE legacy;\n"
                + "CREATE TABLE newer (y integer REFERENCES t (id));\n"
                + "-- BACKWARD\nDROP TABLE newer;\nCREATE TABLE legacy (x integer);\nALTER TABLE t ADD COLUMN notes text;\n");
    }

    private static Run run(Path dir, String... args) {
        List<String> full = new ArrayList<>(List.of(args));
        if (args[0].equals("migrate")) {
            full.add("--no-lint"); // the hand-written drops are the point here; LintTest covers the check
        }
        full.addAll(List.of("--models-dir", dir.resolve("db").toString(),
                "--migrations-dir", dir.resolve("db").resolve("migrations").toString()));
        if (Files.exists(dir.resolve("strata.edn"))) {
            full.addAll(List.of("--config", dir.resolve("strata.edn").toString()));
        }
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(full.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    private record Run(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
        }
    }
}
