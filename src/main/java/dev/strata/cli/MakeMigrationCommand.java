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

/**
 * MakeMigrationCommand writes the next migration: generated from the difference between the model
 * and the migration files (as make-all-migrations, without the processed model), or with
 * {@code --sql} an empty hand-written one.
 */
@Command(name = "make-migration", mixinStandardHelpOptions = true,
        description = "Write the next migration from the model (like make-all-migrations, without the processed model),"
                + " or with --sql an empty NNNN_name.sql with FORWARD and BACKWARD sections.")
final class MakeMigrationCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Option(names = "--sql", description = "Write an empty hand-written SQL migration (needs --name).")
    boolean sql;

    @Option(names = "--name", paramLabel = "NAME",
            description = "What the migration does (becomes snake_case); default: derived from its first change.")
    String name;

    @Option(names = "--dev-url", paramLabel = "URL",
            description = "Server for the scratch databases; default: a throw-away embedded PostgreSQL.")
    String devUrl;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!sql) {
            return MigrationGeneration.run(out, Project.of(global), name, devUrl, null);
        }
        if (name == null) {
            throw new StrataException(ErrorCode.USAGE, "make-migration --sql needs a name.\n"
                    + "  Fix: run make-migration --sql --name add_billing_email (what the migration does).");
        }
        Path file = MigrationWriter.writeSqlTemplate(Project.of(global).migrationsDir(), name);
        out.println("Created " + file);
        out.flush();
        return 0;
    }
}
