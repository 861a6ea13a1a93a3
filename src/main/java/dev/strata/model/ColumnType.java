package dev.strata.model;

import java.util.Objects;

/**
 * ColumnType represents a column's type as it appears in DDL.
 *
 * @param sql      the type as SQL, array brackets included ({@code character varying(255)},
 *                 {@code integer[]}, {@code "user_status"})
 * @param userType the user-defined type it refers to (an enum), or {@code null} for built-in types;
 *                 used for dependency ordering
 */
public record ColumnType(String sql, QualifiedName userType) {
    public ColumnType {
        Objects.requireNonNull(sql, "sql");
    }

    public static ColumnType builtin(String sql) {
        return new ColumnType(sql, null);
    }
}
