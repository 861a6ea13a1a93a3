package dev.strata.model;

import java.util.List;
import java.util.Objects;

/**
 * EnumType represents a {@code CREATE TYPE ... AS ENUM}. Labels are in sort order
 * ({@code pg_enum.enumsortorder}); enums are append-only.
 */
public record EnumType(QualifiedName name, List<String> labels, String comment) {
    public EnumType {
        Objects.requireNonNull(name, "name");
        labels = List.copyOf(labels);
    }
}
