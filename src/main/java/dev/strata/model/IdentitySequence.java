package dev.strata.model;

import java.util.Objects;

/**
 * IdentitySequence represents the sequence behind an identity column: its name and its options,
 * each filled in (PostgreSQL's defaults where none was given). The option names follow the
 * stand-alone {@link Sequence}; its type is the column's.
 *
 * @param name the sequence name ({@code <table>_<column>_seq} unless given)
 * @param persistence {@code LOGGED} or {@code UNLOGGED} where the sequence's differs from its table's
 *                    ({@code ALTER SEQUENCE ... SET UNLOGGED}, PostgreSQL 15+); {@code null}: the table's
 */
public record IdentitySequence(String name, long start, long increment, long minValue, long maxValue, long cache,
                               boolean cycle, String persistence) {
    public IdentitySequence {
        Objects.requireNonNull(name, "name");
        if (persistence != null && !persistence.equals("LOGGED") && !persistence.equals("UNLOGGED")) {
            throw new IllegalArgumentException("persistence is LOGGED, UNLOGGED or null, not " + persistence);
        }
    }

    /** A sequence as logged as its table (PostgreSQL's default). */
    public IdentitySequence(String name, long start, long increment, long minValue, long maxValue, long cache,
                            boolean cycle) {
        this(name, start, increment, minValue, maxValue, cache, cycle, null);
    }

    /**
     * This sequence with its own persistence: {@code LOGGED} or {@code UNLOGGED} where it differs
     * from its table's (PostgreSQL 15+), {@code null} where it is the table's.
     */
    public IdentitySequence withPersistence(String newPersistence) {
        return new IdentitySequence(name, start, increment, minValue, maxValue, cache, cycle, newPersistence);
    }

    /** The range of an identity column's type: smallint, integer, else bigint. */
    public static long[] typeRange(ColumnType type) {
        String sql = type == null ? "" : type.sql();
        if (sql.equals("smallint")) {
            return new long[] {Short.MIN_VALUE, Short.MAX_VALUE};
        } else if (sql.equals("integer")) {
            return new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE};
        }
        return new long[] {Long.MIN_VALUE, Long.MAX_VALUE};
    }

    /**
     * The sequence with the options given (each may be {@code null}) and PostgreSQL's defaults for
     * the others: increment 1; min 1 (or the type's minimum when the increment is negative); max the
     * type's maximum (or -1); start min (or max); cache 1; no cycle.
     */
    public static IdentitySequence of(String name, ColumnType type, Long start, Long increment, Long minValue,
                                      Long maxValue, Long cache, Boolean cycle) {
        long[] range = typeRange(type);
        long inc = increment == null ? 1 : increment;
        long min = minValue != null ? minValue : inc > 0 ? 1 : range[0];
        long max = maxValue != null ? maxValue : inc > 0 ? range[1] : -1;
        long first = start != null ? start : inc > 0 ? min : max;
        return new IdentitySequence(name, first, inc, min, max, cache == null ? 1 : cache, Boolean.TRUE.equals(cycle));
    }

    /** Every option at its default for a column of {@code type}. */
    public static IdentitySequence defaults(String name, ColumnType type) {
        return of(name, type, null, null, null, null, null, null);
    }

    /** Whether the options (not the name) are PostgreSQL's defaults for a column of {@code type}. */
    public boolean defaultOptions(ColumnType type) {
        return defaults(name, type).equals(this);
    }

    /** This sequence under another name. */
    public IdentitySequence withName(String newName) {
        return new IdentitySequence(newName, start, increment, minValue, maxValue, cache, cycle, persistence);
    }
}
