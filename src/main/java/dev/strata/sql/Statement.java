package dev.strata.sql;

import java.util.Objects;

/**
 * Statement represents one SQL statement of a migration, without a trailing semicolon.
 *
 * @param sql           the statement
 * @param transactional whether it may run inside a transaction; {@code false} for statements
 *                      PostgreSQL refuses there or whose effect a later statement of the same
 *                      transaction could not see (an enum value used in the same migration)
 */
public record Statement(String sql, boolean transactional) {
    public Statement {
        Objects.requireNonNull(sql, "sql");
    }

    /** A statement that may run inside a transaction. */
    public static Statement of(String sql) {
        return new Statement(sql, true);
    }
}
