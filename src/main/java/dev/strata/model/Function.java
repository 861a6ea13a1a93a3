package dev.strata.model;

import java.util.Objects;

/**
 * Function represents a function or procedure.
 *
 * @param name       the function name
 * @param arguments  the identity argument list ({@code uuid, integer}); {@code null} when not yet
 *                   known (a model function before it reached a database)
 * @param procedure  whether it is a procedure
 * @param definition the complete {@code CREATE [OR REPLACE] FUNCTION} statement
 * @param dropSql    a statement that drops it, when the model gave one, else {@code null}
 */
public record Function(
        QualifiedName name,
        String arguments,
        boolean procedure,
        String definition,
        String dropSql) {
    public Function {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(definition, "definition");
    }
}
