package dev.strata.cli;

import dev.strata.config.Target;
import dev.strata.runner.Migrator;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** MigrateToCommand brings the target schema to one migration number, forward or backward. */
@Command(name = "migrate-to", mixinStandardHelpOptions = true,
        description = "Bring the schema to migration N: roll back those above it (highest first), apply pending ones"
                + " up to it. 0 rolls back everything.")
final class MigrateToCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "N", description = "The migration number to end at (0 for none).")
    int number;

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
            migrator.listener(MigrateCommand.printing(out));
            MigrateCommand.report(out, migrator, migrator.migrateTo(number));
        }
        return 0;
    }
}
