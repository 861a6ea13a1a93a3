package dev.strata.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * GlobalOptions are the options every command accepts (a picocli mixin). Paths are relative to
 * the working directory.
 */
public final class GlobalOptions {
    @Option(names = "--models-dir", paramLabel = "DIR",
            description = "Root of the model tree (default: resources/db).")
    Path modelsDir;

    @Option(names = "--stacktrace", description = "Print the stack trace of an error.")
    boolean stacktrace;

    /** The models root: the option, else {@code resources/db} under the working directory. */
    public Path modelsDir() {
        return modelsDir != null ? modelsDir : Path.of("resources", "db");
    }
}
