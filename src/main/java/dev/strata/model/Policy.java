package dev.strata.model;

import java.util.Objects;

/**
 * Policy represents a row-level-security policy. Its table gets ROW LEVEL SECURITY enabled.
 *
 * @param name       the policy name
 * @param table      the table it guards
 * @param definition the complete {@code CREATE POLICY} statement
 * @param dropSql    a statement that drops it, when the model gave one, else {@code null}
 */
public record Policy(String name, QualifiedName table, String definition, String dropSql) {
    public Policy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(definition, "definition");
    }
}
