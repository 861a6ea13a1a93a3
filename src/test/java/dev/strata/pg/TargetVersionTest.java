package dev.strata.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.cli.Main;
import dev.strata.config.ShadowServers;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * TargetVersionTest runs the user's day against a PostgreSQL 15 target, on embedded servers only:
 * the shadow server must follow the target's major version (no false drift from a view printed by
 * another major), and a changed generated column must migrate on a server without SET EXPRESSION.
 */
class TargetVersionTest {
    private static final int MAJOR = 15;
    private static DevServer target;

    @BeforeAll
    static void start() {
        target = DevServer.embedded(null, MAJOR);
    }

    @AfterAll
    static void stop() {
        if (target != null) {
            target.close();
        }
    }

    @Test
    void embeddedServerRunsTheRequestedMajor() {
        assertEquals(MAJOR, target.major());
        assertTrue(target.version().text().startsWith(MAJOR + "."), target.version().text());
    }

    @Test
    void viewAndGeneratedColumnConvergeOnFifteen(@TempDir Path dir) throws Exception {
        try (ScratchDatabase db = target.createScratch("v15")) {
            String url = db.url() + (db.url().contains("?") ? "&" : "?") + "user=" + target.user();
            writeModel(dir, "price * qty");
            Files.writeString(dir.resolve("strata.edn"), "{:processed-model \"out/models_processed.edn\"\n"
                    + " :profiles {:dev {:pg-version 15}}}\n");

            Run made = run(dir, "make-all-migrations");
            assertEquals(0, made.code, made.toString());
            assertTrue(made.out.contains("Shadow server: embedded PostgreSQL 15."), made.toString());
            assertTrue(made.out.contains(":pg-version of profile :dev"), made.toString());

            Run migrated = run(dir, "migrate", "--url", url);
            assertEquals(0, migrated.code, migrated.toString());
            assertEquals("server_version_num=" + target.version().num() + " server_version=" + target.version().text() + "\n",
                    Files.readString(dir.resolve(ShadowServers.RECORD)), "the target's version is recorded");

            // No --dev-url: diff picks an embedded 15 itself, from the target's server_version_num.
            Run diff = run(dir, "diff", "--url", url);
            assertEquals(0, diff.code, "no drift right after migrate on 15: " + diff);
            assertTrue(diff.err.contains("embedded PostgreSQL 15.") && diff.err.contains("the target's version"), diff.toString());

            writeModel(dir, "price * qty * 2");
            Run second = run(dir, "make-all-migrations");
            assertEquals(0, second.code, second.toString());
            String file = newestMigration(dir);
            assertFalse(file.contains("SET EXPRESSION"), "PostgreSQL 15 has no SET EXPRESSION:\n" + file);
            assertTrue(file.contains("DROP COLUMN") && file.contains("ADD COLUMN"), file);

            assertEquals(0, run(dir, "migrate", "--url", url).code);
            Run after = run(dir, "diff", "--url", url);
            assertEquals(0, after.code, "converged on 15: " + after);
            assertEquals(List.of(6), totals(db), "the new expression computes");

            Run back = run(dir, "migrate-to", "1", "--url", url);
            assertEquals(0, back.code, back.toString());
            assertEquals(List.of(3), totals(db), "the old expression is back after the down");
        }
    }

    private static List<Integer> totals(ScratchDatabase db) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM items");
            s.execute("INSERT INTO items (price, qty) VALUES (1, 3)");
            List<Integer> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT total FROM item_totals")) {
                while (rs.next()) {
                    out.add(rs.getInt(1));
                }
            }
            return out;
        }
    }

    private static void writeModel(Path dir, String expression) throws IOException {
        Path shared = dir.resolve("db").resolve("shared");
        Files.createDirectories(shared);
        Files.writeString(shared.resolve("models.edn"), "{:items {:fields {:id {:type :serial :primary-key true}\n"
                + "                        :price {:type :integer :null false}\n"
                + "                        :qty {:type :integer :null false}\n"
                + "                        :total {:type :integer :generated \"" + expression + "\"}}}}\n");
        Files.writeString(shared.resolve("views.edn"), "{:item-totals {:sql \"CREATE VIEW item_totals AS"
                + " SELECT id, total FROM items WHERE total > 0\"}}\n");
    }

    private static String newestMigration(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("db").resolve("migrations"))) {
            Path newest = files.sorted().reduce((a, b) -> b).orElseThrow();
            return Files.readString(newest);
        }
    }

    private static Run run(Path dir, String... args) {
        List<String> full = new ArrayList<>(List.of(args));
        full.addAll(List.of("--models-dir", dir.resolve("db").toString(),
                "--migrations-dir", dir.resolve("db").resolve("migrations").toString(),
                "--config", dir.resolve("strata.edn").toString()));
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
