package dev.strata.load;

import java.util.List;
import java.util.Map;

/**
 * EnumDraft represents an enum type as the model defines it.
 *
 * @param labelRenames new label -> old label, from {@code :renamed-from}
 */
record EnumDraft(String name, List<String> labels, String comment, Map<String, String> labelRenames,
                 Location where, String subject, String schema) {
    EnumDraft {
        labels = List.copyOf(labels);
        labelRenames = Map.copyOf(labelRenames);
    }

    /** The name as other model entries refer to it: {@code schema.name}, or the name in the target schema. */
    String key() {
        return Names.key(schema, name);
    }

    dev.strata.model.QualifiedName qualifiedName() {
        return new dev.strata.model.QualifiedName(schema, name);
    }
}
