package dev.strata.model;

import java.util.Objects;

/**
 * Trigger represents a trigger on a table.
 *
 * @param name       the trigger name
 * @param table      the table it fires on
 * @param definition the complete {@code CREATE TRIGGER} statement
 * @param dropSql    a statement that drops it, when the model gave one, else {@code null}
 */
public record Trigger(String name, QualifiedName table, String definition, String dropSql) {
    public Trigger {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(definition, "definition");
    }
}
