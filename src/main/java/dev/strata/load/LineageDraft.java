package dev.strata.load;

import java.util.List;

/**
 * LineageDraft represents a table's {@code :partition-by}, {@code :partition-of} with
 * {@code :for-values} / {@code :default}, {@code :inherits} and {@code :of} as parsed, before the
 * model keys they name are resolved to tables and types.
 *
 * @param partitionKey   the PARTITION BY clause without the keywords ({@code RANGE (a)}), or null
 * @param partitionOf    the parent's model key or table name as written, or null
 * @param partitionBound {@code FOR VALUES ...} or {@code DEFAULT}, or null
 * @param inherits       the INHERITS parents' model keys or names, as written
 * @param ofType         the composite type's model key or name, or null
 * @param columnOptions  {@code :column-options}: the table's own options on derived columns, by column name
 */
record LineageDraft(String partitionKey, Object partitionOf, String partitionBound, List<Object> inherits,
                    Object ofType, java.util.Map<String, dev.strata.model.DerivedColumn> columnOptions) {
    static final LineageDraft NONE = new LineageDraft(null, null, null, List.of(), null, java.util.Map.of());

    LineageDraft {
        inherits = List.copyOf(inherits);
        columnOptions = java.util.Map.copyOf(columnOptions);
    }

    /** Whether the table takes its columns, or some of them, from elsewhere. */
    boolean derived() {
        return partitionOf != null || !inherits.isEmpty() || ofType != null;
    }
}
