package dev.strata.bench;

import dev.strata.catalog.CatalogRead;
import dev.strata.catalog.CatalogReader;
import dev.strata.compile.DdlCompiler;
import dev.strata.diff.Change;
import dev.strata.diff.Differ;
import dev.strata.model.Hints;
import dev.strata.model.Schema;
import dev.strata.pg.DevServer;
import dev.strata.pg.JdbcUrls;
import dev.strata.pg.ScratchDatabase;
import dev.strata.plan.Planner;
import dev.strata.sql.ChangeRenderer;
import dev.strata.sql.Rendered;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Benchmark represents the measurement of introspection and diffing on synthetic schemas of
 * 100, 1,000 and 5,000 tables (or the sizes given as arguments). For each size it creates the
 * schema and its variant with about 5% of the tables changed in two fresh databases, then reports
 * the catalog queries one read issues, the time of one read, and the time of diff + plan + render
 * against the variant and against the schema itself. Times are medians of several runs after a
 * warm-up. The server is {@code STRATA_TEST_DB_URL} when set, else an embedded PostgreSQL.
 * Not a test: run it with {@code java -cp target/strata.jar dev.strata.bench.Benchmark}.
 */
public final class Benchmark {
    private static final int RUNS = 5;
    /** Statements per transaction while building: one transaction for 5,000 tables runs out of lock slots. */
    private static final int BATCH = 400;

    private Benchmark() {
    }

    public static void main(String[] args) throws SQLException {
        int[] sizes = args.length == 0 ? new int[] {100, 1_000, 5_000}
                : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        PrintStream out = System.out;
        try (DevServer server = server()) {
            out.printf("%-7s %8s %9s %10s %12s %9s %13s %12s %11s%n", "tables", "queries", "read ms", "up stmts",
                    "diff5% ms", "self ms", "read+diff ms", "build s", "statements");
            for (int size : sizes) {
                Row row = measure(server, size);
                out.printf("%-7d %8d %9.1f %10d %12.1f %9.1f %13.1f %12.1f %11d%n", size, row.queries, row.readMillis,
                        row.changes, row.diffMillis, row.selfMillis, row.readMillis + row.diffMillis,
                        row.buildSeconds, row.statements);
            }
        }
    }

    private static DevServer server() {
        String url = System.getenv("STRATA_TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            JdbcUrls.Parsed parsed = JdbcUrls.parse(url);
            return DevServer.external(parsed.jdbcUrl(), parsed.user(), parsed.password());
        }
        return DevServer.embedded(null);
    }

    /** One line of the report. */
    private record Row(int queries, double readMillis, int changes, double diffMillis, double selfMillis,
                       double buildSeconds, int statements) {
    }

    private static Row measure(DevServer server, int size) throws SQLException {
        Schema base = SyntheticSchema.build(size, false);
        Schema variant = SyntheticSchema.build(size, true);
        try (ScratchDatabase dbBase = server.createScratch("bench_" + size);
             ScratchDatabase dbVariant = server.createScratch("bench_" + size + "_v");
             Connection base1 = dbBase.connect();
             Connection variant1 = dbVariant.connect()) {
            long started = System.nanoTime();
            List<String> ddl = DdlCompiler.compile(base);
            build(base1, ddl);
            build(variant1, DdlCompiler.compile(variant));
            double buildSeconds = (System.nanoTime() - started) / 1e9;

            CatalogRead current = CatalogReader.inspect(base1, "public");
            CatalogRead desired = CatalogReader.inspect(variant1, "public");
            double[] reads = new double[RUNS];
            for (int i = 0; i < RUNS; i++) {
                long t = System.nanoTime();
                CatalogReader.inspect(base1, "public");
                reads[i] = (System.nanoTime() - t) / 1e6;
            }
            Schema a = current.schema();
            Schema b = desired.schema();
            int changes = diffPlanRender(a, b).up().size();
            return new Row(current.queryCount(), median(reads), changes, timeDiff(a, b), timeDiff(a, a),
                    buildSeconds, ddl.size());
        }
    }

    private static double timeDiff(Schema current, Schema desired) {
        diffPlanRender(current, desired);
        double[] runs = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            diffPlanRender(current, desired);
            runs[i] = (System.nanoTime() - t) / 1e6;
        }
        return median(runs);
    }

    private static Rendered diffPlanRender(Schema current, Schema desired) {
        List<Change> changes = Planner.plan(Differ.diff(current, desired, Hints.none()), current, desired);
        return ChangeRenderer.renderAll(changes);
    }

    private static void build(Connection connection, List<String> ddl) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
            List<String> batch = new ArrayList<>();
            for (String statement : ddl) {
                batch.add(statement);
                if (batch.size() == BATCH) {
                    s.execute(String.join(";\n", batch));
                    connection.commit();
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                s.execute(String.join(";\n", batch));
            }
            connection.commit();
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
