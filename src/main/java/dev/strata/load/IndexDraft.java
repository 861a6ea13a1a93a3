package dev.strata.load;

import dev.strata.model.Index;
import java.util.List;
import java.util.function.Function;

/**
 * IndexDraft represents an index before its final name is chosen.
 *
 * @param name     the name to give
 * @param columns  the plain columns it names (keys and INCLUDE), checked against the table
 * @param partial  whether it has a WHERE predicate
 * @param keyColumns the key columns when every key is a plain column, else empty
 * @param keys     its key elements as SQL
 * @param unique   UNIQUE
 * @param build    makes the index once the name is known
 */
record IndexDraft(NameSpec name, List<String> columns, boolean partial, List<String> keyColumns, List<String> keys,
                  boolean unique,
                  Function<String, Index> build, Location where, String subject) {
    IndexDraft {
        columns = List.copyOf(columns);
        keyColumns = List.copyOf(keyColumns);
        keys = List.copyOf(keys);
    }
}
