package dev.strata.cli;

import static dev.strata.runner.RunnerFixtures.execute;
import static dev.strata.runner.RunnerFixtures.relations;
import static dev.strata.runner.RunnerFixtures.source;
import static dev.strata.runner.RunnerFixtures.strings;
import static dev.strata.runner.RunnerFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.catalog.CatalogReader;
import dev.strata.migration.Checksums;
import dev.strata.migration.Direction;
import dev.strata.migration.Migration;
import dev.strata.migration.MigrationFiles;
import dev.strata.model.Schema;
import dev.strata.model.Table;
import dev.strata.pg.DevServer;
import dev.strata.pg.ScratchDatabase;
import dev.strata.runner.Migrator;
import dev.strata.runner.MigratorOptions;
import dev.strata.runner.Step;
import dev.strata.testing.WithPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import us.bpsm.edn.Keyword;
import org.junit.jupiter.api.io.TempDir;

/** {@code strata baseline} through the real command line, against real databases. */
@WithPostgres
class BaselineCommandTest {
    private static final String TIME = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}";

    /** A schema built with SQL: two tables, an enum, a foreign key, a partial index, a view, a function. */
    private static final List<String> SHOP = List.of(
            "CREATE TYPE order_status AS ENUM ('new', 'paid', 'shipped')",
            "CREATE TABLE customers (id serial PRIMARY KEY, email text NOT NULL UNIQUE,"
                    + " created_at timestamptz NOT NULL DEFAULT now())",
            "CREATE TABLE orders (id bigserial PRIMARY KEY,"
                    + " customer_id integer NOT NULL REFERENCES customers (id) ON DELETE CASCADE,"
                    + " status order_status NOT NULL DEFAULT 'new', total numeric(10,2) CHECK (total >= 0))",
            "CREATE INDEX orders_open_idx ON orders (customer_id) WHERE status <> 'shipped'",
            "CREATE VIEW open_orders AS SELECT o.id, c.email FROM orders o JOIN customers c ON c.id = o.customer_id"
                    + " WHERE o.status <> 'shipped'",
            "CREATE FUNCTION order_count(cid integer) RETURNS bigint LANGUAGE sql STABLE"
                    + " AS $$ SELECT count(*) FROM orders WHERE customer_id = cid $$",
            "INSERT INTO customers (email) VALUES ('ada@example.org')",
            "INSERT INTO orders (customer_id, total) VALUES (1, 12.50)");

    @TempDir
    Path dir;

    private Path models() {
        return dir.resolve("db");
    }

    private Path migrations() {
        return dir.resolve("migrations");
    }

    private CliRun run(ScratchDatabase db, String... args) {
        List<String> full = new java.util.ArrayList<>(List.of(args));
        full.addAll(List.of("--url", CliRun.url(db), "--migrations-dir", migrations().toString()));
        if (args[0].equals("baseline")) {
            full.addAll(List.of("--out", models().toString(), "--dev-url", devUrl(db.server())));
        }
        return CliRun.of(full.toArray(String[]::new));
    }

    private static String devUrl(DevServer server) {
        return server.url() + (server.url().contains("?") ? "&" : "?") + "user=" + server.user()
                + (server.password() == null ? "" : "&password=" + server.password());
    }

    private static void build(ScratchDatabase db, List<String> ddl) throws SQLException {
        for (String sql : ddl) {
            execute(db, sql);
        }
    }

    private static Schema read(ScratchDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            return CatalogReader.read(c, "public");
        }
    }

    private static Schema withoutHistory(Schema s) {
        return new Schema(s.extensions(), s.enums(), s.sequences(),
                s.tables().stream().filter(t -> !t.name().name().equals(MigratorOptions.DEFAULT_HISTORY_TABLE)).toList(),
                s.views(), s.functions(), s.triggers(), s.policies());
    }

    private List<Path> migrationFiles() throws Exception {
        try (Stream<Path> files = Files.list(migrations())) {
            return files.sorted().toList();
        }
    }

    private static String name(java.util.Map<Keyword, Object> action, String key) {
        return ((Keyword) action.get(Keyword.newKeyword(key))).getName();
    }

    @Test
    void adoptsTheSchemaWithoutTouchingItAndTheFileRecreatesIt(DevServer server) throws Exception {
        try (ScratchDatabase original = server.createScratch("base")) {
            build(original, SHOP);
            Schema before = read(original);

            CliRun baseline = run(original, "baseline");
            assertEquals(0, baseline.code(), baseline.toString());
            assertTrue(baseline.out().contains("Wrote 2 tables, 1 enum, 1 view, 1 function, 0 triggers, 0 policies to "
                    + models().resolve("shared")), baseline.toString());
            assertTrue(baseline.out().contains("Recorded 0001_baseline as applied to schema public without running it"),
                    baseline.toString());
            assertFalse(baseline.err().contains("warning"), baseline.toString());

            // The model tree, and exactly one migration file.
            for (String file : List.of("models.edn", "functions.edn", "views.edn", "triggers.edn", "policies.edn")) {
                assertTrue(Files.isRegularFile(models().resolve("shared").resolve(file)), file);
            }
            assertTrue(Files.readString(models().resolve("shared/models.edn")).contains(":orders {:fields"));
            Path file = migrations().resolve("0001_baseline.edn");
            assertEquals(List.of(file), migrationFiles());
            Migration m = MigrationFiles.read(file);
            assertTrue(m.up().stream().anyMatch(s -> s.startsWith("CREATE TYPE order_status AS ENUM")), m.up().toString());
            assertTrue(m.up().stream().anyMatch(s -> s.startsWith("CREATE TABLE customers")), m.up().toString());
            assertTrue(m.up().stream().anyMatch(s -> s.startsWith("CREATE INDEX orders_open_idx")), m.up().toString());
            assertTrue(m.up().stream().anyMatch(s -> s.contains("VIEW open_orders")), m.up().toString());
            assertTrue(m.up().stream().anyMatch(s -> s.contains("FUNCTION order_count")), m.up().toString());
            assertTrue(m.down().stream().anyMatch(s -> s.startsWith("DROP TABLE customers")), m.down().toString());
            assertTrue(m.down().stream().anyMatch(s -> s.startsWith("DROP TYPE order_status")), m.down().toString());
            assertEquals(List.of("create-enum order-status", "create-sequence customers-id-seq",
                    "create-sequence orders-id-seq", "create-table customers", "create-table orders",
                    "alter-sequence customers-id-seq", "alter-sequence orders-id-seq", "create-function order-count",
                    "add-constraint orders", "create-view open-orders"),
                    m.actions().stream().map(a -> name(a, "action") + " " + Stream.of("type-name", "table-name", "name")
                            .filter(k -> a.containsKey(Keyword.newKeyword(k))).map(k -> name(a, k)).findFirst().orElseThrow())
                            .toList());
            assertEquals("DROP TYPE order_status", m.down().get(m.down().size() - 1), "the down drops in reverse order");
            assertTrue(m.transactional());

            // Recorded as applied, with the file's checksum; nothing of the schema changed.
            assertEquals(List.of("1 baseline edn 0 " + Checksums.sha256(Files.readAllBytes(file))),
                    strings(original, "SELECT number || ' ' || name || ' ' || kind || ' ' || execution_ms || ' ' || checksum"
                            + " FROM public.strata_migrations"));
            assertEquals(before, withoutHistory(read(original)));
            assertEquals(List.of("ada@example.org 12.50"), strings(original,
                    "SELECT c.email || ' ' || o.total FROM orders o JOIN customers c ON c.id = o.customer_id"));

            CliRun status = run(original, "status");
            assertEquals(0, status.code(), status.toString());
            List<String> lines = status.out().lines().toList();
            assertTrue(lines.get(1).matches("✓ 0001_baseline   " + TIME), status.toString());
            assertEquals("Total: 1 applied, 0 pending", lines.get(2));

            CliRun migrate = run(original, "migrate");
            assertEquals(0, migrate.code(), migrate.toString());
            assertTrue(migrate.out().endsWith("Nothing to do. Schema public is at 0001_baseline: 1 applied, 0 pending.\n"),
                    migrate.toString());

            // On an empty database, 0001 recreates the same catalog, and rolling it back empties it.
            try (ScratchDatabase fresh = server.createScratch("fresh")) {
                Migrator migrator = new Migrator(source(fresh), migrations(), MigratorOptions.defaults());
                List<Step> steps = migrator.migrate();
                assertEquals(List.of("0001_baseline"), steps.stream().map(s -> s.migration().id()).toList());
                assertEquals(read(original), read(fresh));

                List<Step> back = migrator.migrateTo(0);
                assertEquals(List.of(Direction.BACKWARD), back.stream().map(Step::direction).toList());
                Schema empty = read(fresh);
                assertEquals(List.of(MigratorOptions.DEFAULT_HISTORY_TABLE),
                        empty.tables().stream().map(Table::name).map(n -> n.name()).toList());
                assertEquals(Schema.empty(), withoutHistory(empty));
                assertEquals(List.of("strata_migrations:r", "strata_migrations_pkey:i"), relations(fresh, "public"));
            }
        }
    }

    @Test
    void aSchemaOtherThanPublicIsAdoptedAndRecreatedInItsOwnSchema(DevServer server) throws Exception {
        try (ScratchDatabase original = server.createScratch("base");
             ScratchDatabase fresh = server.createScratch("fresh")) {
            build(original, List.of("CREATE SCHEMA shop", "SET search_path TO shop",
                    "CREATE TYPE shop.kind AS ENUM ('book', 'music')",
                    "CREATE TABLE shop.items (id serial PRIMARY KEY, kind shop.kind NOT NULL)",
                    "CREATE VIEW shop.books AS SELECT id FROM shop.items WHERE kind = 'book'"));
            CliRun r = run(original, "baseline", "--schema", "shop");
            assertEquals(0, r.code(), r.toString());
            assertEquals(List.of("1 baseline"), strings(original, "SELECT number || ' ' || name FROM shop.strata_migrations"));

            MigratorOptions shop = MigratorOptions.defaults().withSchema("shop");
            assertEquals(1, new Migrator(source(fresh), migrations(), shop).migrate().size());
            try (Connection a = original.connect(); Connection b = fresh.connect()) {
                assertEquals(CatalogReader.read(a, "shop"), CatalogReader.read(b, "shop"));
            }
            assertEquals(List.of(), relations(fresh, "public"), "nothing lands in public");
        }
    }

    @Test
    void refusesWhenMigrationFilesExist(DevServer server) throws Exception {
        write(migrations(), "0001_create_users.sql", "-- FORWARD\nCREATE TABLE users (id int);\n-- BACKWARD\nDROP TABLE users;\n");
        try (ScratchDatabase db = server.createScratch("base")) {
            build(db, SHOP);
            CliRun r = run(db, "baseline");
            assertEquals(6, r.code(), r.toString());
            assertTrue(r.err().contains("error: migrations dir " + migrations() + " already holds 1 migration"
                    + " (available: 0001..0001); a baseline must be the first migration."), r.toString());
            assertFalse(Files.exists(models()), "no model file is written");
            assertEquals(1, migrationFiles().size());
            assertEquals(List.of(), strings(db, "SELECT relname::text FROM pg_class WHERE relname = 'strata_migrations'"));
        }
    }

    @Test
    void refusesWhenTheHistoryHasRows(DevServer server) throws Exception {
        try (ScratchDatabase db = server.createScratch("base")) {
            Path other = dir.resolve("other");
            write(other, "0001_create_users.sql", "-- FORWARD\nCREATE TABLE users (id int);\n-- BACKWARD\nDROP TABLE users;\n");
            new Migrator(source(db), other, MigratorOptions.defaults()).migrate();
            CliRun r = run(db, "baseline");
            assertEquals(6, r.code(), r.toString());
            assertTrue(r.err().contains("error: schema public already has 1 migration recorded in public.strata_migrations"
                    + " (the last is 0001_create_users); a baseline is only for a schema Strata has never migrated."),
                    r.toString());
            assertFalse(Files.exists(models()));
            assertFalse(Files.exists(migrations()));
        }
    }

    @Test
    void anEmptyHistoryTableIsLeftOutOfTheModelAndTheMigration(DevServer server) throws Exception {
        try (ScratchDatabase db = server.createScratch("base")) {
            build(db, List.of("CREATE TABLE notes (id int PRIMARY KEY, body text)"));
            Files.createDirectories(migrations());
            assertEquals(List.of(), new Migrator(source(db), migrations(), MigratorOptions.defaults()).migrate());
            assertTrue(relations(db, "public").contains("strata_migrations:r"));

            CliRun r = run(db, "baseline");
            assertEquals(0, r.code(), r.toString());
            assertTrue(r.out().contains("Wrote 1 table, 0 enums,"), r.toString());
            String models = Files.readString(models().resolve("shared/models.edn"));
            assertTrue(models.contains(":notes {:fields"), models);
            assertFalse(models.contains("strata-migrations") || models.contains("strata_migrations"), models);
            Migration m = MigrationFiles.read(migrations().resolve("0001_baseline.edn"));
            assertEquals(1, m.up().size(), m.up().toString());
            assertTrue(m.up().get(0).startsWith("CREATE TABLE notes"), m.up().toString());
            assertEquals(List.of("1 baseline"), strings(db, "SELECT number || ' ' || name FROM strata_migrations"));
        }
    }

    @Test
    void refusesToReplaceModelFilesWithoutForce(DevServer server) throws Exception {
        Path existing = write(models().resolve("shared"), "models.edn", "{:keep {:fields {:id {:type :integer}}}}\n");
        try (ScratchDatabase db = server.createScratch("base")) {
            build(db, SHOP);
            CliRun refused = run(db, "baseline");
            assertEquals(8, refused.code(), refused.toString());
            assertTrue(refused.err().contains("error: model file " + existing + " already exists"), refused.toString());
            assertTrue(refused.err().contains("pass --force to replace the files"), refused.toString());
            assertEquals("{:keep {:fields {:id {:type :integer}}}}\n", Files.readString(existing));
            assertFalse(Files.exists(migrations()), "no migration file is written");
            assertEquals(List.of(), strings(db, "SELECT relname::text FROM pg_class WHERE relname = 'strata_migrations'"));

            CliRun forced = run(db, "baseline", "--force", "--name", "Adopt Shop");
            assertEquals(0, forced.code(), forced.toString());
            assertTrue(Files.readString(existing).contains(":customers {:fields"));
            assertEquals(List.of(migrations().resolve("0001_adopt_shop.edn")), migrationFiles());
            assertEquals(List.of("1 adopt_shop"), strings(db, "SELECT number || ' ' || name FROM strata_migrations"));
        }
    }

    @Test
    void objectsTheModelCannotCarryAreReportedAndLeftInPlace(DevServer server) throws Exception {
        try (ScratchDatabase db = server.createScratch("base")) {
            build(db, List.of(
                    "CREATE TYPE price",
                    "CREATE FUNCTION price_in(cstring) RETURNS price LANGUAGE internal IMMUTABLE STRICT AS 'textin'",
                    "CREATE FUNCTION price_out(price) RETURNS cstring LANGUAGE internal IMMUTABLE STRICT AS 'textout'",
                    "CREATE TYPE price (INPUT = price_in, OUTPUT = price_out, LIKE = text)",
                    "CREATE TABLE items (id serial PRIMARY KEY, name text NOT NULL, cost price)"));
            CliRun r = run(db, "baseline");
            assertEquals(0, r.code(), r.toString());
            assertTrue(r.err().contains("warning: the model cannot carry 4 objects or properties of schema public"
                    + " (4 left out of the tree):"), r.toString());
            assertTrue(r.err().contains("  - base type price: left out, base and shell types have no model syntax"), r.toString());
            assertTrue(r.err().contains("Objects left out stay in the database untouched, but 0001_baseline does not"
                    + " create them"), r.toString());
            Migration m = MigrationFiles.read(migrations().resolve("0001_baseline.edn"));
            assertTrue(m.up().stream().anyMatch(s -> s.startsWith("CREATE TABLE items")), m.up().toString());
            assertTrue(m.up().stream().noneMatch(s -> s.contains("CREATE TYPE") || s.contains("cost")), m.up().toString());
            assertEquals(List.of("price"), strings(db, "SELECT typname::text FROM pg_type WHERE typtype = 'b' AND typcategory <> 'A'"
                    + " AND typnamespace = 'public'::regnamespace"));
            assertEquals(List.of("id", "name", "cost"), strings(db, "SELECT attname::text FROM pg_attribute"
                    + " WHERE attrelid = 'items'::regclass AND attnum > 0 ORDER BY attnum"));
        }
    }
}
