package dev.strata.bench;

import dev.strata.pg.DevServer;
import dev.strata.pg.ScratchDatabase;
import dev.strata.runner.ConnectionSource;
import dev.strata.runner.FleetHistory;
import dev.strata.runner.MigratorOptions;
import dev.strata.tenants.Fleet;
import dev.strata.tenants.RunOptions;
import dev.strata.tenants.Selection;
import dev.strata.tenants.TenantSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Times the parts of a fleet's no-op check (trivial migrations, N tenants). Not a benchmark: a probe. */
public final class FleetNoopProbe {
    private FleetNoopProbe() {
    }

    public static void main(String[] args) throws Exception {
        int tenants = Integer.parseInt(args[0]);
        Path dir = Files.createTempDirectory("strata-probe");
        for (int m = 1; m <= 10; m++) {
            Files.writeString(dir.resolve(String.format(Locale.ROOT, "%04d_step_%d.sql", m, m)),
                    "-- FORWARD\nCREATE TABLE t" + m + " (id int);\n-- BACKWARD\nDROP TABLE t" + m + ";\n");
        }
        try (DevServer server = DevServer.embedded(null, 15); ScratchDatabase db = server.createScratch("probe")) {
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                for (int i = 1; i <= tenants; i++) {
                    s.addBatch("CREATE SCHEMA " + String.format(Locale.ROOT, "tenant_%05d", i));
                }
                s.executeBatch();
            }
            ConnectionSource source = ConnectionSource.of(db.url(), server.user(), server.password());
            Fleet f = new Fleet(source, dir, MigratorOptions.defaults().withVerify(false), TenantSettings.like("tenant\\_%"));
            long t0 = System.nanoTime();
            f.deploy(Selection.ALL, RunOptions.DEFAULTS);
            System.out.printf(Locale.ROOT, "deploy %.2f s%n", (System.nanoTime() - t0) / 1e9);
            for (int round = 0; round < 3; round++) {
                t0 = System.nanoTime();
                f.deploy(Selection.ALL, RunOptions.DEFAULTS);
                double noop = (System.nanoTime() - t0) / 1e9;
                t0 = System.nanoTime();
                f.status(Selection.ALL);
                double status = (System.nanoTime() - t0) / 1e9;
                t0 = System.nanoTime();
                List<String> names = new ArrayList<>();
                for (int i = 1; i <= tenants; i++) {
                    names.add(String.format(Locale.ROOT, "tenant_%05d", i));
                }
                try (Connection c = source.open()) {
                    double open = (System.nanoTime() - t0) / 1e9;
                    FleetHistory.read(c, names, MigratorOptions.DEFAULT_HISTORY_TABLE);
                    System.out.printf(Locale.ROOT, "noop %.2f s, status %.2f s, connect %.3f s, history %.2f s%n", noop,
                            status, open, (System.nanoTime() - t0) / 1e9 - open);
                }
            }
        }
    }
}
