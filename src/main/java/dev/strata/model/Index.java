package dev.strata.model;

import java.util.List;
import java.util.Objects;

/**
 * Index represents a (non-constraint) index.
 *
 * @param name    the index name
 * @param table   the indexed table or materialized view
 * @param unique  UNIQUE
 * @param method  the access method ({@code btree}, {@code gin}, ...)
 * @param keys    the key elements as SQL: a quoted column, an expression in parentheses, each with
 *                its options ({@code "name"}, {@code (lower(email))}, {@code created_at DESC})
 * @param include INCLUDE columns
 * @param where   the partial-index predicate as SQL, or {@code null}
 */
public record Index(
        String name,
        QualifiedName table,
        boolean unique,
        String method,
        List<String> keys,
        List<String> include,
        String where) {
    public Index {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(table, "table");
        method = method == null ? "btree" : method;
        keys = List.copyOf(keys);
        include = List.copyOf(include);
    }
}
