package dev.strata.model;

import java.util.Objects;

/**
 * Aggregate represents the parts of a {@code CREATE AGGREGATE}: plain, ordered-set (the arguments
 * hold {@code ORDER BY}) or hypothetical-set, with or without a moving-aggregate mode. Names and types are SQL as PostgreSQL prints them, quoted as needed; an option left at
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
 * @param hypothetical   HYPOTHETICAL (a hypothetical-set aggregate; its arguments hold {@code ORDER BY})
 * @param moving         the moving-aggregate mode (MSFUNC ...), or {@code null}
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
        String parallel,
        boolean hypothetical,
        Moving moving) {
    public Aggregate {
        Objects.requireNonNull(arguments, "arguments");
        Objects.requireNonNull(sfunc, "sfunc");
        Objects.requireNonNull(stype, "stype");
    }

    /** A plain or ordered-set aggregate without a moving-aggregate mode. */
    public Aggregate(String arguments, String sfunc, String stype, long sspace, String finalfunc,
                     boolean finalfuncExtra, String finalfuncModify, String combinefunc, String serialfunc,
                     String deserialfunc, String initcond, String sortop, String parallel) {
        this(arguments, sfunc, stype, sspace, finalfunc, finalfuncExtra, finalfuncModify, combinefunc, serialfunc,
                deserialfunc, initcond, sortop, parallel, false, null);
    }

    /** Whether this is an ordered-set (or hypothetical-set) aggregate: its arguments hold ORDER BY. */
    public boolean orderedSet() {
        return java.util.regex.Pattern.compile("(?i)(^|\\s)ORDER\\s+BY\\s").matcher(arguments).find();
    }

    /**
     * The moving-aggregate mode of an aggregate, with the same meaning as the plain options.
     *
     * @param msfunc      MSFUNC
     * @param minvfunc    MINVFUNC
     * @param mstype      MSTYPE
     * @param msspace     MSSPACE, 0 when not given
     * @param mfinalfunc  MFINALFUNC, or {@code null}
     * @param mfinalfuncExtra MFINALFUNC_EXTRA
     * @param mfinalfuncModify MFINALFUNC_MODIFY: {@code SHAREABLE} or {@code READ_WRITE}, {@code null}
     *                    for the default READ_ONLY
     * @param minitcond   MINITCOND, or {@code null}
     */
    public record Moving(String msfunc, String minvfunc, String mstype, long msspace, String mfinalfunc,
                         boolean mfinalfuncExtra, String mfinalfuncModify, String minitcond) {
        public Moving {
            Objects.requireNonNull(msfunc, "msfunc");
            Objects.requireNonNull(minvfunc, "minvfunc");
            Objects.requireNonNull(mstype, "mstype");
        }
    }
}
