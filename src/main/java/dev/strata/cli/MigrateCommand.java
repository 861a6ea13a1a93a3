package dev.strata.cli;

import dev.strata.config.Target;
import dev.strata.migration.Direction;
import dev.strata.runner.MigrationStatus;
import dev.strata.runner.Migrator;
import dev.strata.runner.Step;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** MigrateCommand applies the pending migrations to the target database. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Apply pending migrations, in number order, to the target database.")
final class MigrateCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Option(names = "--to", paramLabel = "N", description = "Apply only the pending migrations up to number N.")
    Integer to;

    @Option(names = "--allow-out-of-order",
            description = "Apply a pending migration even when a higher-numbered one is already applied.")
    boolean allowOutOfOrder;

    @picocli.CommandLine.ArgGroup(exclusive = true)
    BackupOptions backup;

    @Option(names = "--no-verify", description = "Skip the verification of each migration against snapshots of the"
            + " schema taken before and after it (row counts, constraints, indexes).")
    boolean noVerify;

    @Option(names = "--allow-unsafe", description = "Apply hand-written migrations even when the safety rules find"
            + " an error that the file does not accept (the findings are still printed).")
    boolean allowUnsafe;

    @Option(names = "--no-lint", description = "Do not check pending hand-written migrations against the safety rules"
            + " before applying them (no scratch database is made).")
    boolean noLint;

    @Option(names = "--dev-url", paramLabel = "URL", description = "PostgreSQL server for the scratch database that"
            + " pending hand-written migrations are checked on (default: :dev-url, or the embedded server).")
    String devUrl;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Project project = Project.of(global);
        try (Target target = project.target()) {
            Migrator migrator = project.migrator(target, allowOutOfOrder, backup, noVerify);
            out.println("Target: " + target.describe() + ", schema " + migrator.options().schema());
            if (!noLint) {
                lintPending(out, project, devUrl, migrator, to, allowUnsafe);
            }
            printAccepted(out, migrator, to);
            migrator.listener(printing(out));
            List<Step> steps = to == null ? migrator.migrate() : migrator.migrate(to);
            report(out, migrator, steps);
        }
        return 0;
    }

    /**
     * The safety rules on the pending hand-written migrations (.sql files, action vectors, .edn maps
     * without :actions; a generated file was checked when make-all-migrations wrote it), by their effect on a scratch
     * database: findings printed, and an error the file does not accept refused (exit 4) before
     * anything runs, unless {@code allowUnsafe}.
     */
    static void lintPending(PrintWriter out, Project project, String devUrl, Migrator migrator, Integer to,
                            boolean allowUnsafe) {
        java.util.Set<Integer> handWritten = new java.util.TreeSet<>();
        for (MigrationStatus.Entry e : migrator.status().entries()) {
            if (e.state() == MigrationStatus.State.PENDING && (to == null || e.number() <= to)
                    && (e.migration().kind() != dev.strata.migration.MigrationKind.EDN
                        || e.migration().actions().isEmpty())) {
                handWritten.add(e.number());
            }
        }
        if (handWritten.isEmpty()) {
            return;
        }
        List<dev.strata.migration.Migration> files = dev.strata.migration.MigrationFiles.readAll(project.migrationsDir());
        List<dev.strata.workflow.MigrationLint.Result> results;
        dev.strata.config.ShadowServers.Choice choice = project.offlineShadow();
        try (dev.strata.pg.DevServer server = DevServers.open(project, project.devUrl(devUrl), choice)) {
            results = dev.strata.workflow.MigrationLint.lint(files, handWritten, server, project.config().safety());
        } catch (dev.strata.StrataException e) {
            if (e.code() != dev.strata.ErrorCode.MIGRATION_FILES) {
                throw e;
            }
            // The files do not replay on an empty database (a baseline, a migration that needs data or an
            // extension): the check cannot judge them; migrate goes on and reports what the target says.
            out.println("Safety: the pending hand-written migrations were not checked: "
                    + e.getMessage().lines().findFirst().orElse("") + " (strata lint shows the whole error).");
            out.flush();
            return;
        }
        List<dev.strata.workflow.MigrationLint.Result> withFindings =
                results.stream().filter(r -> !r.findings().isEmpty()).toList();
        if (withFindings.isEmpty()) {
            return;
        }
        out.println("Safety (pending hand-written migrations, checked on a scratch database):");
        LintCommand.print(out, withFindings);
        out.flush();
        List<String> refused = new java.util.ArrayList<>();
        withFindings.forEach(r -> r.refusals().forEach(f -> refused.add(r.migration().id() + ": " + f.rule().id()
                + " " + f.object())));
        if (!refused.isEmpty() && !allowUnsafe) {
            throw new dev.strata.StrataException(dev.strata.ErrorCode.REFUSED_CHANGE, "refusing to migrate: "
                    + refused.size() + (refused.size() == 1 ? " error-level finding is" : " error-level findings are")
                    + " not accepted by its migration file:\n  - " + String.join("\n  - ", refused)
                    + "\n  Nothing was applied. Either:\n"
                    + "  1. accept each in its file, after review: a line '-- :accepted [{:rule :drop-column :object"
                    + " \"column t.c\"}]' in a .sql file's header (:accepted [...] in an .edn file), or\n"
                    + "  2. run strata migrate --allow-unsafe, or change the migration.");
        }
    }

    /** The losses the pending files accept ({@code :accepted}), so that they are seen before they happen. */
    static void printAccepted(PrintWriter out, Migrator migrator, Integer to) {
        for (MigrationStatus.Entry e : migrator.status().entries()) {
            if (e.state() == MigrationStatus.State.PENDING && (to == null || e.number() <= to)
                    && !e.migration().safety().accepted().isEmpty()) {
                out.println("Accepted by " + e.migration().id() + ": "
                        + String.join("; ", new java.util.TreeSet<>(e.migration().safety().accepted())));
            }
        }
        out.flush();
    }

    /** Prints what a run did and where the schema stands now. */
    /**
     * Prints the backup and each migration the moment it commits, so a failure later in the run
     * does not hide what was already committed.
     */
    static dev.strata.runner.MigrationListener printing(PrintWriter out) {
        return new dev.strata.runner.MigrationListener() {
            @Override
            public void backupTaken(dev.strata.runner.Backup b) {
                out.println("Backup: " + b.file() + " (pg_dump of schema " + b.schema() + " with its rows, taken before"
                        + " anything ran; recorded in the history rows of this run)");
                out.println("  To put the schema and its rows back as they were:");
                b.restoreCommands().forEach(cmd -> out.println("    " + cmd));
                out.flush();
            }

            @Override
            public void committed(Step step) {
                out.println((step.direction() == Direction.FORWARD ? "Applied     " : "Rolled back ")
                        + step.migration().id() + " (" + step.millis() + " ms)");
                out.flush();
            }
        };
    }

    /** The run's summary; the backup and the steps were printed as they happened ({@link #printing}). */
    static void report(PrintWriter out, Migrator migrator, List<Step> steps) {
        if (migrator.options().backupDir() != null && migrator.lastBackup().isEmpty() && steps.isEmpty()) {
            out.println("No backup: nothing to apply.");
        }
        MigrationStatus status = migrator.status();
        String at = status.entries().stream().filter(MigrationStatus.Entry::isApplied)
                .reduce((a, b) -> b)
                .map(e -> "is at " + e.migration().id())
                .orElse("has no migrations applied");
        out.println((steps.isEmpty() ? "Nothing to do. " : "") + "Schema " + status.schema() + " " + at + ": "
                + status.appliedCount() + " applied, " + status.pendingCount() + " pending.");
        out.flush();
    }
}
