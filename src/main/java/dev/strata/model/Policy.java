package dev.strata.model;

import java.util.Objects;

/**
 * Policy represents a row-level-security policy. Its table gets ROW LEVEL SECURITY enabled.
 *
 * @param name       the policy name
 * @param table      the table it guards
 * @param definition the complete {@code CREATE POLICY} statement
 * @param dropSql    a statement that drops it, when the model gave one, else {@code null}
 * @param comment    the comment (COMMENT ON POLICY), or {@code null}
 */
public record Policy(String name, QualifiedName table, String definition, String dropSql, String comment) {
    public Policy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(definition, "definition");
    }

    /** A policy without a comment. */
    public Policy(String name, QualifiedName table, String definition, String dropSql) {
        this(name, table, definition, dropSql, null);
    }

    /** This policy with another comment. */
    public Policy withComment(String newComment) {
        return new Policy(name, table, definition, dropSql, newComment);
    }
}
