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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LintTest: a hand-written migration that drops a column and a table, narrows numeric(10,2) to
 * integer, deletes every row, builds an index without CONCURRENTLY and renames a column is
 * checked by its effect on a scratch database: {@code strata lint} lists every rule with its id
 * and exits 4; {@code migrate} refuses it before anything runs (exit 4, nothing applied) unless
 * {@code --allow-unsafe}; the file's {@code -- :accepted} line lets the errors through.
 */
@WithPostgres
class LintTest {
    private static final String MODEL = "{:users {:fields {:id {:type :integer :primary-key true}\n"
            + "                  :notes {:type :text}\n"
            + "                  :price {:type :numeric :precision 10 :scale 2}}}\n"
            + " :legacy {:fields {:x {:type :integer}}}}\n";
    private static final String CLEANUP = "-- :transaction false\n-- FORWARD\n"
            + "ALTER TABLE users DROP COLUMN notes;\n"
            + "DROP TABLE legacy;\n"
            + "ALTER TABLE users ALTER COLUMN price TYPE integer;\n"
            + "DELETE FROM users;\n"
            + "CREATE INDEX users_price ON users (price);\n"
            + "CREATE INDEX CONCURRENTLY users_id_price ON users (id, price);\n"
            + "ALTER TABLE users RENAME COLUMN id TO user_id;\n";
    private static final String ACCEPTED = "-- :accepted [{:rule :drop-column :object \"column users.notes\"}"
            + " {:rule :drop-table :object \"table legacy\"}"
            + " {:rule :narrowing-type :object \"column users.price numeric(10,2) -> integer\"}]\n";

    private static CliRun run(Path dir, String url, String devUrl, String... args) {
        List<String> full = new ArrayList<>(List.of(args));
        full.addAll(List.of("--url", url, "--models-dir", dir.resolve("db").toString(),
                "--migrations-dir", dir.resolve("db/migrations").toString(), "--dev-url", devUrl));
        return CliRun.of(full.toArray(String[]::new));
    }

    @Test
    void handWrittenMigrationIsLintedByItsEffectAndMigrateRefusesIt(DevServer server, @TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("db/shared"));
        Files.writeString(dir.resolve("db/shared/models.edn"), MODEL);
        try (ScratchDatabase db = server.createScratch("lint")) {
            String url = CliRun.url(db);
            String devUrl = url.replaceAll("/[a-z_0-9]+\\?", "/postgres?");
            assertEquals(0, run(dir, url, devUrl, "make-all-migrations").code());
            Path cleanup = dir.resolve("db/migrations/0002_cleanup.sql");
            Files.writeString(cleanup, CLEANUP);

            CliRun lint = run(dir, url, devUrl, "lint", "2");
            assertEquals(4, lint.code(), lint.toString());
            String out = lint.out();
            for (String expected : List.of(
                    "0002_cleanup: ",
                    "error drop-column: column users.notes",
                    "error drop-table: table legacy",
                    "error narrowing-type: column users.price numeric(10,2) -> integer",
                    "warning unbounded-dml: DELETE FROM users without WHERE",
                    "warning index-not-concurrently: CREATE INDEX users_price on users",
                    "warning rename-column: column users.id -> user_id",
                    "3 not accepted at error level")) {
                assertTrue(out.contains(expected), expected + " in\n" + out);
            }
            // The rename is a rename, not a dropped column; the CONCURRENTLY index is not reported.
            assertFalse(out.contains("column users.id\n") || out.contains("users_id_price"), out);

            CliRun all = run(dir, url, devUrl, "lint", "--all", "--json");
            assertEquals(4, all.code(), all.toString());
            assertTrue(all.out().startsWith("[{\"migration\":\"0001_"), all.out());
            assertTrue(all.out().contains("\"rule\":\"drop-table\",\"severity\":\"error\",\"object\":\"table legacy\""),
                    all.out());

            CliRun refused = run(dir, url, devUrl, "migrate");
            assertEquals(4, refused.code(), refused.toString());
            assertTrue(refused.err().contains("refusing to migrate: 3 error-level findings are not accepted")
                    && refused.err().contains("0002_cleanup: drop-column column users.notes")
                    && refused.err().contains("--allow-unsafe"), refused.toString());
            assertEquals(List.of(), applied(db), "nothing ran: not even the safe 0001");

            Files.writeString(cleanup, ACCEPTED + CLEANUP);
            CliRun accepted = run(dir, url, devUrl, "lint", "2");
            assertEquals(0, accepted.code(), accepted.toString());
            assertTrue(accepted.out().contains("(accepted in the model)")
                    && accepted.out().contains("0 not accepted at error level"), accepted.toString());

            Files.writeString(cleanup, CLEANUP);
            CliRun unsafe = run(dir, url, devUrl, "migrate", "--allow-unsafe");
            assertEquals(0, unsafe.code(), unsafe.toString());
            assertTrue(unsafe.out().contains("error drop-table: table legacy"), unsafe.toString());
            assertEquals(List.of(1, 2), applied(db));
        }
    }

    @Test
    void aDropHiddenInADoBlockIsFoundByItsEffect(DevServer server, @TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("db/migrations"));
        Files.writeString(dir.resolve("db/migrations/0001_init.sql"), "-- FORWARD\nCREATE TABLE child (id int);\n");
        Files.writeString(dir.resolve("db/migrations/0002_sneaky.sql"),
                "-- FORWARD\nDO $$ BEGIN EXECUTE 'DROP TABLE child'; END $$;\n");
        try (ScratchDatabase db = server.createScratch("lint_do")) {
            String url = CliRun.url(db);
            CliRun r = run(dir, url, url.replaceAll("/[a-z_0-9]+\\?", "/postgres?"), "lint");
            assertEquals(4, r.code(), r.toString());
            assertTrue(r.out().contains("0002_sneaky: 1 finding") && r.out().contains("error drop-table: table child"), r.toString());
        }
    }

    @Test
    void rulesListsEveryRuleWithItsIdAndConfiguredLevel(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("strata.edn"), "{:safety {:rules {:rename-column :error :unbounded-dml :off}}}");
        CliRun r = CliRun.of("lint", "--rules", "--config", dir.resolve("strata.edn").toString());
        assertEquals(0, r.code(), r.toString());
        for (dev.strata.safety.Rule rule : dev.strata.safety.Rule.values()) {
            assertTrue(r.out().contains(rule.id() + " ("), rule.id() + " in\n" + r.out());
        }
        assertTrue(r.out().contains("rename-column (error)") && r.out().contains("unbounded-dml (off)")
                && r.out().contains("drop-column (error, data loss)"), r.out());
    }

    @Test
    void aBadAcceptedLineIsAMigrationFileError(DevServer server, @TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("db/migrations"));
        Files.writeString(dir.resolve("db/migrations/0001_x.sql"), "-- :accepted [{:rule :drop-colum :object \"t\"}]\n"
                + "-- FORWARD\nCREATE TABLE t (id int);\n");
        try (ScratchDatabase db = server.createScratch("lint_bad")) {
            String url = CliRun.url(db);
            CliRun r = run(dir, url, url, "lint");
            assertEquals(6, r.code(), r.toString());
            assertTrue(r.err().contains("0001_x.sql") && r.err().contains("unknown safety rule :drop-colum"), r.toString());
        }
    }

    private static List<Integer> applied(ScratchDatabase db) throws Exception {
        List<Integer> out = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT to_regclass('strata_migrations') IS NOT NULL")) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return out;
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT number FROM strata_migrations ORDER BY number")) {
                while (rs.next()) {
                    out.add(rs.getInt(1));
                }
            }
        }
        return out;
    }
}
