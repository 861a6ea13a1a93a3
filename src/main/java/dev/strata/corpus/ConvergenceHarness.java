package dev.strata.corpus;

import dev.strata.pg.PgDump;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import dev.strata.catalog.CatalogReader;
import dev.strata.diff.Change;
import dev.strata.diff.Differ;
import dev.strata.model.Hints;
import dev.strata.model.Schema;
import dev.strata.pg.DevServer;
import dev.strata.pg.ScratchDatabase;
import dev.strata.plan.Planner;
import dev.strata.sql.ChangeRenderer;
import dev.strata.sql.Identifiers;
import dev.strata.sql.Rendered;
import dev.strata.sql.Statement;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * ConvergenceHarness runs one corpus case through Strata against a real PostgreSQL and checks
 * the invariants of the design: stability (diff(X, X) is empty), convergence (after the up the
 * live schema diffs empty against the desired one) and reversibility (after the down it diffs
 * empty against the schema before). Two fresh databases per case hold the current and the
 * desired schema, each built by the case's own script.
 */
public final class ConvergenceHarness {
    private static final int MAX_DETAIL = 1500;

    private final DevServer server;
    private final int serverMajor;
    private final String serverVersion;
    /** The independent witness: pg_dump of this server's major or newer, or {@code null} where the machine has none. */
    private final PgDump pgDump;
    /** psql, to check the {@code \d} output a corpus expects, or {@code null} where the machine has none. */
    private final PsqlDescribe psql;

    /** A harness on {@code server}; asks the server for its version once. */
    public ConvergenceHarness(DevServer server) {
        this.server = server;
        this.serverMajor = server.major();
        this.serverVersion = server.version().text();
        this.pgDump = PgDump.forServer(serverMajor).orElse(null);
        this.psql = PsqlDescribe.find().orElse(null);
    }

    /** The server's major version ({@code 17}). */
    public int serverMajor() {
        return serverMajor;
    }

    /** The pg_dump that checks every step, or empty when this machine has none new enough for the server. */
    public java.util.Optional<PgDump> pgDump() {
        return java.util.Optional.ofNullable(pgDump);
    }

    /** The server's full version string ({@code 17.6}). */
    public String serverVersion() {
        return serverVersion;
    }

    /**
     * Starts every case on {@code jobs} daemon threads; the futures are in the order of
     * {@code cases}. Cases share nothing but the server, so they may run side by side.
     */
    public List<CompletableFuture<Outcome>> start(List<CorpusCase> cases, int jobs) {
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
            Thread t = new Thread(r, "convergence-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            return cases.stream().map(c -> CompletableFuture.supplyAsync(() -> run(c), pool)).toList();
        } finally {
            pool.shutdown();
        }
    }

    /** Runs one case; never throws for a problem of the case or of Strata, which end as {@link Outcome}s. */
    public Outcome run(CorpusCase c) {
        long started = System.nanoTime();
        Outcome outcome;
        try {
            outcome = runSteps(c);
        } catch (StepFailure f) {
            outcome = f.outcome;
        } catch (RuntimeException e) {
            outcome = Outcome.fail("harness error", clip(e.toString()));
        }
        return outcome.withMillis((System.nanoTime() - started) / 1_000_000);
    }

