package dev.strata.load;

import java.util.List;
import java.util.Map;

/**
 * EnumDraft represents an enum type as the model defines it.
 *
 * @param labelRenames new label -> old label, from {@code :renamed-from}
 */
record EnumDraft(String name, List<String> labels, String comment, Map<String, String> labelRenames,
                 Location where, String subject) {
    EnumDraft {
        labels = List.copyOf(labels);
        labelRenames = Map.copyOf(labelRenames);
    }
}
