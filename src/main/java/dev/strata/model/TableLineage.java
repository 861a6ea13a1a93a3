package dev.strata.model;

import java.util.List;

/**
 * TableLineage represents where a table's columns and rows come from besides its own definition:
 * its partition key when it is partitioned, its parent and bound when it is a partition, the
 * tables it inherits from, and the composite type of a typed table. Texts are as PostgreSQL prints
 * them ({@code pg_get_partkeydef}, {@code pg_get_expr(relpartbound, oid)}), so that a model read
 * back from the catalog compares equal.
 *
 * @param partitionKey   {@code RANGE (a)}, {@code LIST (lower(b))}, {@code HASH (id)}: the
 *                       {@code PARTITION BY} of a partitioned table; {@code null} otherwise
 * @param partitionOf    the parent of a partition, {@code null} for other tables
 * @param partitionBound {@code FOR VALUES FROM (...) TO (...)}, {@code FOR VALUES IN (...)},
 *                       {@code FOR VALUES WITH (modulus 4, remainder 0)} or {@code DEFAULT};
 *                       set exactly for partitions
 * @param inherits       the parents of {@code INHERITS (...)} in their order; empty when none
 * @param ofType         the composite type of {@code CREATE TABLE ... OF type}, {@code null} otherwise
 * @param columnOptions  the table's own options on columns it gets from its parent or type, by
 *                       column name, sorted; only columns with something of their own
 */
public record TableLineage(String partitionKey, QualifiedName partitionOf, String partitionBound,
                           List<QualifiedName> inherits, QualifiedName ofType,
                           java.util.SortedMap<String, DerivedColumn> columnOptions) {
    /** A table with none of these: its columns are all its own. */
    public static final TableLineage NONE = new TableLineage(null, null, null, List.of(), null);

    public TableLineage {
        inherits = inherits == null ? List.of() : List.copyOf(inherits);
        java.util.TreeMap<String, DerivedColumn> options = new java.util.TreeMap<>();
        if (columnOptions != null) {
            columnOptions.forEach((k, v) -> {
                if (v != null && !v.isEmpty()) {
                    options.put(k, v);
                }
            });
        }
        columnOptions = java.util.Collections.unmodifiableSortedMap(options);
        if ((partitionOf == null) != (partitionBound == null)) {
            throw new IllegalArgumentException("a partition needs both its parent and its bound");
        }
    }

    /** A lineage without column options. */
    public TableLineage(String partitionKey, QualifiedName partitionOf, String partitionBound,
                        List<QualifiedName> inherits, QualifiedName ofType) {
        this(partitionKey, partitionOf, partitionBound, inherits, ofType, null);
    }

    /** This lineage with other column options. */
    public TableLineage withColumnOptions(java.util.Map<String, DerivedColumn> options) {
        return new TableLineage(partitionKey, partitionOf, partitionBound, inherits, ofType,
                options == null ? null : new java.util.TreeMap<>(options));
    }

    /** The table's own options on derived column {@code column}; {@link DerivedColumn#NONE} when none. */
    public DerivedColumn columnOption(String column) {
        return columnOptions.getOrDefault(column, DerivedColumn.NONE);
    }

    public boolean isPartitioned() {
        return partitionKey != null;
    }

    public boolean isPartition() {
        return partitionOf != null;
    }

    /** The tables this one takes columns from: its partition parent, its INHERITS parents. */
    public List<QualifiedName> parents() {
        if (partitionOf != null) {
            return List.of(partitionOf);
        }
        return inherits;
    }

    /** Whether this table's columns come (in part) from elsewhere. */
    public boolean derived() {
        return partitionOf != null || !inherits.isEmpty() || ofType != null;
    }

    /** {@code PARTITION BY RANGE (a)}'s strategy word: {@code RANGE}, {@code LIST} or {@code HASH}. */
    public String strategy() {
        if (partitionKey == null) {
            return null;
        }
        int space = partitionKey.indexOf(' ');
        return (space < 0 ? partitionKey : partitionKey.substring(0, space)).toUpperCase(java.util.Locale.ROOT);
    }

    /** How many leading INHERITS parents {@code a} and {@code b} share, in order. */
    public static int commonPrefix(List<QualifiedName> a, List<QualifiedName> b) {
        int common = 0;
        while (common < a.size() && common < b.size() && a.get(common).equals(b.get(common))) {
            common++;
        }
        return common;
    }

    /**
     * Going from parents {@code a} to {@code b}: the leading new parents of {@code b} (after the
     * shared prefix) that {@code a} lacks. These are attached before any old parent is detached;
     * the rest of {@code b} after the detaches, so the order comes out as {@code b}'s.
     */
    public static List<QualifiedName> attachedFirst(List<QualifiedName> a, List<QualifiedName> b) {
        int common = commonPrefix(a, b);
        List<QualifiedName> early = new java.util.ArrayList<>();
        if (common == a.size()) {
            return early;
        }
        for (QualifiedName p : b.subList(common, b.size())) {
            if (a.contains(p)) {
                break;
            }
            early.add(p);
        }
        return early;
    }
}
