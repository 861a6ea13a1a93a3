package dev.strata.model;

import java.util.Objects;

/**
 * Aggregate represents the parts of a plain (not ordered-set, not moving-aggregate) {@code CREATE
 * AGGREGATE}. Names and types are SQL as PostgreSQL prints them, quoted as needed; an option left at
 * PostgreSQL's default is {@code null} (or 0, or false).
 *
 * @param arguments      the argument list as CREATE AGGREGATE takes it ({@code text},
 *                       {@code integer, text}); {@code *} for an aggregate without arguments
 * @param sfunc          the state transition function (SFUNC)
 * @param stype          the state type (STYPE)
 * @param sspace         the average state size in bytes (SSPACE), 0 when not given
 * @param finalfunc      the final function (FINALFUNC), or {@code null}
 * @param finalfuncExtra FINALFUNC_EXTRA
 * @param finalfuncModify FINALFUNC_MODIFY: {@code SHAREABLE} or {@code READ_WRITE}, {@code null} for
 *                       the default READ_ONLY
 * @param combinefunc    COMBINEFUNC, or {@code null}
 * @param serialfunc     SERIALFUNC, or {@code null}
 * @param deserialfunc   DESERIALFUNC, or {@code null}
 * @param initcond       the initial state as text (INITCOND), or {@code null}
 * @param sortop         the sort operator (SORTOP, {@code <} or {@code >}), or {@code null}
 * @param parallel       PARALLEL: {@code SAFE} or {@code RESTRICTED}, {@code null} for the default UNSAFE
 */
public record Aggregate(
        String arguments,
        String sfunc,
        String stype,
        long sspace,
        String finalfunc,
        boolean finalfuncExtra,
        String finalfuncModify,
        String combinefunc,
        String serialfunc,
        String deserialfunc,
        String initcond,
        String sortop,
        String parallel) {
    public Aggregate {
        Objects.requireNonNull(arguments, "arguments");
        Objects.requireNonNull(sfunc, "sfunc");
        Objects.requireNonNull(stype, "stype");
    }
}
