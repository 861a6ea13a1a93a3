package dev.strata.cli;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import dev.strata.config.ShadowServers;
import dev.strata.load.LoadedModel;
import dev.strata.load.ProcessedModelWriter;
import dev.strata.migration.Migration;
import dev.strata.migration.MigrationFiles;
import dev.strata.pg.DevServer;
import dev.strata.workflow.MigrationDraft;
import dev.strata.workflow.MigrationMaker;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * MigrationGeneration is what make-all-migrations and make-migration share: load the model, plan
 * the next migration(s) on the dev server, and only when all of that succeeded write the files
 * (and, for make-all-migrations, the processed model).
 */
final class MigrationGeneration {
    static final String NO_CHANGES = "No changes: the migrations already match the model.";

    private MigrationGeneration() {
    }

    /**
     * @param processedModel where to write the processed model, or {@code null} to leave it alone
     */
    static int run(PrintWriter out, Project project, String name, String devUrl, Path processedModel) {
        if (name != null) {
            MigrationFiles.snakeName(name);
        }
        LoadedModel model = project.loadModel();
        Path dir = project.migrationsDir();
        List<Migration> existing = Files.isDirectory(dir) ? MigrationFiles.readAll(dir) : List.of();
        MigrationMaker.Result result;
        ShadowServers.Choice choice = project.offlineShadow();
        try (DevServer dev = DevServers.open(project.devUrl(devUrl), choice)) {
            printIf(out, ShadowServers.describe(dev, choice));
            result = MigrationMaker.plan(model, existing, dev, name);
        }
        if (result.isEmpty()) {
            out.println(NO_CHANGES);
            if (processedModel != null && !current(model, processedModel)) {
                ProcessedModelWriter.write(model, processedModel);
                out.println("Updated " + processedModel + " (the model changed, but not its schema).");
            }
            out.flush();
            return 0;
        }
        List<Path> files = MigrationMaker.write(dir, result.drafts());
        for (int i = 0; i < files.size(); i++) {
            MigrationDraft d = result.drafts().get(i);
            int n = d.changes().size();
            out.println("Created " + files.get(i) + " (" + n + (n == 1 ? " change" : " changes")
                    + (d.transactional() ? "" : ", outside a transaction") + ")");
        }
        if (processedModel != null) {
            ProcessedModelWriter.write(model, processedModel);
            out.println("Wrote " + processedModel);
        }
        out.println("Next: strata explain " + number(files.get(0)) + " --format human, then strata migrate.");
        out.flush();
        return 0;
    }

    private static void printIf(PrintWriter out, String line) {
        if (line != null) {
            out.println(line);
        }
    }

    /** Whether the processed model on disk already holds what this model renders to. */
    private static boolean current(LoadedModel model, Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8).equals(ProcessedModelWriter.render(model));
        } catch (IOException e) {
            throw new StrataException(ErrorCode.CONFIG, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static int number(Path file) {
        return Integer.parseInt(file.getFileName().toString().substring(0, 4));
    }
}
