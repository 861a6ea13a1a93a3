package dev.strata.model;

import java.util.Objects;

/**
 * Sequence represents a stand-alone or owned sequence. {@code ownedBy} is {@code table.column} or
 * {@code null}. Sequences behind identity columns are part of the column, not listed here.
 *
 * @param comment  the sequence comment (COMMENT ON SEQUENCE), or {@code null}
 * @param unlogged {@code CREATE UNLOGGED SEQUENCE} (PostgreSQL 15+)
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
        String comment,
        boolean unlogged) {
    public Sequence {
        Objects.requireNonNull(name, "name");
    }

    /** A logged sequence. */
    public Sequence(QualifiedName name, String dataType, long start, long increment, long minValue, long maxValue,
                    long cache, boolean cycle, String ownedBy, String comment) {
        this(name, dataType, start, increment, minValue, maxValue, cache, cycle, ownedBy, comment, false);
    }

    /** This sequence, logged or unlogged. */
    public Sequence withUnlogged(boolean newUnlogged) {
        return new Sequence(name, dataType, start, increment, minValue, maxValue, cache, cycle, ownedBy, comment,
                newUnlogged);
    }

    /** A sequence without a comment. */
    public Sequence(QualifiedName name, String dataType, long start, long increment, long minValue, long maxValue,
                    long cache, boolean cycle, String ownedBy) {
        this(name, dataType, start, increment, minValue, maxValue, cache, cycle, ownedBy, null);
    }
}
