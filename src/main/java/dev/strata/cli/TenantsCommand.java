package dev.strata.cli;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import dev.strata.config.Target;
import dev.strata.runner.MigrationStatus;
import dev.strata.runner.Step;
import dev.strata.tenants.Fleet;
import dev.strata.tenants.FleetListener;
import dev.strata.tenants.FleetRun;
import dev.strata.tenants.FleetStatus;
import dev.strata.tenants.RunOptions;
import dev.strata.tenants.Selection;
import dev.strata.tenants.TenantOutcome;
import dev.strata.tenants.TenantStatus;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * TenantsCommand groups the commands over the tenant schemas that {@code :tenants} in strata.edn
 * finds: list, create, deploy-all, deploy, status, rollback and migrate-to. See docs/tenants.md.
 */
@Command(name = "tenants", mixinStandardHelpOptions = true,
        description = "Work on the tenant schemas (:tenants in strata.edn): list, create, deploy-all, deploy, status,"
                + " rollback, migrate-to.",
        subcommands = {TenantsCommand.ListTenants.class, TenantsCommand.Create.class, TenantsCommand.DeployAll.class,
                TenantsCommand.Deploy.class, TenantsCommand.Status.class, TenantsCommand.Rollback.class,
                TenantsCommand.MigrateTo.class, TenantsCommand.Verify.class, TenantsCommand.Backfill.class})
