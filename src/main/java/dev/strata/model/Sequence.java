package dev.strata.model;

import java.util.Objects;

/**
 * Sequence represents a stand-alone or owned sequence. {@code ownedBy} is {@code table.column} or
 * {@code null}. Sequences behind identity columns are part of the column, not listed here.
 */
public record Sequence(
        QualifiedName name,
        String dataType,
        long start,
        long increment,
        long minValue,
        long maxValue,
        long cache,
        boolean cycle,
        String ownedBy) {
    public Sequence {
        Objects.requireNonNull(name, "name");
    }
}
