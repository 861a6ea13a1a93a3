package dev.strata.cli;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * ErrorHandler turns exceptions into a message on standard error and an exit code. A stack trace
 * is printed only with {@code --stacktrace}.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        boolean trace = parsed.hasMatchedOption("--stacktrace")
                || (parsed.subcommand() != null && hasStacktrace(parsed));
        if (ex instanceof StrataException se) {
            err.println("error: " + se.getMessage());
            for (String problem : se.problems()) {
                err.println(problem);
            }
        } else {
            err.println("error: unexpected " + ex.getClass().getSimpleName() + ": " + ex.getMessage());
            err.println("  This is a bug in Strata; run again with --stacktrace and report the output.");
        }
        if (trace) {
            ex.printStackTrace(err);
        }
        err.flush();
        return exitCodeOf(ex);
    }

    private static boolean hasStacktrace(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--stacktrace")) {
                return true;
            }
        }
        return false;
    }

    static int exitCodeOf(Throwable ex) {
        if (ex instanceof StrataException se) {
            return se.code().exitCode();
        }
        if (ex instanceof CommandLine.ParameterException) {
            return ErrorCode.USAGE.exitCode();
        }
        return ErrorCode.INTERNAL.exitCode();
    }

    /** Bad command lines: the message, a pointer to help, exit 64. */
    static final class Usage implements CommandLine.IParameterExceptionHandler {
        @Override
        public int handleParseException(CommandLine.ParameterException ex, String[] args) {
            CommandLine cl = ex.getCommandLine();
            PrintWriter err = cl.getErr();
            err.println("error: " + ex.getMessage());
            err.println("  Run '" + cl.getCommandSpec().qualifiedName() + " --help' for the options.");
            err.flush();
            return ErrorCode.USAGE.exitCode();
        }
    }
}
