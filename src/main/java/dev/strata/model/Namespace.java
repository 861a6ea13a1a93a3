package dev.strata.model;

import java.util.Objects;

/**
 * Namespace represents a PostgreSQL schema other than the target schema that a model manages:
 * declared in the model ({@code :auth {:type :schema}}) or used by a schema-qualified object name
 * ({@code :auth/users}). The target schema itself is never a namespace: its objects carry no schema.
 *
 * @param name    the schema name as PostgreSQL stores it
 * @param comment {@code COMMENT ON SCHEMA}, or {@code null}
 */
public record Namespace(String name, String comment) implements Comparable<Namespace> {
    public Namespace {
        Objects.requireNonNull(name, "name");
    }

    /** A namespace without a comment. */
    public static Namespace of(String name) {
        return new Namespace(name, null);
    }

    @Override
    public int compareTo(Namespace o) {
        return name.compareTo(o.name);
    }
}
