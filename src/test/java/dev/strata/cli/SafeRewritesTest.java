package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.catalog.CatalogReader;
import dev.strata.diff.Differ;
import dev.strata.model.Hints;
import dev.strata.model.Schema;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SafeRewritesTest: SET NOT NULL on a populated column, a new foreign key, index and unique key on
 * a populated table come out of make-all-migrations in the zero-downtime form, in a file that runs
 * outside a transaction; it applies, re-diffs empty, rolls back to the catalog before, and lint
 * finds nothing to say about the forms it took. {@code :safety {:safe false}} gives the plain form.
 */
@WithPostgres
class SafeRewritesTest {
    private static final String V1 = "{:orgs {:fields {:id {:type :integer :primary-key true}}}\n"
            + " :users {:fields {:id {:type :integer :primary-key true}\n"
            + "                  :email {:type :text}\n"
            + "                  :org-id {:type :integer}}}}\n";
    private static final String V2 = "{:orgs {:fields {:id {:type :integer :primary-key true}}}\n"
            + " :users {:fields {:id {:type :integer :primary-key true}\n"
            + "                  :email {:type :text :null false :unique true}\n"
            + "                  :org-id {:type :integer :foreign-key :orgs/id}}\n"
            + "         :indexes [{:fields [:org-id]}]}}\n";

    private static CliRun run(Path dir, String url, String... args) {
        List<String> full = new ArrayList<>(List.of(args));
        full.addAll(List.of("--url", url, "--models-dir", dir.resolve("db").toString(),
                "--migrations-dir", dir.resolve("db/migrations").toString()));
        if (args[0].startsWith("make") || args[0].equals("lint") || args[0].equals("diff")) {
            full.addAll(List.of("--dev-url", url.replaceAll("/[a-z_0-9]+\\?", "/postgres?")));
        }
        if (Files.exists(dir.resolve("strata.edn"))) {
            full.addAll(List.of("--config", dir.resolve("strata.edn").toString()));
        }
        return CliRun.of(full.toArray(String[]::new));
    }

    @Test
    void populatedTableChangesTakeTheSafeFormAndConverge(DevServer server, @TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("db/shared"));
        Files.writeString(dir.resolve("db/shared/models.edn"), V1);
        try (ScratchDatabase db = server.createScratch("safe_form")) {
            String url = CliRun.url(db);
            assertEquals(0, run(dir, url, "make-all-migrations").code());
            assertEquals(0, run(dir, url, "migrate").code());
            Schema before;
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO orgs VALUES (1), (2); INSERT INTO users VALUES (1, 'a@x', 1), (2, 'b@x', 2)");
                before = CatalogReader.read(c, "public");
            }
            Files.writeString(dir.resolve("db/shared/models.edn"), V2);
            CliRun made = run(dir, url, "make-all-migrations");
            assertEquals(0, made.code(), made.toString());
            assertFalse(made.out().contains("index-not-concurrently") || made.out().contains("constraint-without-not-valid")
                    || made.out().contains("unique-without-index") || made.out().contains("set-not-null"), made.toString());
            String file = newest(dir);
            assertTrue(file.contains(":transaction false"), file);
            for (String expected : List.of(
                    "ALTER TABLE users ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL) NOT VALID",
                    "ALTER TABLE users VALIDATE CONSTRAINT users_email_not_null",
                    "ALTER TABLE users ALTER COLUMN email SET NOT NULL",
                    "ALTER TABLE users DROP CONSTRAINT users_email_not_null",
                    "FOREIGN KEY (org_id) REFERENCES orgs (id) NOT VALID",
                    "ALTER TABLE users VALIDATE CONSTRAINT users_org_id_fkey",
                    "CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email)",
                    "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key",
                    "CREATE INDEX CONCURRENTLY")) {
                assertTrue(file.contains(expected), expected + " in\n" + file);
            }
            CliRun lint = run(dir, url, "lint");
            assertEquals(0, lint.code(), lint.toString());
            assertTrue(lint.out().contains("no findings"), lint.toString());

            CliRun migrated = run(dir, url, "migrate");
            assertEquals(0, migrated.code(), migrated.toString());
            CliRun diff = run(dir, url, "diff");
            assertEquals(0, diff.code(), diff.toString());
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                assertEquals(List.of("orgs_pkey:true", "strata_migrations_pkey:true", "users_email_key:true",
                        "users_org_id_fkey:true", "users_pkey:true"),
                        strings(s, "SELECT conname || ':' || convalidated FROM pg_constraint"
                                + " WHERE connamespace = 'public'::regnamespace AND contype <> 'n' ORDER BY 1"));
                assertEquals(List.of("true"), strings(s, "SELECT attnotnull::text FROM pg_attribute"
                        + " WHERE attrelid = 'users'::regclass AND attname = 'email'"));
            }
            CliRun back = run(dir, url, "migrate-to", "1");
            assertEquals(0, back.code(), back.toString());
            try (Connection c = db.connect()) {
                assertEquals(List.of(), Differ.diff(CatalogReader.read(c, "public"), before, Hints.none()));
            }
        }
    }

    @Test
    void safeFalseWritesThePlainForm(DevServer server, @TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("db/shared"));
        Files.writeString(dir.resolve("db/shared/models.edn"), V1);
        Files.writeString(dir.resolve("strata.edn"), "{:safety {:safe false}}");
        try (ScratchDatabase db = server.createScratch("plain_form")) {
            String url = CliRun.url(db);
            assertEquals(0, run(dir, url, "make-all-migrations").code());
            Files.writeString(dir.resolve("db/shared/models.edn"), V2);
            CliRun made = run(dir, url, "make-all-migrations");
            assertEquals(0, made.code(), made.toString());
            String file = newest(dir);
            assertFalse(file.contains(":transaction false") || file.contains("CONCURRENTLY") || file.contains("NOT VALID"), file);
            assertTrue(file.contains("ALTER TABLE users ALTER COLUMN email SET NOT NULL"), file);
        }
        Files.writeString(dir.resolve("strata.edn"), "{:safety {:safe \"yes\"}}");
        CliRun bad = CliRun.of("merge-models", "--config", dir.resolve("strata.edn").toString(),
                "--models-dir", dir.resolve("db").toString(), "--out", dir.resolve("p.edn").toString());
        assertEquals(8, bad.code(), bad.toString());
        assertTrue(bad.err().contains(":safety :safe yes, which is not true or false"), bad.toString());
    }

    private static String newest(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir.resolve("db/migrations"))) {
            return Files.readString(s.sorted().reduce((a, b) -> b).orElseThrow());
        }
    }

    private static List<String> strings(Statement s, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
