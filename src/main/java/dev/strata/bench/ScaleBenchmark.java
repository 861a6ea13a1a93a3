package dev.strata.bench;

import dev.strata.diff.Differ;
import dev.strata.load.ModelLoader;
import dev.strata.model.Hints;
import dev.strata.model.Schema;
import dev.strata.plan.Planner;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * ScaleBenchmark measures how the work without a database grows with the schema: loading and
 * validating an EDN model of N tables (each with an identity key, a unique name, a check, a
 * default, a foreign key to an earlier table and two indexes), and diffing and planning the
 * synthetic schema of N tables against an empty one (every table, constraint and index a change).
 * Times are medians of several runs after a warm-up; a growth faster than n log n shows as a
 * ratio well above the size ratio from one row to the next. No server is needed:
 * {@code java -cp target/strata.jar dev.strata.bench.ScaleBenchmark [sizes...]}.
 */
public final class ScaleBenchmark {
    private static final int RUNS = 5;

    private ScaleBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int[] sizes = args.length == 0 ? new int[] {500, 1_000, 2_000, 5_000}
                : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        PrintStream out = System.out;
        out.printf(Locale.ROOT, "%-7s %10s %10s %12s %12s%n", "tables", "load ms", "changes", "diff ms", "plan ms");
        for (int size : sizes) {
            Path root = Files.createTempDirectory("strata-scale");
            writeModel(root, size);
            double load = median(() -> ModelLoader.load(root));
            Schema desired = SyntheticSchema.build(size, false);
            List<dev.strata.diff.Change> changes = Differ.diff(Schema.empty(), desired, Hints.none());
            double diff = median(() -> Differ.diff(Schema.empty(), desired, Hints.none()));
            double plan = median(() -> Planner.plan(changes, Schema.empty(), desired));
            out.printf(Locale.ROOT, "%-7d %10.1f %10d %12.1f %12.1f%n", size, load, changes.size(), diff, plan);
        }
    }

    /** {@code shared/models.edn} with {@code tables} tables. */
    static void writeModel(Path root, int tables) throws IOException {
        StringBuilder edn = new StringBuilder("{:status {:type :enum :choices [\"new\" \"active\" \"closed\"]}\n");
        for (int i = 0; i < tables; i++) {
            String name = SyntheticSchema.name(i).replace('_', '-');
            edn.append(" :").append(name).append(" {:fields {:id {:type :bigint :identity :always :primary-key true}\n")
                    .append("   :name {:type :text :null false :unique true}\n")
                    .append("   :amount {:type [:numeric 12 2] :default [:raw \"0\"] :check [:raw \"amount >= 0\"]}\n")
                    .append("   :status {:type :status :null false :default \"new\"}\n")
                    .append("   :created-at {:type :timestamptz :null false :default [:raw \"now()\"]}\n");
            if (i > 0) {
                edn.append("   :parent-id {:type :bigint :foreign-key :").append(SyntheticSchema.name(i / 2).replace('_', '-'))
                        .append("/id}\n");
            }
            edn.append("  }\n  :indexes [{:fields [:created-at]} {:fields [:status] :where [:raw \"status <> 'closed'\"]}]}\n");
        }
        edn.append("}\n");
        Files.createDirectories(root.resolve("shared"));
        Files.writeString(root.resolve("shared/models.edn"), edn.toString());
    }

    private static double median(Runnable work) {
        work.run();
        double[] times = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            work.run();
            times[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(times);
        return times[RUNS / 2];
    }
}
