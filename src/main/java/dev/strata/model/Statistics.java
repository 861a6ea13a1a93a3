package dev.strata.model;

import java.util.List;
import java.util.Objects;

/**
 * Statistics represents an extended statistics object ({@code CREATE STATISTICS s (kinds) ON a, b
 * FROM t}). Texts are as PostgreSQL prints them; a model object holds its own SQL until the
 * desired state is read back from a scratch database.
 *
 * @param name    the statistics object, qualified outside the target schema
 * @param table   its table
 * @param kinds   {@code ndistinct}, {@code dependencies}, {@code mcv}, in that order; empty for the
 *                default (every kind that applies)
 * @param keys    the {@code ON} list as SQL ({@code a, b, lower(c)}): columns and expressions
 * @param columns the table's columns the keys use, expressions included (catalog only: the
 *                planner orders by them); empty in a model object
 * @param target  {@code ALTER STATISTICS ... SET STATISTICS n}, or {@code null} for the default
 * @param comment {@code COMMENT ON STATISTICS}, or {@code null}
 */
public record Statistics(QualifiedName name, QualifiedName table, List<String> kinds, String keys,
                         List<String> columns, Integer target, String comment) {
    public Statistics {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(keys, "keys");
        kinds = kinds == null ? List.of() : List.copyOf(kinds);
        columns = columns == null ? List.of() : List.copyOf(columns);
    }

    /** What CREATE STATISTICS fixes (table, kinds, keys): a change of it drops and creates the object. */
    public boolean sameDefinition(Statistics other) {
        return table.equals(other.table) && kinds.equals(other.kinds) && keys.equals(other.keys);
    }

    /** This object on another table (a renamed one). */
    public Statistics onTable(QualifiedName newTable) {
        return new Statistics(name, newTable, kinds, keys, columns, target, comment);
    }
}
