package dev.strata.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * MakeAllMigrationsCommand is the everyday command: merge the model layers into the processed
 * model, diff the model against the migration files, and write the next migration(s). Nothing is
 * written unless the whole plan succeeded; see docs/workflow.md.
 */
@Command(name = "make-all-migrations", mixinStandardHelpOptions = true,
        description = "Write the processed model and the next migration(s) that bring the migration files in line with the model.")
final class MakeAllMigrationsCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Option(names = "--name", paramLabel = "NAME",
            description = "The migration's name (snake_case); default: derived from its first change.")
    String name;

    @Option(names = "--dev-url", paramLabel = "URL",
            description = "Server for the scratch databases; default: a throw-away embedded PostgreSQL.")
    String devUrl;

    @Option(names = "--processed-model", paramLabel = "FILE",
            description = "Where to write the processed model (default: :processed-model of strata.edn, else db/models_processed.edn).")
    Path processedModel;

    @Override
    public Integer call() {
        Project project = Project.of(global);
        Path processed = processedModel != null ? processedModel : project.config().processedModel();
        return MigrationGeneration.run(spec.commandLine().getOut(), project, name, devUrl, processed);
    }
}
