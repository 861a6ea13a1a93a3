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
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SafetyTest: a model that drops a column with values, drops a table with rows and narrows
 * numeric(10,2) to integer is refused by make-all-migrations with exit 4, the target's counts and
 * both ways out, and no file; the model's acceptance lets it through and the file records it.
 */
@WithPostgres
class SafetyTest {
    private static final String BEFORE = "{:users {:fields {:id {:type :integer :primary-key true}\n"
            + "                  :notes {:type :text}\n"
            + "                  :price {:type :numeric :precision 10 :scale 2}}}\n"
            + " :legacy {:fields {:x {:type :integer}}}}\n";

    private static CliRun run(Path dir, String url, String... args) {
        List<String> full = new java.util.ArrayList<>(List.of(args));
        full.addAll(List.of("--url", url, "--models-dir", dir.resolve("db").toString(),
                "--migrations-dir", dir.resolve("db/migrations").toString(), "--dev-url", url.replaceAll("/[a-z_0-9]+\\?", "/postgres?")));
        if (args[0].equals("migrate")) {
            full.remove(full.size() - 1);
            full.remove(full.size() - 1);
        }
        return CliRun.of(full.toArray(String[]::new));
    }

    private static long files(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir.resolve("db/migrations"))) {
            return s.count();
        }
    }

    @Test
    void dataLossIsRefusedWithCountsThenAcceptedInTheModel(DevServer server, @TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("db/shared"));
        Files.writeString(dir.resolve("db/shared/models.edn"), BEFORE);
        try (ScratchDatabase db = server.createScratch("safety")) {
            String url = CliRun.url(db);
            CliRun first = run(dir, url, "make-all-migrations");
            assertEquals(0, first.code(), first.toString());
            assertEquals(0, run(dir, url, "migrate").code());
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO users VALUES (1, 'a', 19.99), (2, NULL, 5.00), (3, 'c', 7.5)");
                s.execute("INSERT INTO legacy SELECT g FROM generate_series(1, 50) g");
            }
            Files.writeString(dir.resolve("db/shared/models.edn"),
                    "{:users {:fields {:id {:type :integer :primary-key true}\n"
                            + "                  :price {:type :integer}}}}\n");
            CliRun refused = run(dir, url, "make-all-migrations");
            assertEquals(4, refused.code(), refused.toString());
            String err = refused.err();
            assertTrue(err.contains("error drop-table: table legacy") && err.contains("[50 rows]"), err);
            assertTrue(err.contains("error drop-column: column users.notes") && err.contains("[3 rows, 2 non-null values]"), err);
            assertTrue(err.contains("error narrowing-type: column users.price numeric(10,2) -> integer")
                    && err.contains("[3 rows, 2 values the cast changes or rejects]"), err);
            assertTrue(err.contains("{:drop true}") && err.contains(":accept-data-loss") && err.contains("make-migration --sql"), err);
            assertEquals(1, files(dir), "no file was written");

            Files.writeString(dir.resolve("db/shared/models.edn"),
                    "{:users {:fields {:id {:type :integer :primary-key true}\n"
                            + "                  :price {:type :integer}}\n"
                            + "         :accept-data-loss [:notes :price]}\n"
                            + " :legacy {:drop true}}\n");
            CliRun accepted = run(dir, url, "make-all-migrations");
            assertEquals(0, accepted.code(), accepted.toString());
            assertTrue(accepted.out().contains("(accepted in the model)"), accepted.toString());
            assertEquals(2, files(dir));
            String file;
            try (Stream<Path> s = Files.list(dir.resolve("db/migrations"))) {
                file = Files.readString(s.sorted().reduce((a, b) -> b).orElseThrow());
            }
            assertTrue(file.contains(":accepted [") && file.contains("{:numbers \"50 rows\" :object \"table legacy\" :rule :drop-table}"), file);
            assertTrue(file.contains("{:numbers \"3 rows, 2 non-null values\" :object \"column users.notes\" :rule :drop-column}"), file);
            CliRun migrated = run(dir, url, "migrate");
            assertEquals(0, migrated.code(), migrated.toString());
            assertTrue(migrated.out().contains("Accepted by 0002_") && migrated.out().contains("drop-table table legacy"),
                    migrated.toString());
        }
    }

    @Test
    void unknownRuleInStrataEdnIsAConfigurationError(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("db/shared"));
        Files.writeString(dir.resolve("db/shared/models.edn"), BEFORE);
        Files.writeString(dir.resolve("strata.edn"), "{:safety {:rules {:drop-colum :off}}}");
        CliRun r = CliRun.of("make-all-migrations", "--config", dir.resolve("strata.edn").toString(),
                "--models-dir", dir.resolve("db").toString());
        assertEquals(8, r.code(), r.toString());
        assertTrue(r.err().contains("unknown safety rule :drop-colum"), r.toString());
        assertFalse(Files.exists(dir.resolve("db/migrations")));
    }
}