    private Outcome runSteps(CorpusCase corpusCase) {
        CorpusCase c = FeatureScanner.withoutSharedPrivileges(corpusCase);
        if (c.preset() != null) {
            return c.preset();
        }
        String mismatch = c.versionMismatch(serverMajor);
        if (mismatch != null) {
            return Outcome.unsupported("PostgreSQL version", mismatch);
        }
        Outcome scanned = FeatureScanner.scan(c.current());
        if (scanned == null) {
            scanned = FeatureScanner.scan(c.desired());
        }
        if (scanned != null) {
            return scanned;
        }
        try (ScratchDatabase before = server.createScratch("cv_current");
             ScratchDatabase after = server.createScratch("cv_desired")) {
            Outcome built = build(before, c.current(), "current", c.targetSchema());
            if (built == null) {
                built = build(after, sqldefSchemas(c), "desired", c.targetSchema());
            }
            if (built != null) {
                return built;
            }
            Outcome unmodelled = probe(c.targetSchema(), before, after);
            if (unmodelled != null) {
                return unmodelled;
            }
            Schema current = read(before, c.targetSchema(), "read current");
            Schema desired = read(after, c.targetSchema(), "read desired");
            expectNoChange("diff(current, current)", diff(current, current, "diff(current, current)"), List.of());
            expectNoChange("diff(desired, desired)", diff(desired, desired, "diff(desired, desired)"), List.of());
            List<Change> changes;
            try {
                changes = Differ.diff(current, desired, Hints.none(), serverMajor);
            } catch (StrataException e) {
                if (e.code() != ErrorCode.REFUSED_CHANGE) {
                    throw new StepFailure(Outcome.fail("diff fails", clip(e.getMessage())));
                }
                // Refusing is the designed answer (enums are append-only); sqldef's "@renamed" comments
                // are not translated into rename hints.
                return Outcome.unsupported("change refused by design", clip(e.getMessage()));
            } catch (RuntimeException e) {
                throw new StepFailure(Outcome.fail("diff fails", clip(e.toString())));
            }
            if (c.expectsNoChange() && !changes.isEmpty()) {
                expectNoChange("changes where the corpus expects none", changes, List.of());
            }
            List<Change> planned = step("plan", () -> Planner.plan(changes, current, desired));
            Rendered migration = step("render", () -> ChangeRenderer.renderAll(planned));
            String dumpCurrent = dump(before);
            String dumpDesired = dump(after);
            apply(before, c.targetSchema(), migration.up(), "up");
            Schema afterUp = read(before, c.targetSchema(), "read after up");
            expectNoChange("up does not converge", diff(afterUp, desired, "diff after up"), migration.up());
            expectSameDump("silent divergence after up", dumpDesired, dump(before), migration.up());
            expectDescribes(before, c, migration.up());
            apply(before, c.targetSchema(), migration.down(), "down");
            Schema afterDown = read(before, c.targetSchema(), "read after down");
            List<Change> left;
            try {
                left = Differ.diff(afterDown, current, Hints.none(), serverMajor);
            } catch (StrataException e) {
                Outcome declared = declaredInexactDown(e, migration.down());
                if (declared != null) {
                    return declared;
                }
                throw new StepFailure(Outcome.fail("diff after down fails", clip(e.getMessage())));
            }
            expectNoChange("down does not revert", left, migration.down());
            expectSameDump("silent divergence after down", dumpCurrent, dump(before), migration.down());
            return Outcome.pass(migration.up().size(), migration.down().size());
        }
    }

    /**
     * A down that PostgreSQL cannot make exact, and that says so itself: the migration's down
     * carries a comment line naming what stays different (e.g. a child column that stays the
     * child's own after its parent gets the column back), and the re-diff refuses the difference
     * by design. That is reported, not silent, so the case is unsupported, not a failure; any other
     * refusal after the down is a failure.
     */
    private static Outcome declaredInexactDown(StrataException e, List<Statement> down) {
        if (e.code() != ErrorCode.REFUSED_CHANGE) {
            return null;
        }
        List<String> declared = down.stream().map(Statement::sql).filter(sql -> sql.startsWith("-- ")).toList();
        if (declared.isEmpty()) {
            return null;
        }
        return Outcome.unsupported("down not exact in PostgreSQL (declared)", clip(String.join("; ", declared)));
    }

    /** pg_dump's schema of a database, or {@code null} without a pg_dump. */
    private String dump(ScratchDatabase db) {
        if (pgDump == null) {
            return null;
        }
        try {
            return pgDump.schemaOnly(db);
        } catch (java.io.IOException e) {
            throw new StepFailure(Outcome.fail("pg_dump", clip(e.getMessage())));
        }
    }

    /**
     * The witness: after Strata's own re-diff found nothing, pg_dump must find nothing either. A
     * difference here is one that the catalog reader and the differ both missed.
     */
    private static void expectSameDump(String step, String expected, String actual, List<Statement> ran) {
        if (expected == null || actual == null) {
            return;
        }
        List<DumpComparison.Difference> differences = DumpComparison.compare(expected, actual);
        if (!differences.isEmpty()) {
            throw new StepFailure(Outcome.fail(step, clip(differences.size() + " object(s) differ in pg_dump; first: "
                    + differences.get(0).describe() + "\nran: " + ran.stream().map(Statement::sql).collect(Collectors.joining("; ")))));
        }
    }

    /**
     * The corpus's own expectation of the result: psql's description of its tables after the up
     * (Atlas's {@code cmpshow}), compared line by line without leading and trailing blanks.
     */
    private void expectDescribes(ScratchDatabase db, CorpusCase c, List<Statement> ran) {
        if (psql == null || c.describes().isEmpty()) {
            return;
        }
        for (CorpusCase.Describe d : c.describes()) {
            String actual;
            try {
                actual = psql.describe(db, c.targetSchema(), d.tables());
            } catch (java.io.IOException e) {
                throw new StepFailure(Outcome.fail("psql \\d", clip(e.getMessage())));
            }
            List<String> want = PsqlDescribe.normalized(d.expected());
            List<String> got = PsqlDescribe.normalized(actual);
            if (!want.equals(got)) {
                throw new StepFailure(Outcome.fail("psql \\d differs after up", clip("\\d " + String.join(" ", d.tables())
                        + "\nexpected:\n" + String.join("\n", want) + "\ngot:\n" + String.join("\n", got)
                        + "\nran: " + ran.stream().map(Statement::sql).collect(Collectors.joining("; ")))));
            }
        }
    }

