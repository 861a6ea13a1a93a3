package dev.strata.cli;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import dev.strata.migration.MigrationWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** MakeMigrationCommand creates a new, empty hand-written migration under the next number. */
@Command(name = "make-migration", mixinStandardHelpOptions = true,
        description = "Create the next migration file: with --sql an empty NNNN_name.sql with FORWARD and BACKWARD sections.")
final class MakeMigrationCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Option(names = "--sql", description = "Write an empty hand-written SQL migration.")
    boolean sql;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "What the migration does (becomes snake_case).")
    String name;

    @Override
    public Integer call() {
        if (!sql) {
            throw new StrataException(ErrorCode.USAGE, "make-migration needs --sql for now: generating a migration from"
                    + " the model is not available yet.\n  Fix: run make-migration --sql --name " + name
                    + " and write the statements by hand.");
        }
        PrintWriter out = spec.commandLine().getOut();
        Path file = MigrationWriter.writeSqlTemplate(Project.of(global).migrationsDir(), name);
        out.println("Created " + file);
        out.flush();
        return 0;
    }
}
