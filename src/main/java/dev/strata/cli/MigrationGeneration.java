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
        Path projectDir = project.config().projectDir();
        String memo = project.devUrl(devUrl) == null ? NoChangesMemo.key(model, existing, choice.major()) : null;
        if (memo != null && NoChangesMemo.holds(projectDir, memo)) {
            out.println(NO_CHANGES.substring(0, NO_CHANGES.length() - 1) + " (the model, the migration files and Strata"
                    + " are as on the last run, which compared them on PostgreSQL " + choice.major() + ").");
            writeProcessedIfChanged(out, model, processedModel);
            out.flush();
            return 0;
        }
        try (DevServer dev = DevServers.open(project, project.devUrl(devUrl), choice)) {
            printIf(out, ShadowServers.describe(dev, choice));
            result = MigrationMaker.plan(model, existing, dev, name, project.config().safety().safe());
        }
        if (memo != null) {
            if (result.isEmpty()) {
                NoChangesMemo.record(projectDir, memo);
            } else {
                NoChangesMemo.forget(projectDir);
            }
        }
        if (result.isEmpty()) {
            out.println(NO_CHANGES);
            writeProcessedIfChanged(out, model, processedModel);
            out.flush();
            return 0;
        }
        List<List<dev.strata.safety.Finding>> findings = safety(out, project, model, result);
        List<List<java.util.Map<us.bpsm.edn.Keyword, Object>>> accepted = findings.stream()
                .map(fs -> fs.stream().filter(dev.strata.safety.Finding::accepted).map(MigrationGeneration::record).toList())
                .toList();
        List<Path> files = MigrationMaker.write(dir, result.drafts(), accepted);
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

    private static void writeProcessedIfChanged(PrintWriter out, LoadedModel model, Path processedModel) {
        if (processedModel != null && !current(model, processedModel)) {
            ProcessedModelWriter.write(model, processedModel);
            out.println("Updated " + processedModel + " (the model changed, but not its schema).");
        }
    }

    /**
     * The safety stage: every draft's findings, with the target's numbers when a target is
     * configured and reachable; printed, and refused (exit 4, nothing written) when an error is not
     * accepted by the model.
     */
    static List<List<dev.strata.safety.Finding>> safety(PrintWriter out, Project project, LoadedModel model,
                                                        MigrationMaker.Result result) {
        java.sql.Connection connection = null;
        dev.strata.config.Target target = null;
        String why = null;
        try {
            target = project.configuredTarget();
            if (target != null) {
                connection = target.source().open();
            } else {
                why = "no target database configured (the embedded :dev database is not started for this)";
            }
        } catch (java.sql.SQLException | StrataException e) {
            why = "the target database was not reached: " + e.getMessage().lines().findFirst().orElse("");
        }
        try {
            List<List<dev.strata.safety.Finding>> perDraft = new java.util.ArrayList<>();
            for (MigrationDraft d : result.drafts()) {
                // What the safe form already avoids is not reported (a SET NOT NULL that would fail on NULLs still is).
                java.util.Set<String> avoided = dev.strata.workflow.SafeRewrites.avoidedFindings(d.changes());
                perDraft.add(dev.strata.safety.SafetyAnalyzer.analyze(
                        d.changes().stream().map(dev.strata.workflow.PlannedChange::change).toList(),
                        java.util.Optional.ofNullable(connection), project.schema(), project.config().safety(),
                        model.hints().acceptedLosses()).stream()
                        .filter(f -> f.severity() == dev.strata.safety.Severity.ERROR
                                || !avoided.contains(f.rule().id() + " " + f.object()))
                        .toList());
            }
            List<dev.strata.safety.Finding> all = perDraft.stream().flatMap(List::stream).toList();
            if (!all.isEmpty()) {
                out.println("Safety: " + all.size() + (all.size() == 1 ? " finding" : " findings")
                        + (why == null ? "" : " (" + why + ")") + ":");
                all.forEach(f -> out.println("  " + f.describe().replace("\n", "\n  ")));
                out.flush();
            }
            List<dev.strata.safety.Finding> refused = dev.strata.safety.SafetyAnalyzer.refusals(all);
            if (!refused.isEmpty()) {
                StringBuilder msg = new StringBuilder("refusing to write the migration: "
                        + (refused.size() == 1 ? "this change" : "these " + refused.size() + " changes")
                        + " would lose data or fail:\n");
                refused.forEach(f -> msg.append("  - ").append(f.describe().replace("\n", "\n    ")).append('\n'));
                msg.append("  No file was written. Two ways out:\n")
                        .append("  1. Accept the loss in the model, where it is reviewed with the change:")
                        .append(" a table's entry {:drop true} in models.edn accepts dropping it; :accept-data-loss [:column ...]")
                        .append(" in a table's options accepts dropping or narrowing those columns. The file then records the acceptance.\n")
                        .append("  2. Write the migration by hand (strata make-migration --sql --name ...), e.g. to copy the data first.");
                throw new StrataException(ErrorCode.REFUSED_CHANGE, msg.toString());
            }
            return perDraft;
        } finally {
            try {
                if (connection != null) {
                    connection.close();
                }
            } catch (java.sql.SQLException ignored) {
                // closing a connection we only read from
            }
            if (target != null) {
                target.close();
            }
        }
    }

    private static java.util.Map<us.bpsm.edn.Keyword, Object> record(dev.strata.safety.Finding f) {
        java.util.Map<us.bpsm.edn.Keyword, Object> m = new java.util.LinkedHashMap<>();
        m.put(us.bpsm.edn.Keyword.newKeyword("rule"), us.bpsm.edn.Keyword.newKeyword(f.rule().id()));
        m.put(us.bpsm.edn.Keyword.newKeyword("object"), f.object());
        if (f.numbers() != null) {
            m.put(us.bpsm.edn.Keyword.newKeyword("numbers"), f.numbers());
        }
        return m;
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