    /** Builds one side with the case's own script; a refusal means the case needs what this server lacks. */
    private Outcome build(ScratchDatabase db, String script, String which, String schema) {
        try (Connection c = db.connect(); java.sql.Statement s = c.createStatement()) {
            if (!schema.equals("public")) {
                s.execute("CREATE SCHEMA " + Identifiers.quote(schema));
            }
            s.execute("SET search_path TO " + Identifiers.quote(schema));
            if (!script.isBlank()) {
                runScript(s, withoutOwnership(PLPGSQL_LANGUAGE.matcher(
                        PLPGSQL.matcher(script).replaceAll("CREATE EXTENSION IF NOT EXISTS plpgsql")).replaceAll("SELECT 1")));
            }
            return null;
        } catch (SQLException e) {
            return FeatureScanner.scriptRefused(which, e, serverMajor);
        }
    }

    private static final Pattern CREATE_SCHEMA =
            Pattern.compile("(?i)\\bCREATE\\s+SCHEMA\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(\"(?:[^\"]|\"\")+\"|[A-Za-z_][\\w$]*)");

    /**
     * sqldef's {@code desired} scripts leave out the {@code CREATE SCHEMA} of their {@code current}
     * ones, as psqldef neither creates nor drops schemas and its test runner keeps them: the desired
     * side gets those schemas too (only for sqldef's cases), so the case tests the objects in them.
     */
    static String sqldefSchemas(CorpusCase c) {
        if (c.source() != CorpusCase.Source.SQLDEF) {
            return c.desired();
        }
        StringBuilder prefix = new StringBuilder();
        Matcher wanted = CREATE_SCHEMA.matcher(c.desired());
        java.util.Set<String> present = new java.util.HashSet<>();
        while (wanted.find()) {
            present.add(wanted.group(1).toLowerCase(java.util.Locale.ROOT));
        }
        Matcher m = CREATE_SCHEMA.matcher(c.current());
        while (m.find()) {
            if (present.add(m.group(1).toLowerCase(java.util.Locale.ROOT))) {
                prefix.append("CREATE SCHEMA IF NOT EXISTS ").append(m.group(1)).append(";\n");
            }
        }
        return prefix.isEmpty() ? c.desired() : prefix + c.desired();
    }

    /** Dumps create plpgsql, which every database already has; the case is about what follows. */
    private static final Pattern PLPGSQL = Pattern.compile("(?i)CREATE\\s+EXTENSION\\s+plpgsql\\b");
    /** Old dumps create the language itself, which is an extension every database has since 9.1. */
    private static final Pattern PLPGSQL_LANGUAGE =
            Pattern.compile("(?i)CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:TRUSTED\\s+)?(?:PROCEDURAL\\s+)?LANGUAGE\\s+\"?plpgsql\"?(?=\\s*;)");
    private static final Pattern OWNER_TO_ANYWHERE = Pattern.compile("(?i)\\sOWNER\\s+TO\\s");
    private static final Pattern OWNER_TO = Pattern.compile("(?is)^ALTER\\s+.*\\sOWNER\\s+TO\\s+.*$");

    /**
     * The script without its {@code ALTER ... OWNER TO role} statements. Ownership is out of Strata's
     * scope (pg_dump runs with --no-owner), and dumps name roles this server does not have; without
     * those lines the rest of the case is still tested instead of the case being unsupported.
     */
    static String withoutOwnership(String script) {
        if (!OWNER_TO_ANYWHERE.matcher(script).find()) {
            return script;
        }
        List<String> kept = SqlText.statements(script, false).stream()
                .filter(st -> !OWNER_TO.matcher(st.strip()).matches()).toList();
        return kept.isEmpty() ? "" : String.join(";\n", kept) + ";";
    }

