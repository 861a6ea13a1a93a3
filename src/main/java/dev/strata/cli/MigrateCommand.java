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

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Project project = Project.of(global);
        try (Target target = project.target()) {
            Migrator migrator = project.migrator(target, allowOutOfOrder, backup, noVerify);
            out.println("Target: " + target.describe() + ", schema " + migrator.options().schema());
            List<Step> steps = to == null ? migrator.migrate() : migrator.migrate(to);
            report(out, migrator, steps);
        }
        return 0;
    }

    /** Prints what a run did and where the schema stands now. */
    static void report(PrintWriter out, Migrator migrator, List<Step> steps) {
        migrator.lastBackup().ifPresent(b -> {
            out.println("Backup: " + b.file() + " (pg_dump of schema " + b.schema() + " with its rows, taken before"
                    + " anything ran; recorded in the history rows of this run)");
            out.println("  To put the schema and its rows back as they were:");
            b.restoreCommands().forEach(cmd -> out.println("    " + cmd));
        });
        if (migrator.options().backupDir() != null && migrator.lastBackup().isEmpty() && steps.isEmpty()) {
            out.println("No backup: nothing to apply.");
        }
        for (Step step : steps) {
            out.println((step.direction() == Direction.FORWARD ? "Applied     " : "Rolled back ")
                    + step.migration().id() + " (" + step.millis() + " ms)");
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
