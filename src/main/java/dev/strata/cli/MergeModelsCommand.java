package dev.strata.cli;

import dev.strata.load.LoadedModel;
import dev.strata.load.ModelLoader;
import dev.strata.load.ProcessedModelWriter;
import dev.strata.model.Schema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * MergeModelsCommand is {@code strata merge-models}: it loads and validates the model tree and
 * writes the merged, stripped model to {@code db/models_processed.edn}. An invalid model writes
 * nothing and exits 2.
 */
@Command(name = "merge-models", mixinStandardHelpOptions = true,
        description = "Merge the model layers, strip application metadata, validate, and write the processed model.")
public final class MergeModelsCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Where to write the processed model (default: db/models_processed.edn).")
    Path out = Path.of("db", "models_processed.edn");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        LoadedModel model = ModelLoader.load(global.modelsDir());
        ProcessedModelWriter.write(model, out);
        spec.commandLine().getOut().println("Merged " + summary(model.schema()) + " from "
                + count(model.layers().size(), "layer") + " into " + out);
        spec.commandLine().getOut().flush();
        return 0;
    }

    static String summary(Schema s) {
        List<String> parts = new ArrayList<>();
        parts.add(count(s.tables().size(), "table"));
        parts.add(count(s.enums().size(), "enum"));
        parts.add(count(s.extensions().size(), "extension"));
        parts.add(count(s.functions().size(), "function"));
        parts.add(count(s.views().size(), "view"));
        parts.add(count(s.triggers().size(), "trigger"));
        parts.add(s.policies().size() == 1 ? "1 policy" : s.policies().size() + " policies");
        return String.join(", ", parts);
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
