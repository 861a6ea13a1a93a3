package dev.strata.model;

import java.util.Objects;

/**
 * Function represents a function, procedure or aggregate (all three live in pg_proc and share its
 * name space and dependents).
 *
 * @param name       the function name
 * @param arguments  the identity argument list ({@code uuid, integer}); {@code null} when not yet
 *                   known (a model function before it reached a database)
 * @param procedure  whether it is a procedure
 * @param definition the complete {@code CREATE [OR REPLACE] FUNCTION} statement
 * @param dropSql    a statement that drops it, when the model gave one, else {@code null}
 * @param comment    the comment (COMMENT ON FUNCTION / PROCEDURE / AGGREGATE), or {@code null}
 * @param aggregate  the parts of an aggregate, whose {@code definition} is the CREATE AGGREGATE
 *                   they give; {@code null} for a function or procedure
 */
public record Function(
        QualifiedName name,
        String arguments,
        boolean procedure,
        String definition,
        String dropSql,
        String comment,
        Aggregate aggregate) {
    public Function {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(definition, "definition");
    }

    /** A function or procedure without a comment. */
    public Function(QualifiedName name, String arguments, boolean procedure, String definition, String dropSql) {
        this(name, arguments, procedure, definition, dropSql, null, null);
    }

    /** Whether this is an aggregate. */
    public boolean isAggregate() {
        return aggregate != null;
    }

    /** This function with another comment. */
    public Function withComment(String newComment) {
        return new Function(name, arguments, procedure, definition, dropSql, newComment, aggregate);
    }
}
