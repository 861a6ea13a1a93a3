package dev.strata.corpus;

import dev.strata.pg.PgMajor;

import dev.strata.pg.DevServer;
import dev.strata.pg.JdbcUrls;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * ConvergenceReport is the command-line entry point that runs the {@link ConvergenceHarness} over
 * every corpus case, prints the counts by file and by feature, and rewrites docs/convergence.md.
 * It is a developer tool, not a Strata subcommand, so it prints and exits itself.
 *
 * <pre>java -cp target/strata.jar dev.strata.corpus.ConvergenceReport [--only PREFIX] [--out FILE] [--known-failures FILE] [--jobs N] [--pg-version N]</pre>
 */
public final class ConvergenceReport {
    private ConvergenceReport() {
    }

    public static void main(String[] args) throws IOException {
        String only = null;
        Path out = null;
        Path knownFailures = null;
        int jobs = 3;
        int pgVersion = PgMajor.BUNDLED;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--only" -> only = required(args[i], value);
                case "--out" -> out = Path.of(required(args[i], value));
                case "--known-failures" -> knownFailures = Path.of(required(args[i], value));
                case "--jobs" -> jobs = Integer.parseInt(required(args[i], value));
                case "--pg-version" -> pgVersion = Integer.parseInt(required(args[i], value));
                default -> usage("unknown option " + args[i]);
            }
            i++;
        }
        if (out == null && only == null) {
            out = Path.of("docs/convergence.md");
        }
        Optional<Path> root = Corpora.locate();
        if (root.isEmpty()) {
            System.err.println("No corpora folder found; looked at " + Corpora.searchedPlaces()
                    + ".\n  Pass -D" + Corpora.PROPERTY + "=<dir> or set " + Corpora.ENV + ".");
            System.exit(2);
        }
        List<String> prefixes = only == null ? List.of("") : List.of(only.split(","));
        List<CorpusCase> cases = Corpora.load(root.get()).stream()
                .filter(c -> prefixes.stream().anyMatch(p -> c.id().startsWith(p))).toList();
        PrintStream console = System.out;
        console.println("Corpora: " + root.get() + " (" + cases.size() + " cases)");
        ConvergenceRun run;
        try (DevServer server = server(pgVersion)) {
            ConvergenceHarness harness = new ConvergenceHarness(server);
            console.println("PostgreSQL " + harness.serverVersion());
            long started = System.nanoTime();
            List<ConvergenceRun.Result> results = new ArrayList<>();
            List<CompletableFuture<Outcome>> outcomes = harness.start(cases, jobs);
            for (int i = 0; i < cases.size(); i++) {
                CorpusCase c = cases.get(i);
                Outcome o = outcomes.get(i).join();
                results.add(new ConvergenceRun.Result(c, o));
                console.printf("%-11s %6d ms  %s%s%n", o.status(), o.millis(), c.id(),
                        o.category().isEmpty() ? "" : "  [" + o.category() + "]");
            }
            String witness = harness.pgDump().map(d -> "pg_dump " + d.major() + " (" + d.binary()
                    + ") after every up and down").orElse("none: no pg_dump of PostgreSQL " + harness.serverMajor()
                    + " or newer on this machine, so only Strata's own re-diff judged the cases");
            run = new ConvergenceRun(LocalDate.now(), harness.serverVersion(), witness, results,
                    (System.nanoTime() - started) / 1_000_000);
        }
        printSummary(console, run);
        if (out != null) {
            write(out, ConvergenceMarkdown.render(run));
            console.println("Wrote " + out);
        }
        if (knownFailures != null) {
            write(knownFailures, ConvergenceMarkdown.knownFailures(run));
            console.println("Wrote " + knownFailures);
        }
    }

    private static DevServer server(int pgVersion) {
        String url = System.getenv("STRATA_TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            JdbcUrls.Parsed parsed = JdbcUrls.parse(url);
            return DevServer.external(parsed.jdbcUrl(), parsed.user(), parsed.password());
        }
        return DevServer.embedded(null, pgVersion);
    }

    private static void printSummary(PrintStream console, ConvergenceRun run) {
        console.println();
        console.printf("%-32s %6s %6s %12s %6s%n", "file", "cases", "pass", "unsupported", "fail");
        run.byGroup().forEach((group, counts) -> console.printf("%-32s %6d %6d %12d %6d%n", group,
                counts.values().stream().mapToInt(Integer::intValue).sum(), counts.get(Outcome.Status.PASS),
                counts.get(Outcome.Status.UNSUPPORTED), counts.get(Outcome.Status.FAIL)));
        var totals = run.totals();
        console.printf("%-32s %6d %6d %12d %6d%n", "total", run.results().size(), totals.get(Outcome.Status.PASS),
                totals.get(Outcome.Status.UNSUPPORTED), totals.get(Outcome.Status.FAIL));
        console.println("\nFailures by step:");
        run.byCategory(Outcome.Status.FAIL).forEach((k, v) -> console.printf("  %4d  %s%n", v.size(), k));
        console.println("\nUnsupported by feature:");
        run.byCategory(Outcome.Status.UNSUPPORTED).forEach((k, v) -> console.printf("  %4d  %s%n", v.size(), k));
        console.printf("%nPostgreSQL %s, %.1f s%n", run.serverVersion(), run.millis() / 1000.0);
    }

    private static void write(Path file, String text) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static String required(String option, String value) {
        if (value == null) {
            usage(option + " needs a value");
        }
        return value;
    }

    private static void usage(String problem) {
        System.err.println(problem + "\nUsage: ConvergenceReport [--only ID_PREFIX] [--out FILE] [--known-failures FILE] [--jobs N]");
        System.exit(64);
    }
}
