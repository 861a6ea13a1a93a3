package dev.strata.model;

import java.util.Objects;

/**
 * Extension represents a PostgreSQL extension the schema needs ({@code CREATE EXTENSION}).
 *
 * @param name    the extension name
 * @param schema  the schema its objects live in ({@code WITH SCHEMA}), or {@code null} for the
 *                target schema (in a model: wherever CREATE EXTENSION puts it, the target schema)
 * @param version the installed version ({@code VERSION}), or {@code null} for "not pinned" (a model
 *                that names no version; the differ then leaves the version alone)
 */
public record Extension(String name, String schema, String version) {
    public Extension {
        Objects.requireNonNull(name, "name");
    }

    /** An extension in the target schema with no pinned version. */
    public Extension(String name) {
        this(name, null, null);
    }
}
