package dev.strata.model;

import java.util.Objects;

/**
 * AccessMethod represents a {@code CREATE ACCESS METHOD} that no extension owns: a table or
 * index access method, database-wide like an extension, with its handler function.
 *
 * @param name    the access method's name
 * @param type    {@code TABLE} or {@code INDEX}
 * @param handler the handler function as SQL (unqualified in the target schema and pg_catalog)
 * @param comment the comment, or {@code null}
 */
public record AccessMethod(String name, String type, String handler, String comment) {
    public AccessMethod {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(handler, "handler");
    }
}
