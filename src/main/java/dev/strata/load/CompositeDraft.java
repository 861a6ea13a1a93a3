package dev.strata.load;

import java.util.List;

/** CompositeDraft represents a composite type as the model defines it, attribute types not yet resolved. */
record CompositeDraft(String name, List<FieldParser.Draft> attributes, String comment, Location where,
                      String subject, String schema) {
    CompositeDraft {
        attributes = List.copyOf(attributes);
    }

    /** The name as other model entries refer to it: {@code schema.name}, or the name in the target schema. */
    String key() {
        return Names.key(schema, name);
    }
}
