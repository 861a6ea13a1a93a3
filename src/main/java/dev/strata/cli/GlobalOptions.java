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

    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration file (default: strata.edn in the working directory, when present).")
    Path config;

    @Option(names = "--profile", paramLabel = "NAME",
            description = "Profile of strata.edn naming the target database (default: dev).")
    String profile;

    @Option(names = "--url", paramLabel = "URL",
            description = "Target database (postgres://user:pass@host:port/db or jdbc:postgresql://...); overrides the profile.")
    String url;

    @Option(names = "--schema", paramLabel = "NAME",
            description = "Target schema (default: public, or :schema of strata.edn).")
    String schema;

    @Option(names = "--migrations-dir", paramLabel = "DIR",
            description = "Migration files (default: resources/db/migrations).")
    Path migrationsDir;

    /** The models root: the option, else {@code resources/db} under the working directory. */
    public Path modelsDir() {
        return modelsDir != null ? modelsDir : Path.of("resources", "db");
    }
}
