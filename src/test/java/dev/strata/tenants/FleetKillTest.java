package dev.strata.tenants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.pg.DevServer;
import dev.strata.pg.ScratchDatabase;
import dev.strata.runner.MigratorOptions;
import dev.strata.runner.RunnerFixtures;
import dev.strata.testing.WithPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of a {@code strata tenants deploy-all} halfway: every tenant is left at a
 * migration boundary (its history matches its tables), and a re-run completes.
 */
@WithPostgres
@Tag("slow") // a subprocess JVM and a kill: in mvn -Pfull verify, keeping the default run under 20 minutes
class FleetKillTest {
    private static final int TENANTS = 24;
    private static final int MIGRATIONS = 6;

    @Test
    void aKilledDeployLeavesEveryTenantAtAMigrationBoundary(DevServer server, @TempDir Path dir) throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        for (int i = 1; i <= MIGRATIONS; i++) {
            // Each migration creates one table and takes a while, so the kill lands inside one.
            RunnerFixtures.write(migrations, String.format("%04d_step_%d.sql", i, i), "-- FORWARD\nCREATE TABLE t" + i
                    + " (id int);\nSELECT pg_sleep(0.15);\n-- BACKWARD\nDROP TABLE t" + i + ";\n");
        }
        Path config = Files.writeString(dir.resolve("strata.edn"),
                "{:migrations-dir \"migrations\" :tenants {:schemas-like \"k\\\\_%\"}}\n");
        try (ScratchDatabase db = server.createScratch("fleet_kill")) {
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                for (int i = 1; i <= TENANTS; i++) {
                    s.execute("CREATE SCHEMA k_" + i);
                }
            }
            String url = db.url() + (db.url().contains("?") ? "&" : "?") + "user=" + server.user()
                    + (server.password() == null ? "" : "&password=" + server.password());
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "dev.strata.cli.Main", "tenants", "deploy-all",
                    "--parallel", "4", "--url", url, "--config", config.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
            // Wait until some tenants are done and others are not, then kill -9.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (applied(db) < TENANTS * MIGRATIONS / 3 && System.nanoTime() < deadline && p.isAlive()) {
                Thread.sleep(50);
            }
            assertTrue(p.isAlive(), "the deploy ended before it could be killed: " + Files.readString(dir.resolve("out.txt")));
            p.destroyForcibly();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            int appliedAtKill = applied(db);
            assertTrue(appliedAtKill < TENANTS * MIGRATIONS, "killed halfway: " + appliedAtKill);

            // Give the server a moment to end the killed backends' transactions (they roll back).
            Thread.sleep(500);
            for (int i = 1; i <= TENANTS; i++) {
                List<String> history = RunnerFixtures.strings(db, "SELECT count(*) FROM pg_class c JOIN pg_namespace n"
                        + " ON n.oid = c.relnamespace WHERE n.nspname = 'k_" + i + "' AND c.relname = 'strata_migrations'")
                        .get(0).equals("0") ? List.of()
                        : RunnerFixtures.strings(db, "SELECT number::text FROM k_" + i + ".strata_migrations ORDER BY number");
                List<String> tables = RunnerFixtures.strings(db, "SELECT substr(c.relname, 2) FROM pg_class c JOIN pg_namespace n"
                        + " ON n.oid = c.relnamespace WHERE n.nspname = 'k_" + i + "' AND c.relkind = 'r'"
                        + " AND c.relname ~ '^t[0-9]+$' ORDER BY 1");
                assertEquals(history, tables, "tenant k_" + i + ": its history matches its tables");
            }

            Fleet fleet = new Fleet(RunnerFixtures.source(db), migrations, MigratorOptions.defaults(),
                    TenantSettings.like("k\\_%"));
            FleetRun rerun = fleet.deploy(Selection.ALL, RunOptions.DEFAULTS);
            assertFalse(rerun.anyFailed(), rerun.toString());
            assertEquals(TENANTS * MIGRATIONS, applied(db));
            assertEquals(TENANTS, (int) fleet.status(Selection.ALL).totals().get(TenantStatus.State.UP_TO_DATE));
        }
    }

    /** History rows over every tenant. */
    private static int applied(ScratchDatabase db) throws Exception {
        List<String> parts = new ArrayList<>();
        for (String schema : RunnerFixtures.strings(db, "SELECT n.nspname::text FROM pg_class c JOIN pg_namespace n"
                + " ON n.oid = c.relnamespace WHERE n.nspname LIKE 'k\\_%' AND c.relname = 'strata_migrations'")) {
            parts.add("SELECT count(*) AS n FROM " + schema + ".strata_migrations");
        }
        if (parts.isEmpty()) {
            return 0;
        }
        return Integer.parseInt(RunnerFixtures.strings(db, "SELECT sum(n)::text FROM (" + String.join(" UNION ALL ", parts)
                + ") x").get(0));
    }
}
