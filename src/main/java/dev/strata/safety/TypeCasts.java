package dev.strata.safety;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TypeCasts classifies a column type change, from PostgreSQL's own type names ({@code format_type}
 * text such as {@code character varying(40)} or {@code numeric(10,2)}): lossless or not, with a table
 * rewrite or without, and, for the common narrowing casts, the SQL condition that picks the values
 * the cast would change or reject.
 */
final class TypeCasts {
    private TypeCasts() {
    }

    /** How a type change treats existing values. */
    enum Kind {
        /** Every value stays, and PostgreSQL does not rewrite the table (varchar(n) to varchar(m >= n), to text, ...). */
        FREE,
        /** Every value stays, but the table is rewritten (int to bigint, ...). */
        REWRITE,
        /** Values can change or be rejected. */
        LOSSY
    }

    private static final Pattern NAME = Pattern.compile("^([^(]*)\\((\\d+)(?:,\\s*(\\d+))?\\)(.*)$");
    private static final Map<String, Integer> INTEGER_RANK = Map.of("smallint", 1, "integer", 2, "bigint", 3);
    private static final Map<String, Integer> INTEGER_DIGITS = Map.of("smallint", 5, "integer", 10, "bigint", 19);
    private static final Map<String, String> INTEGER_RANGE = Map.of(
            "smallint", "-32768 AND 32767", "integer", "-2147483648 AND 2147483647",
            "bigint", "-9223372036854775808 AND 9223372036854775807");

    private record Type(String base, Integer p, Integer s, String suffix) {
        static Type of(String sql) {
            Matcher m = NAME.matcher(sql.strip());
            if (!m.matches()) {
                return new Type(sql.strip(), null, null, "");
            }
            return new Type((m.group(1).strip() + m.group(4)).strip(), m.group(2) == null ? null : Integer.valueOf(m.group(2)),
                    m.group(3) == null ? null : Integer.valueOf(m.group(3)), m.group(4));
        }
    }

    static Kind classify(String fromSql, String toSql) {
        if (fromSql.equals(toSql)) {
            return Kind.FREE;
        }
        Type from = Type.of(fromSql);
        Type to = Type.of(toSql);
        String f = from.base();
        String t = to.base();
        if (isVarchar(f) && (t.equals("text") || isVarchar(t) && (to.p() == null || from.p() != null && to.p() >= from.p()))) {
            return Kind.FREE;
        }
        if (f.equals("text") && isVarchar(t) && to.p() == null) {
            return Kind.FREE;
        }
        if (f.equals("numeric") && t.equals("numeric")) {
            if (to.p() == null) {
                return Kind.FREE;
            }
            if (from.p() == null) {
                return Kind.LOSSY;
            }
            int fs = from.s() == null ? 0 : from.s();
            int ts = to.s() == null ? 0 : to.s();
            if (ts == fs && to.p() >= from.p()) {
                return Kind.FREE;
            }
            return ts >= fs && to.p() - ts >= from.p() - fs ? Kind.REWRITE : Kind.LOSSY;
        }
        if (INTEGER_RANK.containsKey(f) && INTEGER_RANK.containsKey(t)) {
            return INTEGER_RANK.get(t) > INTEGER_RANK.get(f) ? Kind.REWRITE : Kind.LOSSY;
        }
        if (INTEGER_RANK.containsKey(f) && t.equals("numeric")) {
            int ts = to.s() == null ? 0 : to.s();
            return to.p() == null || to.p() - ts >= INTEGER_DIGITS.get(f) ? Kind.REWRITE : Kind.LOSSY;
        }
        if ((f.equals("smallint") || f.equals("integer") || f.equals("real")) && t.equals("double precision")) {
            return Kind.REWRITE;
        }
        if (f.equals("smallint") && t.equals("real")) {
            return Kind.REWRITE;
        }
        if (sameTemporal(f, t) && (to.p() == null || from.p() != null && to.p() >= from.p())) {
            return Kind.FREE;
        }
        if (f.equals("bit varying") && t.equals("bit varying") && (to.p() == null || from.p() != null && to.p() >= from.p())) {
            return Kind.FREE;
        }
        if (t.equals("text") && !f.startsWith("character(") && !f.equals("character")) {
            return Kind.REWRITE;
        }
        return Kind.LOSSY;
    }

    /**
     * The condition on {@code column} (quoted SQL) that holds for the values a lossy cast changes or
     * rejects, when it can be written without risking an error; empty otherwise.
     */
    static Optional<String> lossyCondition(String column, String fromSql, String toSql) {
        Type from = Type.of(fromSql);
        Type to = Type.of(toSql);
        String f = from.base();
        String t = to.base();
        boolean fromExact = f.equals("numeric") || INTEGER_RANK.containsKey(f);
        boolean fromFloat = f.equals("double precision") || f.equals("real");
        if (t.equals("numeric") && (fromExact || fromFloat) && to.p() != null) {
            int ts = to.s() == null ? 0 : to.s();
            return Optional.of(column + " <> round(" + column + "::numeric, " + ts + ") OR abs(" + column + ") >= 1e"
                    + (to.p() - ts));
        }
        if (INTEGER_RANK.containsKey(t) && (fromExact || fromFloat)) {
            return Optional.of(column + " <> trunc(" + column + ") OR " + column + " NOT BETWEEN " + INTEGER_RANGE.get(t));
        }
        if ((isVarchar(t) || t.equals("character")) && to.p() != null) {
            return Optional.of("length(" + column + "::text) > " + to.p());
        }
        return Optional.empty();
    }

    private static boolean isVarchar(String base) {
        return base.equals("character varying");
    }

    private static boolean sameTemporal(String f, String t) {
        return f.equals(t) && (f.startsWith("timestamp") || f.startsWith("time") || f.equals("interval"));
    }
}
