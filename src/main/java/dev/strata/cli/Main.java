package dev.strata.cli;

import dev.strata.ErrorCode;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Main is the {@code strata} command line: one class per command, this one only wires them and
 * maps exceptions to exit codes (see README.md, "Exit codes").
 */
@Command(
        name = "strata",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Declarative PostgreSQL schema models in layered EDN, diffed into numbered migrations.",
        subcommands = {
                CommandLine.HelpCommand.class,
                MergeModelsCommand.class,
                PrintDdlCommand.class,
                MigrateCommand.class,
                MigrateToCommand.class,
                StatusCommand.class,
                ExplainCommand.class,
                MakeMigrationCommand.class,
                InspectCommand.class,
                BaselineCommand.class,
                MakeAllMigrationsCommand.class,
                DiffCommand.class,
                LintCommand.class,
                TenantsCommand.class,
        })
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns the exit code (tests call this instead of {@link #main}). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The configured picocli command line, for tests that capture its output. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setParameterExceptionHandler(new ErrorHandler.Usage());
        cl.setExitCodeExceptionMapper(ErrorHandler::exitCodeOf);
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static int usageExit() {
        return ErrorCode.USAGE.exitCode();
    }
}
