package dev.strata.model;

import java.util.Objects;

/**
 * Column represents one table column.
 *
 * @param name          the column name
 * @param type          its type
 * @param notNull       whether it is NOT NULL
 * @param defaultExpr   the default as SQL, or {@code null}
 * @param identity      the identity kind, or {@code null}
 * @param generatedExpr the expression of a {@code GENERATED ALWAYS AS (...) STORED} column, or {@code null}
 * @param collation     an explicit collation as SQL, quoted as needed ({@code "C"}), or {@code null}
 * @param comment       the column comment, or {@code null}
 */
public record Column(
        String name,
        ColumnType type,
        boolean notNull,
        String defaultExpr,
        Identity identity,
        String generatedExpr,
        String collation,
        String comment) {

    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    /** Identity column kinds. */
    public enum Identity {
        ALWAYS("ALWAYS"),
        BY_DEFAULT("BY DEFAULT");

        private final String sql;

        Identity(String sql) {
            this.sql = sql;
        }

        public String sql() {
            return sql;
        }
    }
}
