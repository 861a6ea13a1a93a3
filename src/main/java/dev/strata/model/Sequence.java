package dev.strata.model;

import java.util.Objects;

/**
 * Sequence represents a stand-alone or owned sequence. {@code ownedBy} is {@code table.column} or
 * {@code null}. Sequences behind identity columns are part of the column, not listed here.
 *
 * @param comment the sequence comment (COMMENT ON SEQUENCE), or {@code null}
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
        String ownedBy,
        String comment) {
    public Sequence {
        Objects.requireNonNull(name, "name");
    }

    /** A sequence without a comment. */
    public Sequence(QualifiedName name, String dataType, long start, long increment, long minValue, long maxValue,
                    long cache, boolean cycle, String ownedBy) {
        this(name, dataType, start, increment, minValue, maxValue, cache, cycle, ownedBy, null);
    }
}
