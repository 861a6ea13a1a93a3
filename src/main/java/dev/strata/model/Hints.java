package dev.strata.model;

import java.util.Map;
import java.util.Objects;

/**
 * Hints represents what a model says about the way from the old schema to the new one, beyond the
 * new schema itself: explicit renames ({@code :renamed-from}) and column conversions
 * ({@code :using}). The differ reads them; without a hint a changed name is a drop plus a create.
 *
 * @param tableRenames      new table name -> old table name
 * @param columnRenames     (table, new column) -> old column name
 * @param usingExpressions  (table, column) -> the USING expression for a type change
 * @param enumLabelRenames  enum type -> (new label -> old label)
 * @param acceptedLosses    what the model accepts losing: {@code table t}, {@code column t.c}, {@code type t.c}
 *                          ({@code {:drop true}} entries and {@code :accept-data-loss}); the safety stage reads it
 */
public record Hints(
        Map<QualifiedName, String> tableRenames,
        Map<ColumnKey, String> columnRenames,
        Map<ColumnKey, String> usingExpressions,
        Map<QualifiedName, Map<String, String>> enumLabelRenames,
        java.util.Set<String> acceptedLosses) {

    public Hints(Map<QualifiedName, String> tableRenames, Map<ColumnKey, String> columnRenames,
                 Map<ColumnKey, String> usingExpressions, Map<QualifiedName, Map<String, String>> enumLabelRenames) {
        this(tableRenames, columnRenames, usingExpressions, enumLabelRenames, java.util.Set.of());
    }

    public Hints {
        acceptedLosses = java.util.Set.copyOf(acceptedLosses);
        tableRenames = Map.copyOf(tableRenames);
        columnRenames = Map.copyOf(columnRenames);
        usingExpressions = Map.copyOf(usingExpressions);
        enumLabelRenames = Map.copyOf(enumLabelRenames);
    }

    public static Hints none() {
        return new Hints(Map.of(), Map.of(), Map.of(), Map.of());
    }

    /** A column of a table, as a map key. */
    public record ColumnKey(QualifiedName table, String column) {
        public ColumnKey {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(column, "column");
        }
    }
}
