package dev.strata.load;

import java.util.List;

/** CompositeDraft represents a composite type as the model defines it, attribute types not yet resolved. */
record CompositeDraft(String name, List<FieldParser.Draft> attributes, String comment, Location where,
                      String subject) {
    CompositeDraft {
        attributes = List.copyOf(attributes);
    }
}