    /**
     * Runs a whole script in one round trip. The driver runs its statements in one implicit
     * transaction, so on failure nothing is left behind, and the statements then run one by one,
     * in passes: a statement that fails waits for the next pass while others succeed. That builds
     * what CREATE INDEX CONCURRENTLY (refused in a transaction block) or an out-of-order script
     * (sqldef's runner reorders statements: a foreign key before its table, a table before its
     * schema) describe. The first error of the last pass is thrown when a pass makes no progress.
     */
    static void runScript(java.sql.Statement s, String script) throws SQLException {
        try {
            s.execute(script);
            return;
        } catch (SQLException whole) {
            if (!s.getConnection().getAutoCommit()) {
                throw whole;
            }
        }
        List<String> pending = SqlText.statements(script, false);
        while (true) {
            List<String> failed = new ArrayList<>();
            SQLException first = null;
            for (String statement : pending) {
                try {
                    s.execute(statement);
                } catch (SQLException e) {
                    failed.add(statement);
                    first = first == null ? e : first;
                }
            }
            if (failed.isEmpty()) {
                return;
            }
            if (failed.size() == pending.size()) {
                throw first;
            }
            pending = failed;
        }
    }

    private Outcome probe(String schema, ScratchDatabase before, ScratchDatabase after) {
        Map<String, List<String>> found = new TreeMap<>();
        for (ScratchDatabase db : List.of(before, after)) {
            try (Connection c = db.connect()) {
                CatalogProbe.unmodelled(c, schema).forEach((feature, objects) ->
                        found.computeIfAbsent(feature, k -> new ArrayList<>()).addAll(objects));
            } catch (SQLException e) {
                throw new StepFailure(Outcome.fail("probe", e.getMessage()));
            }
        }
        if (found.isEmpty()) {
            return null;
        }
        String detail = found.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue().stream().distinct().collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
        return Outcome.unsupported(found.keySet().iterator().next(), detail);
    }

    private static Schema read(ScratchDatabase db, String schema, String step) {
        return step(step, () -> {
            try (Connection c = db.connect()) {
                // Every user schema of the case's database: objects outside the target come back
                // qualified, so cases that use several schemas are tested too.
                return CatalogReader.inspect(c, schema, CatalogReader.userSchemas(c)).schema();
            }
        });
    }

    private List<Change> diff(Schema from, Schema to, String step) {
        return step(step, () -> Differ.diff(from, to, Hints.none(), serverMajor));
    }

    /**
     * Applies statements the way the runner does: runs of transactional statements each in one
     * transaction, the others on their own outside any.
     */
    private static void apply(ScratchDatabase db, String schema, List<Statement> statements, String step) {
        try (Connection c = db.connect(); java.sql.Statement s = c.createStatement()) {
            s.execute("SET search_path TO " + Identifiers.quote(schema));
            for (int i = 0; i < statements.size(); i++) {
                Statement statement = statements.get(i);
                if (c.getAutoCommit() == statement.transactional()) {
                    if (!c.getAutoCommit()) {
                        c.commit();
                    }
                    c.setAutoCommit(!statement.transactional());
                }
                try {
                    s.execute(statement.sql());
                } catch (SQLException e) {
                    throw new StepFailure(Outcome.fail(step + " fails", clip("statement " + (i + 1) + " of "
                            + statements.size() + ": " + e.getMessage() + "\n  "
                            + FeatureScanner.abbreviate(statement.sql(), 600))));
                }
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (SQLException e) {
            throw new StepFailure(Outcome.fail(step + " fails", clip(e.getMessage())));
        }
    }

    private static void expectNoChange(String failure, List<Change> remaining, List<Statement> applied) {
        if (remaining.isEmpty()) {
            return;
        }
        String changes = remaining.stream().map(Object::toString).collect(Collectors.joining("\n  "));
        String sql = applied.isEmpty() ? "" : "\n  after applying:\n    "
                + applied.stream().map(Statement::sql).collect(Collectors.joining(";\n    "));
        throw new StepFailure(Outcome.fail(failure, clip(remaining.size() + " change(s) remain:\n  " + changes + sql)));
    }

    private static String clip(String s) {
        return FeatureScanner.abbreviate(s, MAX_DETAIL);
    }

    private static <T> T step(String name, Step<T> body) {
        try {
            return body.run();
        } catch (StepFailure f) {
            throw f;
        } catch (Exception e) {
            String message = e.getMessage() == null ? e.toString() : e.getClass().getSimpleName() + ": " + e.getMessage();
            throw new StepFailure(Outcome.fail(name + " fails", clip(message)));
        }
    }

    /** One step of a case, allowed to throw anything: the harness turns it into a failure of that step. */
    @FunctionalInterface
    private interface Step<T> {
        T run() throws Exception;
    }

    /** Ends a case early with its outcome. */
    private static final class StepFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Outcome outcome;

        StepFailure(Outcome outcome) {
            super(outcome.summary(), null, false, false);
            this.outcome = outcome;
        }
    }
}
