package dev.strata.model;

import java.util.Objects;

/** Extension represents a PostgreSQL extension the schema needs ({@code CREATE EXTENSION}). */
public record Extension(String name) {
    public Extension {
        Objects.requireNonNull(name, "name");
    }
}
