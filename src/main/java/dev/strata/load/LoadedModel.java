package dev.strata.load;

import dev.strata.edn.EdnMap;
import dev.strata.model.Hints;
import dev.strata.model.Schema;
import java.util.List;
import java.util.Objects;

/**
 * LoadedModel represents a loaded, validated model tree.
 *
 * @param schema    the schema it describes
 * @param hints     its rename and conversion hints ({@code :renamed-from}, {@code :using})
 * @param processed the merged, stripped, normalised data: a map with one entry per file kind
 *                  ({@code :models :functions :views :triggers :policies}), each the merged map of
 *                  that kind; tables are in Automigrate map form ({@code {:fields [[:name type {opts}]]}})
 * @param layers    the layers read, in order ({@code shared}, {@code template}, {@code domain/hosting})
 */
public record LoadedModel(Schema schema, Hints hints, EdnMap processed, List<String> layers) {
    public LoadedModel {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(hints, "hints");
        Objects.requireNonNull(processed, "processed");
        layers = List.copyOf(layers);
    }
}
