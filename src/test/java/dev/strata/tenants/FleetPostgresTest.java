package dev.strata.tenants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import dev.strata.pg.DevServer;
import dev.strata.pg.ScratchDatabase;
import dev.strata.runner.MigratorOptions;
import dev.strata.runner.RunnerFixtures;
import dev.strata.testing.WithPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tenant fleets on a real PostgreSQL: 60 tenant schemas of one database. */
@WithPostgres
class FleetPostgresTest {
    private static final int TENANTS = 60;

    private static Fleet fleet(ScratchDatabase db, Path dir, TenantSettings settings) {
        return new Fleet(RunnerFixtures.source(db), dir, MigratorOptions.defaults(), settings);
    }

    private static List<String> names(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(String.format("tenant_%03d", i));
        }
        return out;
    }

    private static void createSchemas(ScratchDatabase db, List<String> names) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String n : names) {
                s.execute("CREATE SCHEMA " + n);
            }
        }
    }

    @Test
    void deployStatusRollbackAndMigrateToOverSixtyTenants(DevServer server, @TempDir Path dir) throws Exception {
        RunnerFixtures.writeBasicProject(dir);
        try (ScratchDatabase db = server.createScratch("fleet")) {
            createSchemas(db, names(TENANTS));
            Fleet fleet = fleet(db, dir, TenantSettings.like("tenant\\_%"));
            assertEquals(names(TENANTS), fleet.tenants(Selection.ALL));

            FleetStatus before = fleet.status(Selection.ALL);
            assertEquals(TENANTS, (int) before.totals().get(TenantStatus.State.PENDING));

            List<String> started = Collections.synchronizedList(new ArrayList<>());
            FleetRun run = fleet.deploy(Selection.ALL, RunOptions.DEFAULTS.withParallel(4).withListener(new FleetListener() {
                @Override
                public void started(String tenant) {
                    started.add(tenant);
                }
            }));
            assertEquals(TENANTS, run.with(TenantOutcome.State.APPLIED).size());
            assertEquals(TENANTS, started.size());
            assertFalse(run.anyFailed());
            assertEquals(List.of("1 create_users edn", "2 add_email sql", "3 add_indexes edn"),
                    RunnerFixtures.history(db, "tenant_042"));
            assertEquals(TENANTS, (int) fleet.status(Selection.ALL).totals().get(TenantStatus.State.UP_TO_DATE));

            // Nothing to do: every tenant is up to date without a migrator run.
            FleetRun again = fleet.deploy(Selection.ALL, RunOptions.DEFAULTS);
            assertEquals(TENANTS, again.with(TenantOutcome.State.UP_TO_DATE).size());

            // A new migration, one tenant at a time and then the rest.
            RunnerFixtures.write(dir, "0004_add_age.sql", "-- FORWARD\nALTER TABLE users ADD COLUMN age int;\n"
                    + "-- BACKWARD\nALTER TABLE users DROP COLUMN age;\n");
            FleetRun one = fleet.deploy(Selection.of("tenant_007"), RunOptions.DEFAULTS);
            assertEquals(List.of("tenant_007"), one.outcomes().stream().map(TenantOutcome::tenant).toList());
            FleetStatus mixed = fleet.status(Selection.ALL);
            assertEquals(TENANTS - 1, (int) mixed.totals().get(TenantStatus.State.PENDING));
            assertEquals(1L, mixed.tenants().get(0).pending());
            fleet.deploy(Selection.ALL, RunOptions.DEFAULTS);

            // rollback 4 everywhere; rollback 2 alone is refused where 3 is still applied.
            FleetRun back = fleet.rollback(4, Selection.ALL, RunOptions.DEFAULTS);
            assertEquals(TENANTS, back.with(TenantOutcome.State.APPLIED).size());
            assertEquals(3, RunnerFixtures.history(db, "tenant_010").size());
            FleetRun refused = fleet.rollback(2, Selection.of("tenant_010"), RunOptions.DEFAULTS);
            assertTrue(refused.anyFailed());
            assertTrue(refused.outcomes().get(0).error().contains("later migrations [3] are applied on top of it"),
                    refused.outcomes().get(0).error());
            assertEquals(3, RunnerFixtures.history(db, "tenant_010").size(), "a refused rollback changes nothing");

            FleetRun to1 = fleet.migrateTo(1, new Selection(List.of(), "tenant\\_00%", List.of("tenant_005")), RunOptions.DEFAULTS);
            assertEquals(8, to1.with(TenantOutcome.State.APPLIED).size());
            assertEquals(List.of("1 create_users edn"), RunnerFixtures.history(db, "tenant_001"));
            assertEquals(3, RunnerFixtures.history(db, "tenant_005").size(), "excluded");
            Map<TenantStatus.State, Integer> totals = fleet.status(Selection.ALL).totals();
            assertEquals(TENANTS - 1, (int) totals.get(TenantStatus.State.PENDING), totals.toString());
            assertEquals(1, (int) totals.get(TenantStatus.State.FAILED), "tenant_010's refusal is in the journal");
        }
    }

    /**
     * One worker runs every tenant on one connection; what a tenant's migration leaves in its
     * session (a setting, a temporary table, an advisory lock) must not reach the next tenant.
     */
    @Test
    void aReusedConnectionCarriesNothingFromOneTenantToTheNext(DevServer server, @TempDir Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("0001_session.sql"), "-- FORWARD\n"
                + "DO $$BEGIN IF current_setting('strata_test.mark', true) IS DISTINCT FROM '' AND current_setting('strata_test.mark', true)"
                + " IS NOT NULL THEN RAISE EXCEPTION 'a setting leaked: %', current_setting('strata_test.mark'); END IF; END$$;\n"
                + "SET strata_test.mark = 'set';\n"
                + "SET lock_timeout = '1ms';\n"
                + "CREATE TEMP TABLE scratch_rows (x int);\n"
                + "SELECT pg_advisory_lock(4242);\n"
                + "-- BACKWARD\nSELECT 1;\n");
        java.nio.file.Files.writeString(dir.resolve("0002_table.sql"), "-- FORWARD\nCREATE TABLE own (id int);\n-- BACKWARD\nDROP TABLE own;\n");
        try (ScratchDatabase db = server.createScratch("fleet_reuse")) {
            List<String> names = names(6);
            createSchemas(db, names);
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE tenant_003.own (id int)");
            }
            Fleet fleet = fleet(db, dir, TenantSettings.of(names));
            FleetRun run = fleet.deploy(Selection.ALL, RunOptions.DEFAULTS.withParallel(1));
            assertEquals(List.of("tenant_003"), run.with(TenantOutcome.State.FAILED).stream().map(TenantOutcome::tenant).toList(),
                    run.toString());
            assertEquals(5, run.with(TenantOutcome.State.APPLIED).size(), run.toString());
            assertTrue(run.with(TenantOutcome.State.FAILED).get(0).error().contains("already exists"), run.toString());
            for (String t : names) {
                try (Connection c = db.connect(); Statement s = c.createStatement();
                     java.sql.ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n"
                             + " ON n.oid = c.relnamespace WHERE n.nspname = '" + t + "' AND c.relname = 'own'")) {
                    rs.next();
                    assertEquals(1, rs.getInt(1), "the table of " + t + " is in its own schema, not in the one before");
                }
            }
            try (Connection c = db.connect(); Statement s = c.createStatement();
                 java.sql.ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_catalog.pg_locks WHERE locktype = 'advisory'")) {
                rs.next();
                assertEquals(0, rs.getInt(1), "no advisory lock is left once the run is over");
            }
        }
    }

    @Test
    void aSabotagedTenantFailsAloneAndARerunCompletes(DevServer server, @TempDir Path dir) throws Exception {
        RunnerFixtures.writeBasicProject(dir);
        try (ScratchDatabase db = server.createScratch("fleet_sab")) {
            List<String> names = names(52);
            createSchemas(db, names);
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE tenant_013.users (id int)");
            }
            Fleet fleet = fleet(db, dir, TenantSettings.of(names));
            FleetRun run = fleet.deploy(Selection.ALL, RunOptions.DEFAULTS.withParallel(3));
            assertEquals(List.of("tenant_013"), run.with(TenantOutcome.State.FAILED).stream().map(TenantOutcome::tenant).toList());
            assertEquals(names.size() - 1, run.with(TenantOutcome.State.APPLIED).size());
            String error = run.with(TenantOutcome.State.FAILED).get(0).error();
            assertTrue(error.contains("0001_create_users") && error.contains("already exists"), error);
            assertEquals(List.of(), RunnerFixtures.history(db, "tenant_013"), "its failed migration left no history");
            FleetStatus status = fleet.status(Selection.ALL);
            assertEquals(1, (int) status.totals().get(TenantStatus.State.FAILED));
            assertEquals("tenant_013", status.needingAttention().get(0).tenant());

            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("DROP TABLE tenant_013.users");
            }
            FleetRun rerun = fleet.deploy(Selection.ALL, RunOptions.DEFAULTS);
            assertEquals(List.of("tenant_013"), rerun.with(TenantOutcome.State.APPLIED).stream().map(TenantOutcome::tenant).toList());
            assertEquals(names.size(), (int) fleet.status(Selection.ALL).totals().get(TenantStatus.State.UP_TO_DATE));
        }
    }

    @Test
    void failFastAndCanaryStopStartingTenants(DevServer server, @TempDir Path dir) throws Exception {
        RunnerFixtures.writeBasicProject(dir);
        try (ScratchDatabase db = server.createScratch("fleet_canary")) {
            List<String> names = names(20);
            createSchemas(db, names);
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE tenant_001.users (id int)");
            }
            Fleet fleet = fleet(db, dir, TenantSettings.like("tenant%"));
            FleetRun canary = fleet.deploy(Selection.ALL, RunOptions.DEFAULTS.withCanary(2).withParallel(2));
            assertEquals(1, canary.with(TenantOutcome.State.FAILED).size());
            assertEquals(1, canary.with(TenantOutcome.State.APPLIED).size(), "the other canary");
            assertEquals(18, canary.with(TenantOutcome.State.SKIPPED).size());
            assertTrue(canary.with(TenantOutcome.State.SKIPPED).get(0).error().contains("canary"));
            assertEquals(List.of(), RunnerFixtures.relations(db, "tenant_020"), "a skipped tenant is not touched");

            FleetRun failFast = fleet.deploy(Selection.ALL, RunOptions.DEFAULTS.withFailFast(true).withParallel(1));
            assertEquals(1, failFast.with(TenantOutcome.State.FAILED).size());
            assertEquals(18, failFast.with(TenantOutcome.State.SKIPPED).size(), "one at a time: the first failure stops the rest");
        }
    }

    @Test
    void twoConcurrentDeploysApplyEachMigrationOnce(DevServer server, @TempDir Path dir) throws Exception {
        RunnerFixtures.writeBasicProject(dir);
        try (ScratchDatabase db = server.createScratch("fleet_twice")) {
            createSchemas(db, names(24));
            Fleet fleet = fleet(db, dir, TenantSettings.like("tenant%"));
            ExecutorService two = Executors.newFixedThreadPool(2);
            try {
                Future<FleetRun> a = two.submit(() -> fleet.deploy(Selection.ALL, RunOptions.DEFAULTS.withParallel(3)));
                Future<FleetRun> b = two.submit(() -> fleet.deploy(Selection.ALL, RunOptions.DEFAULTS.withParallel(3)));
                FleetRun ra = a.get();
                FleetRun rb = b.get();
                assertFalse(ra.anyFailed() || rb.anyFailed(), ra + "\n" + rb);
            } finally {
                two.shutdownNow();
            }
            assertEquals(List.of(String.valueOf(24 * 3)), RunnerFixtures.strings(db, "SELECT count(*) FROM ("
                    + String.join(" UNION ALL ", names(24).stream()
                    .map(n -> "SELECT number FROM " + n + ".strata_migrations").toList()) + ") h"));
        }
    }

    @Test
    void createMakesATenantWholeOrNotAtAll(DevServer server, @TempDir Path dir) throws Exception {
        RunnerFixtures.writeBasicProject(dir);
        Path seed = RunnerFixtures.write(dir.resolve("seed"), "tenant_seed.sql",
                "INSERT INTO users (id, name, email) VALUES (1, 'owner', 'owner@example.com');\n");
        try (ScratchDatabase db = server.createScratch("fleet_create")) {
            Fleet fleet = fleet(db, dir, TenantSettings.like("t\\_%").withSeed(seed));
            TenantOutcome made = fleet.create("t_acme");
            assertEquals(3, made.steps().size());
            assertEquals(List.of("owner"), RunnerFixtures.strings(db, "SELECT name FROM t_acme.users"));
            assertEquals(List.of("t_acme"), fleet.tenants(Selection.ALL));

            StrataException exists = assertThrows(StrataException.class, () -> fleet.create("t_acme"));
            assertTrue(exists.getMessage().contains("already exists"), exists.getMessage());
            StrataException badName = assertThrows(StrataException.class, () -> fleet.create("T-1"));
            assertEquals(ErrorCode.USAGE, badName.code());
            StrataException outside = assertThrows(StrataException.class, () -> fleet.create("other"));
            assertEquals(ErrorCode.CONFIG, outside.code());

            // A seed that fails leaves no schema behind.
            RunnerFixtures.write(dir.resolve("seed"), "tenant_seed.sql", "INSERT INTO users (id) VALUES (1);\n");
            StrataException seedFailed = assertThrows(StrataException.class, () -> fleet.create("t_globex"));
            assertTrue(seedFailed.getMessage().contains("the seed of schema t_globex failed")
                    && seedFailed.getMessage().contains("was not created"), seedFailed.getMessage());
            assertEquals(List.of(), RunnerFixtures.strings(db, "SELECT nspname FROM pg_namespace WHERE nspname = 't_globex'"));
        }
    }

    private static final List<String> MODEL = List.of(
            "CREATE TABLE users (id bigint PRIMARY KEY, name text NOT NULL, email text)",
            "COMMENT ON COLUMN users.email IS 'it''s; the address'",
            "CREATE INDEX users_email_idx ON users (email)",
            "CREATE TABLE vendor (id bigint PRIMARY KEY, user_id bigint REFERENCES users (id), name text NOT NULL)",
            "CREATE INDEX vendor_name_idx ON vendor (name)");

    @Test
    void createVerifyAndBackfillOnFiftyTwoTenants(DevServer server, @TempDir Path dir)
            throws Exception {
        RunnerFixtures.writeBasicProject(dir);
        try (ScratchDatabase db = server.createScratch("fleet_verify")) {
            Fleet fleet = fleet(db, dir, TenantSettings.like("tenant%").withRequiredTables(List.of("users", "vendor")));
            for (String name : names(52)) {
                assertEquals(3, fleet.create(name).steps().size());
            }
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO tenant_003.users (id, name) VALUES (1, 'kept')");
                s.execute("DROP INDEX tenant_005.users_email_idx");
                s.execute("ALTER TABLE tenant_006.users ADD COLUMN extra int");
                s.execute("CREATE SCHEMA tenant_053");
            }
            FleetStatus verified = fleet.verify(Selection.ALL, MODEL);
            assertEquals(53, verified.tenants().size());
            Map<TenantStatus.State, Integer> totals = verified.totals();
            assertEquals(1, (int) totals.get(TenantStatus.State.PENDING), totals.toString());
            assertEquals(52, (int) totals.get(TenantStatus.State.DRIFTED), "every deployed tenant lacks vendor");
            TenantStatus five = verified.tenants().get(4);
            assertEquals(List.of("vendor"), five.missingTables());
            assertTrue(five.drift().contains("create-index users_email_idx"), five.drift().toString());
            TenantStatus six = verified.tenants().get(5);
            assertTrue(six.drift().contains("drop-column users.extra"), six.drift().toString());
            assertEquals(List.of("users", "vendor"), verified.tenants().get(52).missingTables());

            FleetRun backfilled = fleet.backfill(Selection.ALL, MODEL, RunOptions.DEFAULTS);
            assertEquals(53, backfilled.with(TenantOutcome.State.APPLIED).size(), backfilled.toString());
            assertEquals(List.of("kept"), RunnerFixtures.strings(db, "SELECT name FROM tenant_003.users"),
                    "an existing table is never touched");
            assertEquals(List.of("vendor:r", "vendor_name_idx:i", "vendor_pkey:i"), RunnerFixtures.relations(db, "tenant_001")
                    .stream().filter(r -> r.startsWith("vendor")).toList());
            assertEquals(List.of("-1 backfill vendor backfill"), RunnerFixtures.strings(db,
                    "SELECT number || ' ' || name || ' ' || kind FROM tenant_001.strata_migrations WHERE number < 0"));
            assertTrue(RunnerFixtures.relations(db, "tenant_005").stream().noneMatch(r -> r.startsWith("users_email_idx")),
                    "an index of an existing table is not created: the table is not touched");
            assertTrue(RunnerFixtures.relations(db, "tenant_053").contains("users:r"));

            FleetStatus after = fleet.verify(Selection.ALL, MODEL);
            Map<TenantStatus.State, Integer> totalsAfter = after.totals();
            assertEquals(50, (int) totalsAfter.get(TenantStatus.State.UP_TO_DATE), totalsAfter.toString());
            assertEquals(2, (int) totalsAfter.get(TenantStatus.State.DRIFTED), "tenant_005 and tenant_006 still differ");
            assertEquals(1, (int) totalsAfter.get(TenantStatus.State.PENDING), "tenant_053 has tables but no migrations applied");
            FleetRun again = fleet.backfill(Selection.ALL, MODEL, RunOptions.DEFAULTS);
            assertEquals(53, again.with(TenantOutcome.State.UP_TO_DATE).size(), "nothing is missing any more");
        }
    }
}
