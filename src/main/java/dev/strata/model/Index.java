package dev.strata.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;

/**
 * Index represents a (non-constraint) index.
 *
 * @param name    the index name
 * @param table   the indexed table or materialized view
 * @param unique  UNIQUE
 * @param method  the access method ({@code btree}, {@code gin}, ...)
 * @param keys    the key elements as SQL: a quoted column, an expression in parentheses, each with
 *                its options ({@code "name"}, {@code (lower(email))}, {@code created_at DESC},
 *                {@code code COLLATE "C" text_pattern_ops DESC NULLS LAST})
 * @param include INCLUDE columns
 * @param where   the partial-index predicate as SQL, or {@code null}
 * @param storage storage parameters ({@code WITH (fillfactor=70)}): name to value as PostgreSQL
 *                stores it in {@code reloptions}, sorted by name; empty when none
 * @param comment the index comment, or {@code null}
 * @param nullsNotDistinct {@code NULLS NOT DISTINCT} of a unique index (PostgreSQL 15+)
 */
public record Index(
        String name,
        QualifiedName table,
        boolean unique,
        String method,
        List<String> keys,
        List<String> include,
        String where,
        SortedMap<String, String> storage,
        String comment,
        boolean nullsNotDistinct) {
    public Index {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(table, "table");
        method = method == null ? "btree" : method;
        keys = List.copyOf(keys);
        include = List.copyOf(include);
        storage = StorageParameters.copyOf(storage);
    }

    /** An index with NULLS DISTINCT (the default). */
    public Index(String name, QualifiedName table, boolean unique, String method, List<String> keys,
                 List<String> include, String where, SortedMap<String, String> storage, String comment) {
        this(name, table, unique, method, keys, include, where, storage, comment, false);
    }

    /** This index with NULLS NOT DISTINCT or not. */
    public Index withNullsNotDistinct(boolean newNullsNotDistinct) {
        return new Index(name, table, unique, method, keys, include, where, storage, comment, newNullsNotDistinct);
    }

    /** An index without storage parameters or comment. */
    public Index(String name, QualifiedName table, boolean unique, String method, List<String> keys,
                 List<String> include, String where) {
        this(name, table, unique, method, keys, include, where, null, null);
    }

    /** This index with other storage parameters and comment. */
    public Index withOptions(Map<String, String> newStorage, String newComment) {
        return new Index(name, table, unique, method, keys, include, where,
                StorageParameters.copyOf(newStorage), newComment, nullsNotDistinct);
    }

    /** This index on another table (a renamed one), everything else kept. */
    public Index onTable(QualifiedName newTable) {
        return new Index(name, newTable, unique, method, keys, include, where, storage, comment, nullsNotDistinct);
    }

    /** Whether the two differ only in storage parameters and comment (so ALTER INDEX / COMMENT can change it). */
    public boolean sameDefinition(Index other) {
        return name.equals(other.name) && table.equals(other.table) && unique == other.unique
                && method.equals(other.method) && keys.equals(other.keys) && include.equals(other.include)
                && Objects.equals(where, other.where) && nullsNotDistinct == other.nullsNotDistinct;
    }
}