final class TenantsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "name a subcommand: list, create, deploy-all, deploy, status, rollback, migrate-to, verify or backfill");
    }

    /** --tenant, --tenants-like and --exclude: which of the tenants a command works on. */
    static final class Narrowing {
        @Option(names = "--tenant", paramLabel = "NAME", description = "Only this tenant (repeatable).")
        List<String> tenants = new ArrayList<>();

        @Option(names = "--tenants-like", paramLabel = "PATTERN", description = "Only tenants whose name is LIKE this ('acme\\_%').")
        String like;

        @Option(names = "--exclude", paramLabel = "NAME", description = "Leave this tenant out (repeatable).")
        List<String> exclude = new ArrayList<>();

        Selection selection(List<String> more) {
            List<String> names = new ArrayList<>(tenants);
            names.addAll(more);
            return new Selection(names, like, exclude);
        }
    }

    /** How a run over tenants goes. */
    static final class Running {
        @Option(names = "--parallel", paramLabel = "N",
                description = "Tenants migrated at once (default: from the server's free connections, at most :tenants :parallel or 16).")
        Integer parallel;

        @Option(names = "--fail-fast", description = "Start no tenant after the first failure.")
        boolean failFast;

        @Option(names = "--canary", paramLabel = "N", description = "Run N tenants first; go on only when all of them succeeded.")
        int canary;

        @Option(names = "--json", description = "Print the outcome as JSON (no progress lines).")
        boolean json;

        RunOptions options(PrintWriter out, CommandSpec spec) {
            if (parallel != null && parallel < 1) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--parallel must be at least 1, not " + parallel);
            }
            if (canary < 0) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--canary must not be negative");
            }
            FleetListener listener = json ? FleetListener.NONE : new Progress(out);
            return new RunOptions(parallel, failFast, canary, listener);
        }
    }

    /** Prints a line per tenant as it ends, and a progress bar on a terminal. */
    static final class Progress implements FleetListener {
        private final PrintWriter out;
        private me.tongfei.progressbar.ProgressBar bar;

        Progress(PrintWriter out) {
            this.out = out;
        }

        @Override
        public synchronized void starting(int total, int parallel) {
            out.println(total + (total == 1 ? " tenant" : " tenants") + " to run, " + parallel + " at once");
            out.flush();
            if (System.console() != null && total > 1 && System.getenv("NO_COLOR") == null) {
                bar = new me.tongfei.progressbar.ProgressBarBuilder().setTaskName("tenants").setInitialMax(total)
                        .setStyle(me.tongfei.progressbar.ProgressBarStyle.ASCII).showSpeed().build();
            }
        }

        @Override
        public synchronized void finished(TenantOutcome o) {
            String line = switch (o.state()) {
                case APPLIED -> "✓ " + o.tenant() + "  " + steps(o.steps()) + " (" + o.millis() + " ms)";
                case UP_TO_DATE -> "· " + o.tenant() + "  up to date";
                case FAILED -> "✗ " + o.tenant() + "  failed: " + o.error().lines().findFirst().orElse("");
                case SKIPPED -> "- " + o.tenant() + "  " + o.error();
            };
            if (bar != null) {
                bar.step();
                if (o.state() == TenantOutcome.State.FAILED) {
                    bar.setExtraMessage(o.tenant() + " failed");
                }
                if (bar.getCurrent() >= bar.getMax()) {
                    bar.close();
                    bar = null;
                }
            } else {
                out.println(line);
                out.flush();
            }
        }
    }

    static String steps(List<Step> steps) {
        if (steps.isEmpty()) {
            return "nothing to do";
        }
        long forward = steps.stream().filter(s -> s.direction() == dev.strata.migration.Direction.FORWARD).count();
        long back = steps.size() - forward;
        List<String> parts = new ArrayList<>();
        if (forward > 0) {
            parts.add(forward + " applied");
        }
        if (back > 0) {
            parts.add(back + " rolled back");
        }
        return String.join(", ", parts);
    }

    /** The fleet's databases: the target, or {@code :tenants :databases}; closing it stops an embedded target. */
    record Context(dev.strata.tenants.Fleets fleets, Target target, List<String> databases) implements AutoCloseable {
        @Override
        public void close() {
            if (target != null) {
                target.close();
            }
        }
    }

    /** The fleet of {@code :tenants :databases}, or of the target database when there is no such list. */
    static Context open(Project project) {
        dev.strata.tenants.TenantSettings settings = project.config().tenants();
        if (settings == null || settings.databases().isEmpty()) {
            Target target = project.target();
            try {
                return new Context(new dev.strata.tenants.Fleets(List.of(fleet(project, target))), target,
                        List.of(target.describe()));
            } catch (RuntimeException e) {
                target.close();
                throw e;
            }
        }
        List<Fleet> fleets = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (dev.strata.tenants.TenantSettings.Database db : settings.databases()) {
            dev.strata.runner.ConnectionSource source = dev.strata.runner.ConnectionSource.of(db.resolve(System::getenv), null, null);
            fleets.add(new Fleet(source, project.migrationsDir(), project.config().migratorOptions("public"),
                    settings.withParallel(db.parallel() != null ? db.parallel() : settings.parallel())));
            names.add(source.description());
        }
        return new Context(new dev.strata.tenants.Fleets(fleets), null, names);
    }

    /** The fleet of the project's target database; refuses a project without :tenants. */
    static Fleet fleet(Project project, Target target) {
        if (project.config().tenants() == null) {
            throw new StrataException(ErrorCode.CONFIG, "this project has no :tenants in "
                    + (project.config().file() == null ? "strata.edn (none found)" : project.config().file())
                    + ", so Strata cannot tell which schemas are tenants.\n  Fix: add e.g. :tenants {:schemas-like"
                    + " \"tenant_%\"} (or :query \"SELECT schema_name FROM app.tenants\", or :list [...]); see docs/tenants.md.");
        }
        return new Fleet(target.source(), project.migrationsDir(), project.config().migratorOptions("public"),
                project.config().tenants());
    }

    /** Prints the summary of a run over each database (or the JSON); exit 0, or 9 when a tenant failed. */
    static int report(PrintWriter out, List<FleetRun> runs, boolean json, List<String> databases) {
        if (runs.size() == 1) {
            return report(out, runs.get(0), json, databases.get(0));
        }
        if (json) {
            List<Object> docs = new ArrayList<>();
            for (int i = 0; i < runs.size(); i++) {
                docs.add(json(runs.get(i), databases.get(i)));
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("command", runs.get(0).command());
            Map<String, Object> totals = new LinkedHashMap<>();
            for (TenantOutcome.State st : TenantOutcome.State.values()) {
                totals.put(st.name().toLowerCase(Locale.ROOT), runs.stream().mapToInt(r -> r.with(st).size()).sum());
            }
            doc.put("totals", totals);
            doc.put("databases", docs);
            out.println(Json.write(doc));
            out.flush();
        }
        List<TenantOutcome> failed = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            if (!json) {
                summary(out, runs.get(i), databases.get(i));
            }
            failed.addAll(runs.get(i).with(TenantOutcome.State.FAILED));
        }
        if (!failed.isEmpty()) {
            int total = runs.stream().mapToInt(r -> r.outcomes().size()).sum();
            throw new StrataException(ErrorCode.TENANTS_FAILED, failed.size() + " of " + total + " tenants on "
                    + runs.size() + " databases failed (" + String.join(", ", failed.stream().map(TenantOutcome::tenant)
                    .limit(10).toList()) + (failed.size() > 10 ? ", ..." : "") + "); the others are as listed above.\n"
                    + "  Fix: correct what each failure says and run the command again: it goes on where each tenant stands.");
        }
        return 0;
    }

    private static void summary(PrintWriter out, FleetRun run, String database) {
        out.println(String.format(Locale.ROOT, "%s on %s: %d applied, %d up to date, %d failed, %d not started"
                        + " (%d at once, %.1f s)", run.command(), database,
                run.with(TenantOutcome.State.APPLIED).size(), run.with(TenantOutcome.State.UP_TO_DATE).size(),
                run.with(TenantOutcome.State.FAILED).size(), run.with(TenantOutcome.State.SKIPPED).size(),
                run.parallel(), run.millis() / 1000.0));
        for (TenantOutcome o : run.with(TenantOutcome.State.FAILED)) {
            out.println("✗ " + o.tenant() + ":");
            o.error().lines().forEach(l -> out.println("    " + l));
        }
        out.flush();
    }

    /** Prints a run's summary (or its JSON); exit 0, or 9 when a tenant failed. */
    static int report(PrintWriter out, FleetRun run, boolean json, String database) {
        if (json) {
            out.println(Json.write(json(run, database)));
            out.flush();
        } else {
            summary(out, run, database);
        }
        if (run.anyFailed()) {
            throw new StrataException(ErrorCode.TENANTS_FAILED, run.with(TenantOutcome.State.FAILED).size()
                    + " of " + run.outcomes().size() + " tenants failed (" + String.join(", ",
                    run.with(TenantOutcome.State.FAILED).stream().map(TenantOutcome::tenant).limit(10).toList())
                    + (run.with(TenantOutcome.State.FAILED).size() > 10 ? ", ..." : "") + "); the others are as listed above.\n"
                    + "  Fix: correct what each failure says and run the command again: it goes on where each tenant stands.");
        }
        return 0;
    }

    private static Map<String, Object> json(FleetRun run, String database) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("command", run.command());
        doc.put("database", database);
        doc.put("parallel", run.parallel());
        doc.put("millis", run.millis());
        Map<String, Object> totals = new LinkedHashMap<>();
        for (TenantOutcome.State s : TenantOutcome.State.values()) {
            totals.put(s.name().toLowerCase(Locale.ROOT), run.with(s).size());
        }
        doc.put("totals", totals);
        List<Object> tenants = new ArrayList<>();
        for (TenantOutcome o : run.outcomes()) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("tenant", o.tenant());
            t.put("database", database);
            t.put("state", o.state().name().toLowerCase(Locale.ROOT));
            List<Object> steps = new ArrayList<>();
            for (Step s : o.steps()) {
                steps.add(Map.of("migration", s.migration().id(), "direction", s.direction().label(), "millis", s.millis()));
            }
            t.put("steps", steps);
            t.put("error", o.error());
            t.put("millis", o.millis());
            tenants.add(t);
        }
        doc.put("tenants", tenants);
        return doc;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the tenant schemas.")
    static final class ListTenants implements Callable<Integer> {
        @Mixin
        GlobalOptions global;

        @Mixin
        Narrowing narrowing;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Project project = Project.of(global);
            try (Context ctx = open(project)) {
                List<List<String>> all = ctx.fleets().tenants(narrowing.selection(List.of()));
                List<Object> docs = new ArrayList<>();
                for (int i = 0; i < all.size(); i++) {
                    List<String> tenants = all.get(i);
                    String database = ctx.databases().get(i);
                    docs.add(Map.of("database", database, "tenants", tenants));
                    if (!json) {
                        tenants.forEach(out::println);
                        out.println(tenants.size() + (tenants.size() == 1 ? " tenant" : " tenants") + " on " + database);
                    }
                }
                if (json) {
                    out.println(Json.write(docs.size() == 1 ? docs.get(0) : Map.of("databases", docs)));
                }
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a tenant: its schema, history and every migration, then the :seed script, in one transaction.")
    static final class Create implements Callable<Integer> {
        @Mixin
        GlobalOptions global;

        @Parameters(index = "0", paramLabel = "NAME", description = "The new tenant's schema name.")
        String name;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Project project = Project.of(global);
            try (Context ctx = open(project)) {
                Map.Entry<String, TenantOutcome> created = ctx.fleets().create(name);
                TenantOutcome made = created.getValue();
                if (json) {
                    out.println(Json.write(Map.of("tenant", made.tenant(), "database", created.getKey(),
                            "migrations", made.steps().stream().map(s -> s.migration().id()).toList(), "millis", made.millis())));
                } else {
                    out.println("Created tenant " + made.tenant() + " on " + created.getKey() + ": " + steps(made.steps())
                            + " (" + made.millis() + " ms)");
                }
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "deploy-all", mixinStandardHelpOptions = true, description = "Apply pending migrations to every tenant.")
    static final class DeployAll implements Callable<Integer> {
        @Mixin
        GlobalOptions global;

        @Mixin
        Narrowing narrowing;

        @Mixin
        Running running;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return deploy(global, narrowing.selection(List.of()), running, spec);
        }
    }

    static int deploy(GlobalOptions global, Selection selection, Running running, CommandSpec spec) {
        PrintWriter out = spec.commandLine().getOut();
        Project project = Project.of(global);
        try (Context ctx = open(project)) {
            return report(out, ctx.fleets().deploy(selection, running.options(out, spec)), running.json, ctx.databases());
        }
    }

    @Command(name = "deploy", mixinStandardHelpOptions = true, description = "Apply pending migrations to the named tenants.")
    static final class Deploy implements Callable<Integer> {
        @Mixin
        GlobalOptions global;

        @Parameters(arity = "1..*", paramLabel = "NAME", description = "The tenants.")
        List<String> names;

        @Mixin
        Running running;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return deploy(global, new Selection(names, null, List.of()), running, spec);
        }
    }

    @Command(name = "migrate-to", mixinStandardHelpOptions = true,
            description = "Bring every tenant to migration N: roll back those above it, apply those up to it (0: none).")
    static final class MigrateTo implements Callable<Integer> {
        @Mixin
        GlobalOptions global;

        @Parameters(index = "0", paramLabel = "N", description = "The migration number to end at (0 for none).")
        int number;

        @Mixin
        Narrowing narrowing;

        @Mixin
        Running running;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if (number < 0) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "N must be 0 or a migration number, not " + number);
            }
            PrintWriter out = spec.commandLine().getOut();
            Project project = Project.of(global);
            try (Context ctx = open(project)) {
                return report(out, ctx.fleets().migrateTo(number, narrowing.selection(List.of()), running.options(out, spec)),
                        running.json, ctx.databases());
            }
        }
    }

    @Command(name = "rollback", mixinStandardHelpOptions = true,
            description = "Roll back migration VERSION on every tenant that has it (or on NAME); refused where later ones are applied.")
    static final class Rollback implements Callable<Integer> {
        @Mixin
        GlobalOptions global;

        @Parameters(index = "0", paramLabel = "VERSION", description = "The migration number to roll back.")
        int version;

        @Parameters(index = "1", arity = "0..1", paramLabel = "NAME", description = "Only this tenant.")
        String name;

        @Mixin
        Narrowing narrowing;

        @Mixin
        Running running;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if (version < 1) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "VERSION must be a migration number, not " + version);
            }
            PrintWriter out = spec.commandLine().getOut();
            Project project = Project.of(global);
            try (Context ctx = open(project)) {
                return report(out, ctx.fleets().rollback(version,
                        narrowing.selection(name == null ? List.of() : List.of(name)), running.options(out, spec)),
                        running.json, ctx.databases());
            }
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Totals by state over the tenants and those not up to date; with NAME, that tenant's migrations.")
    static final class Status implements Callable<Integer> {
        @Mixin
        GlobalOptions global;

        @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "One tenant.")
        String name;

        @Mixin
        Narrowing narrowing;

        @Option(names = "--json", description = "Print the whole matrix as JSON.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Project project = Project.of(global);
            try (Context ctx = open(project)) {
                List<FleetStatus> statuses = ctx.fleets().status(narrowing.selection(name == null ? List.of() : List.of(name)));
                if (json) {
                    List<Object> docs = statuses.stream().map(st -> (Object) json(st)).toList();
                    out.println(Json.write(docs.size() == 1 ? docs.get(0) : Map.of("databases", docs)));
                } else if (name != null) {
                    FleetStatus status = statuses.stream().filter(st -> !st.tenants().isEmpty()).findFirst().orElseThrow();
                    TenantStatus t = status.tenants().get(0);
                    out.println("Target: " + status.database() + ", tenant " + t.tenant() + ": " + t.state().label());
                    if (t.failure() != null) {
                        out.println("Last run failed:");
                        t.failure().lines().forEach(l -> out.println("    " + l));
                    }
                    for (MigrationStatus.Entry e : t.migrations().entries()) {
                        out.println((e.isApplied() ? "✓ " : "○ ") + String.format(Locale.ROOT, "%04d_%s", e.number(), e.name())
                                + (e.state() == MigrationStatus.State.CHANGED ? "  (file changed since it was applied)"
                                : e.state() == MigrationStatus.State.MISSING ? "  (applied, but its file is missing)" : ""));
                    }
                } else {
                    statuses.forEach(st -> text(out, st, st.database()));
                }
            }
            out.flush();
            return 0;
        }

        private static void text(PrintWriter out, FleetStatus status, String database) {
            out.println(status.tenants().size() + " tenants on " + database);
            status.totals().forEach((state, n) -> out.println(String.format(Locale.ROOT, "  %-18s %d", state.label(), n)));
            for (TenantStatus t : status.needingAttention()) {
                String detail = switch (t.state()) {
                    case PENDING -> t.pending() + " pending (at " + String.format(Locale.ROOT, "%04d", t.current()) + ")";
                    case FAILED -> "last run failed: " + t.failure().lines().findFirst().orElse("");
                    case CHECKSUM_MISMATCH -> "files differ from the history (run strata tenants status " + t.tenant() + ")";
                    default -> t.state().label();
                };
                out.println("  " + t.tenant() + ": " + detail);
            }
        }

        private static Map<String, Object> json(FleetStatus status) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("database", status.database());
            Map<String, Object> totals = new LinkedHashMap<>();
            status.totals().forEach((s, n) -> totals.put(s.name().toLowerCase(Locale.ROOT), n));
            doc.put("totals", totals);
            List<Object> tenants = new ArrayList<>();
            for (TenantStatus t : status.tenants()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("tenant", t.tenant());
                m.put("database", status.database());
                m.put("state", t.state().name().toLowerCase(Locale.ROOT));
                m.put("current", t.current());
                m.put("pending", t.pending());
                m.put("failure", t.failure());
                Map<String, Object> migrations = new LinkedHashMap<>();
                t.migrations().entries().forEach(e -> migrations.put(String.format(Locale.ROOT, "%04d", e.number()),
                        e.state().name().toLowerCase(Locale.ROOT)));
                m.put("migrations", migrations);
                tenants.add(m);
            }
            doc.put("tenants", tenants);
            return doc;
        }
    }

    /** The model's compiled DDL, or null (with a note) when the project has no model tree. */
    static List<String> modelDdl(Project project, PrintWriter out, boolean quiet) {
        if (!java.nio.file.Files.isDirectory(project.modelsDir())) {
            if (!quiet) {
                out.println("No model tree at " + project.modelsDir() + ": the tenants are not compared with a model.");
            }
            return null;
        }
        return dev.strata.compile.DdlCompiler.compile(project.loadModel().schema());
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Health check of every tenant: required tables, nothing pending, no changed or missing file,"
                    + " no failed run, no drift from the model. Exit 3 when a tenant is unhealthy.")
    static final class Verify implements Callable<Integer> {
        @Mixin
        GlobalOptions global;

        @Mixin
        Narrowing narrowing;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Project project = Project.of(global);
            try (Context ctx = open(project)) {
                List<FleetStatus> statuses = ctx.fleets().verify(narrowing.selection(List.of()), modelDdl(project, out, json));
                List<Object> docs = new ArrayList<>();
                int unhealthyTotal = 0;
                int total = 0;
                for (FleetStatus status : statuses) {
                    docs.add(verified(out, status, json));
                    unhealthyTotal += status.needingAttention().size();
                    total += status.tenants().size();
                }
                if (json) {
                    out.println(Json.write(docs.size() == 1 ? docs.get(0) : Map.of("databases", docs)));
                }
                out.flush();
                if (unhealthyTotal > 0) {
                    throw new StrataException(ErrorCode.DIFFERENCES, unhealthyTotal + " of " + total
                            + " tenants are not healthy (listed above).\n  Fix: strata tenants deploy-all for pending"
                            + " migrations, strata tenants backfill for missing tables, a migration for drift.");
                }
            }
            return 0;
        }

        /** Prints one database's health (unless JSON) and gives its JSON document. */
        private static Map<String, Object> verified(PrintWriter out, FleetStatus status, boolean json) {
            List<TenantStatus> unhealthy = status.needingAttention();
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("database", status.database());
                doc.put("healthy", status.tenants().size() - unhealthy.size());
                doc.put("unhealthy", unhealthy.size());
                List<Object> list = new ArrayList<>();
                for (TenantStatus t : unhealthy) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("tenant", t.tenant());
                    m.put("database", status.database());
                    m.put("state", t.state().name().toLowerCase(Locale.ROOT));
                    m.put("pending", t.pending());
                    m.put("missing_tables", t.missingTables());
                    m.put("drift", t.drift());
                    m.put("failure", t.failure());
                    list.add(m);
                }
                doc.put("tenants", list);
                return doc;
            }
            out.println((status.tenants().size() - unhealthy.size()) + " of " + status.tenants().size()
                    + " tenants healthy on " + status.database());
            for (TenantStatus t : unhealthy) {
                out.println("✗ " + t.tenant() + ":");
                for (String problem : problems(t)) {
                    out.println("    " + problem);
                }
            }
            return Map.of();
        }

        static List<String> problems(TenantStatus t) {
            List<String> out = new ArrayList<>();
            long changed = t.migrations().count(MigrationStatus.State.CHANGED);
            long missing = t.migrations().count(MigrationStatus.State.MISSING);
            if (changed > 0 || missing > 0) {
                out.add(changed + " migration file(s) changed since applied, " + missing + " applied but missing on disk");
            }
            if (t.failure() != null) {
                out.add("last run failed: " + t.failure().lines().findFirst().orElse(""));
            }
            if (t.pending() > 0) {
                out.add(t.pending() + " migration(s) pending");
            }
            if (!t.missingTables().isEmpty()) {
                out.add("lacks required tables: " + String.join(", ", t.missingTables()));
            }
            if (!t.drift().isEmpty()) {
                out.add("differs from the model: " + String.join("; ", t.drift()));
            }
            return out;
        }
    }

    @Command(name = "backfill", mixinStandardHelpOptions = true,
            description = "Create, in the tenants that lack a required table, every model object they lack (never touching"
                    + " one that exists); recorded in each tenant's history.")
    static final class Backfill implements Callable<Integer> {
        @Mixin
        GlobalOptions global;

        @Mixin
        Narrowing narrowing;

        @Mixin
        Running running;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Project project = Project.of(global);
            try (Context ctx = open(project)) {
                List<String> ddl = modelDdl(project, out, running.json);
                if (ddl == null) {
                    throw new StrataException(ErrorCode.CONFIG, "strata tenants backfill creates tables from the model, and"
                            + " there is no model tree at " + project.modelsDir() + ".\n  Fix: point --models-dir (or"
                            + " :models-dir) at the model.");
                }
                return report(out, ctx.fleets().backfill(narrowing.selection(List.of()), ddl, running.options(out, spec)),
                        running.json, ctx.databases());
            }
        }
    }
}
