package dev.strata.load;

import dev.strata.edn.EdnPrinter;
import dev.strata.model.ColumnType;
import dev.strata.model.IdentitySequence;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import us.bpsm.edn.Keyword;

/**
 * ColumnSettingsParser reads the field options beside a column's definition: the map form of
 * {@code :identity} (its sequence's name and options), {@code :statistics}, {@code :storage},
 * {@code :compression} and {@code :options}. Every problem is added to the problems; a bad value
 * gives {@code null}.
 */
final class ColumnSettingsParser {
    static final Set<String> IDENTITY_OPTIONS = Set.of("generated", "sequence-name", "start", "increment",
            "min-value", "max-value", "cache", "cycle", "sequence-logged");
    static final Set<String> STORAGE = Set.of("plain", "external", "extended", "main");
    static final Set<String> COMPRESSION = Set.of("pglz", "lz4");
    static final Set<String> ATTRIBUTE_OPTIONS = Set.of("n_distinct", "n_distinct_inherited");

    private final Location where;
    private final String subject;
    private final Problems problems;

    ColumnSettingsParser(Location where, String subject, Problems problems) {
        this.where = where;
        this.subject = subject;
        this.problems = problems;
    }

    /**
     * The identity sequence of {@code {:generated :always :sequence-name :s :start 10 ...}} for a
     * column of {@code type} in {@code table}, every option filled in.
     */
    IdentitySequence identitySequence(Map<?, ?> m, String table, String column, ColumnType type) {
        int before = problems.size();
        for (Object k : m.keySet()) {
            if (!(k instanceof Keyword kw) || !IDENTITY_OPTIONS.contains(kw.getName())) {
                problem("unknown identity option " + EdnPrinter.flat(k), "use "
                        + String.join(" ", IDENTITY_OPTIONS.stream().sorted().map(o -> ":" + o).toList()));
            }
        }
        String sqlType = type == null ? "" : type.sql();
        if (!Set.of("smallint", "integer", "bigint").contains(sqlType) && type != null && type.userType() == null) {
            problem("an identity column must be :smallint, :integer or :bigint, not " + sqlType,
                    "change the field's :type or remove :identity");
        }
        Object nameForm = m.get(kw("sequence-name"));
        String name = Names.objectName(table, column, "seq");
        if (nameForm instanceof Keyword || nameForm instanceof String s && !s.isEmpty()) {
            name = Names.identifier(nameForm);
            if (Names.bytes(name) > Names.MAX_BYTES) {
                problem(FieldParser.tooLong(name), "use a shorter :sequence-name");
            }
        } else if (nameForm != null) {
            problem("bad :sequence-name " + EdnPrinter.flat(nameForm), "write :sequence-name :orders-id-seq");
        }
        Long increment = number(m, "increment");
        if (increment != null && increment == 0) {
            problem(":increment must not be 0", "write a positive or negative :increment");
            increment = null;
        }
        Long cache = number(m, "cache");
        if (cache != null && cache < 1) {
            problem(":cache must be at least 1", "write :cache 1 or more");
        }
        Object cycle = m.get(kw("cycle"));
        if (cycle != null && !(cycle instanceof Boolean)) {
            problem("bad :cycle " + EdnPrinter.flat(cycle), "write :cycle true or :cycle false");
            cycle = null;
        }
        Object logged = m.get(kw("sequence-logged"));
        if (logged != null && !(logged instanceof Boolean)) {
            problem("bad :sequence-logged " + EdnPrinter.flat(logged),
                    "write :sequence-logged false for an UNLOGGED identity sequence of a logged table, true for a LOGGED"
                            + " one of an UNLOGGED table");
            logged = null;
        }
        IdentitySequence seq = IdentitySequence.of(name, type, number(m, "start"), increment, number(m, "min-value"),
                number(m, "max-value"), cache, (Boolean) cycle)
                .withPersistence(logged == null ? null : (Boolean) logged ? "LOGGED" : "UNLOGGED");
        long[] range = IdentitySequence.typeRange(type);
        if (seq.minValue() < range[0] || seq.maxValue() > range[1]) {
            problem(":min-value " + seq.minValue() + " or :max-value " + seq.maxValue() + " is out of range for "
                    + sqlType, "keep them within " + range[0] + " .. " + range[1] + ", or choose a larger :type");
        } else if (seq.minValue() >= seq.maxValue()) {
            problem(":min-value " + seq.minValue() + " must be less than :max-value " + seq.maxValue(),
                    "raise :max-value or lower :min-value");
        } else if (seq.start() < seq.minValue() || seq.start() > seq.maxValue()) {
            problem(":start " + seq.start() + " is outside " + seq.minValue() + " .. " + seq.maxValue(),
                    "choose a :start between :min-value and :max-value");
        }
        return problems.size() > before ? null : seq;
    }

    /** {@code :statistics 500}: 0 to 10000, or -1 for the default (given as {@code null}). */
    Integer statistics(Object v) {
        if (v == null) {
            return null;
        }
        Long n = v instanceof Long l ? l : v instanceof Integer i ? Long.valueOf(i) : null;
        if (n == null || n < -1 || n > 10000) {
            problem("bad :statistics " + EdnPrinter.flat(v),
                    "write a statistics target from 0 to 10000, such as :statistics 500 (-1 is the default)");
            return null;
        }
        return n == -1 ? null : n.intValue();
    }

    /** {@code :storage :external} as PostgreSQL's word ({@code EXTERNAL}). */
    String storage(Object v) {
        String word = word(v);
        if (v == null) {
            return null;
        }
        if (word == null || !STORAGE.contains(word)) {
            problem("bad :storage " + EdnPrinter.flat(v), "write :storage :plain, :external, :extended or :main");
            return null;
        }
        return word.toUpperCase(Locale.ROOT);
    }

    /** {@code :compression :lz4}. */
    String compression(Object v) {
        String word = word(v);
        if (v == null) {
            return null;
        }
        if (word == null || !COMPRESSION.contains(word)) {
            problem("bad :compression " + EdnPrinter.flat(v), "write :compression :pglz or :compression :lz4");
            return null;
        }
        return word;
    }

    /** {@code :options {:n-distinct -1 :n-distinct-inherited 100}}, names in snake_case, values as text. */
    Map<String, String> options(Object v) {
        Map<String, String> out = new TreeMap<>();
        if (v == null) {
            return out;
        }
        if (!(v instanceof Map<?, ?> m)) {
            problem("bad :options " + EdnPrinter.flat(v), "write column options as a map, such as :options {:n-distinct -1}");
            return out;
        }
        for (Map.Entry<?, ?> e : m.entrySet()) {
            String name = e.getKey() instanceof Keyword k ? k.getName().replace('-', '_')
                    : e.getKey() instanceof String s ? s : null;
            if (name == null || !ATTRIBUTE_OPTIONS.contains(name)) {
                problem("unknown column option " + EdnPrinter.flat(e.getKey()),
                        "use :n-distinct or :n-distinct-inherited");
                continue;
            }
            Object value = e.getValue();
            if (value instanceof Long || value instanceof Integer || value instanceof BigInteger
                    || value instanceof Double || value instanceof BigDecimal) {
                double d = ((Number) value).doubleValue();
                if (d < -1) {
                    problem(":" + name.replace('_', '-') + " " + value + " is below -1",
                            "write a count of distinct values, or a fraction of the rows from -1 to 0 (negative)");
                    continue;
                }
                out.put(name, value instanceof BigDecimal b ? b.toPlainString() : value.toString());
            } else if (value instanceof String text && text.matches("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?")) {
                out.put(name, text);
            } else {
                problem(":" + name.replace('_', '-') + " must be a number, not " + EdnPrinter.flat(value),
                        "write for example :options {:n-distinct -0.5}");
            }
        }
        return out;
    }

    private static String word(Object v) {
        if (v instanceof Keyword k) {
            return k.getName().toLowerCase(Locale.ROOT);
        }
        return v instanceof String s ? s.toLowerCase(Locale.ROOT) : null;
    }

    private Long number(Map<?, ?> m, String option) {
        Object v = m.get(kw(option));
        if (v == null) {
            return null;
        }
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof Integer i) {
            return i.longValue();
        }
        if (v instanceof BigInteger b && b.bitLength() < 64) {
            return b.longValue();
        }
        problem(":" + option + " " + EdnPrinter.flat(v) + " is not a whole number",
                "write :" + option + " as an integer, such as :" + option + " 1");
        return null;
    }

    private void problem(String what, String fix) {
        problems.add(where, subject, what, fix);
    }

    private static Keyword kw(String name) {
        return Keyword.newKeyword(name);
    }

    static List<String> fieldOptions() {
        return List.of("statistics", "storage", "compression", "options");
    }
}
