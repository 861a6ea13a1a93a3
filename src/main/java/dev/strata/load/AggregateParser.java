package dev.strata.load;

import dev.strata.edn.EdnPrinter;
import dev.strata.model.Aggregate;
import dev.strata.model.Function;
import dev.strata.model.QualifiedName;
import dev.strata.sql.Comments;
import dev.strata.sql.Identifiers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import us.bpsm.edn.Keyword;

/**
 * AggregateParser reads an aggregate of functions.edn:
 * {@code {:type :aggregate :args [:text] :sfunc :concat-step :stype :text :initcond ""}}. Types are
 * written as for fields, or as strings taken as SQL; functions as keywords (snake_case names) or
 * strings taken as SQL ({@code "public.my_step"}).
 */
final class AggregateParser {
    static final Set<String> OPTIONS = new TreeSet<>(Set.of("type", "name", "schema", "args", "sfunc", "stype", "sspace",
            "finalfunc", "finalfunc-extra", "finalfunc-modify", "combinefunc", "serialfunc", "deserialfunc",
            "initcond", "sortop", "parallel", "comment", "order-by", "hypothetical", "msfunc", "minvfunc", "mstype",
            "msspace", "mfinalfunc", "mfinalfunc-extra", "mfinalfunc-modify", "minitcond"));

    private final Problems problems;
    private final Location where;
    private final String subject;

    /** A parser for one entry, whose type, function and flag readers other routine-like entries share. */
    static AggregateParser forEntry(String kind, Problems problems, Location where, String subject) {
        AggregateParser p = new AggregateParser(problems, where, subject);
        p.kind = kind;
        return p;
    }

    /** What the entry is, in messages: {@code aggregate has no :sfunc}. */
    private String kind = "aggregate";

    private AggregateParser(Problems problems, Location where, String subject) {
        this.problems = problems;
        this.where = where;
        this.subject = subject;
    }

    /** Whether an entry of functions.edn is an aggregate ({@code :type :aggregate}). */
    static boolean isAggregate(Object value) {
        return value instanceof Map<?, ?> m && FieldParser.kw("aggregate").equals(m.get(FieldParser.TYPE));
    }

    /** The aggregate, or {@code null} after a problem (reported). */
    static Function parse(Object key, Map<?, ?> m, Location where, String subject, Problems problems) {
        return new AggregateParser(problems, where, subject).parse(key, m);
    }

    private Function parse(Object key, Map<?, ?> m) {
        int before = problems.size();
        for (Object k : m.keySet()) {
            if (!(k instanceof Keyword kw) || !OPTIONS.contains(kw.getName())) {
                problems.add(where, subject, "unknown aggregate option " + EdnPrinter.flat(k),
                        "use " + String.join(" ", OPTIONS.stream().map(o -> ":" + o).toList()));
            }
        }
        Object nameForm = opt(m, "name");
        String name = nameForm == null ? Names.identifier(key) : nameForm instanceof String s && !s.isEmpty() ? s : null;
        if (name == null) {
            problems.add(where, subject, "bad :name " + EdnPrinter.flat(nameForm), "write :name \"aggregate_name\"");
            name = "?";
        }
        String arguments = arguments(opt(m, "args"), opt(m, "order-by"));
        boolean hypothetical = flag(m, "hypothetical");
        if (hypothetical && opt(m, "order-by") == null) {
            problems.add(where, subject, ":hypothetical needs :order-by (a hypothetical-set aggregate is ordered-set)",
                    "add :order-by [...] with the aggregated argument types, or remove :hypothetical");
        }
        String sfunc = function(m, "sfunc", true);
        String stype = type(opt(m, "stype"), ":stype", true);
        long sspace = space(m, "sspace");
        String finalfunc = function(m, "finalfunc", false);
        boolean extra = flag(m, "finalfunc-extra");
        String modify = choice(m, "finalfunc-modify", MODIFY);
        if (finalfunc == null && (extra || modify != null)) {
            problems.add(where, subject, ":finalfunc-extra and :finalfunc-modify need a :finalfunc",
                    "add :finalfunc, or remove them");
        }
        String combinefunc = function(m, "combinefunc", false);
        String serialfunc = function(m, "serialfunc", false);
        String deserialfunc = function(m, "deserialfunc", false);
        Object init = opt(m, "initcond");
        String initcond = initial(init, "initcond");
        Aggregate.Moving moving = moving(m);
        Object sort = opt(m, "sortop");
        String sortop = sort instanceof String s && !s.isBlank() ? s.strip()
                : sort instanceof Keyword k ? k.getName() : null;
        if (sort != null && sortop == null) {
            problems.add(where, subject, "bad :sortop " + EdnPrinter.flat(sort), "write :sortop \">\" or :sortop \"<\"");
        }
        String parallel = choice(m, "parallel", Map.of("unsafe", "", "restricted", "RESTRICTED", "safe", "SAFE"));
        Object comment = opt(m, "comment");
        if (comment != null && !(comment instanceof String)) {
            problems.add(where, subject, ":comment must be a string, not " + EdnPrinter.flat(comment),
                    "write :comment \"...\"");
        }
        if (problems.size() > before) {
            return null;
        }
        Aggregate aggregate = new Aggregate(arguments, sfunc, stype, sspace, finalfunc, extra, modify, combinefunc,
                serialfunc, deserialfunc, initcond, sortop, parallel, hypothetical, moving);
        Object schemaForm = opt(m, "schema");
        String schema = schemaForm == null ? Names.schemaOf(key)
                : schemaForm instanceof String str && !str.isEmpty() ? str
                : schemaForm instanceof us.bpsm.edn.Keyword kw ? Names.identifier(kw) : null;
        if (schemaForm != null && schema == null) {
            problems.add(where, subject, ":schema must name a schema, not " + EdnPrinter.flat(schemaForm),
                    "write :schema :billing");
            return null;
        }
        QualifiedName qualified = new QualifiedName(schema, name);
        return new Function(qualified, null, false, Comments.createAggregate(qualified, aggregate), null,
                (String) comment, aggregate);
    }

    private static final Map<String, String> MODIFY = Map.of("read-only", "READ_ONLY", "shareable", "SHAREABLE",
            "read-write", "READ_WRITE");

    /** The moving-aggregate mode: {@code :msfunc}, {@code :minvfunc} and {@code :mstype} together, or none. */
    private Aggregate.Moving moving(Map<?, ?> m) {
        List<String> given = java.util.stream.Stream.of("msfunc", "minvfunc", "mstype", "msspace", "mfinalfunc",
                "mfinalfunc-extra", "mfinalfunc-modify", "minitcond").filter(o -> opt(m, o) != null).toList();
        if (given.isEmpty()) {
            return null;
        }
        if (opt(m, "msfunc") == null || opt(m, "minvfunc") == null || opt(m, "mstype") == null) {
            problems.add(where, subject, "a moving-aggregate mode needs :msfunc, :minvfunc and :mstype together (given: "
                    + String.join(", ", given.stream().map(o -> ":" + o).toList()) + ")",
                    "add the missing ones, or remove the moving-aggregate options");
            return null;
        }
        String mfinalfunc = function(m, "mfinalfunc", false);
        boolean extra = flag(m, "mfinalfunc-extra");
        String modify = choice(m, "mfinalfunc-modify", MODIFY);
        if (mfinalfunc == null && (extra || modify != null)) {
            problems.add(where, subject, ":mfinalfunc-extra and :mfinalfunc-modify need a :mfinalfunc",
                    "add :mfinalfunc, or remove them");
        }
        return new Aggregate.Moving(function(m, "msfunc", true), function(m, "minvfunc", true),
                type(opt(m, "mstype"), ":mstype", true), space(m, "msspace"), mfinalfunc, extra,
                "READ_ONLY".equals(modify) ? null : modify, initial(opt(m, "minitcond"), "minitcond"));
    }

    private long space(Map<?, ?> m, String option) {
        Object space = opt(m, option);
        if (space instanceof Long l && l >= 0) {
            return l;
        } else if (space != null) {
            problems.add(where, subject, "bad :" + option + " " + EdnPrinter.flat(space),
                    "write :" + option + " as a whole number of bytes, such as :" + option + " 64");
        }
        return 0;
    }

    private String initial(Object init, String option) {
        String value = init instanceof String s ? s : init instanceof Long || init instanceof Double
                || init instanceof java.math.BigDecimal ? init.toString() : null;
        if (init != null && value == null) {
            problems.add(where, subject, "bad :" + option + " " + EdnPrinter.flat(init),
                    "write the initial state as a string, such as :" + option + " \"{0,0}\"");
        }
        return value;
    }

    private static Object opt(Map<?, ?> m, String name) {
        return m.get(FieldParser.kw(name));
    }

    /**
     * {@code [:text :integer]} gives {@code text, integer}; {@code []} gives {@code *}. With
     * {@code :order-by [:boolean]} (an ordered-set aggregate) the direct arguments come first:
     * {@code text ORDER BY boolean}, or {@code ORDER BY boolean} without direct arguments.
     */
    private String arguments(Object form, Object orderBy) {
        if (!(form instanceof List<?> list)) {
            problems.add(where, subject, form == null ? "aggregate has no :args" : "bad :args " + EdnPrinter.flat(form),
                    "list the argument types, such as :args [:text], or :args [] for an aggregate of no arguments");
            return "*";
        }
        String direct = types(list, ":args");
        if (orderBy == null) {
            return direct.isEmpty() ? "*" : direct;
        }
        if (!(orderBy instanceof List<?> ordered) || ordered.isEmpty()) {
            problems.add(where, subject, "bad :order-by " + EdnPrinter.flat(orderBy),
                    "list the aggregated argument types of an ordered-set aggregate, such as :order-by [:double-precision]");
            return "*";
        }
        return (direct.isEmpty() ? "" : direct + " ") + "ORDER BY " + types(ordered, ":order-by");
    }

    private String types(List<?> list, String option) {
        List<String> types = new ArrayList<>();
        for (Object t : list) {
            types.add(type(t, option, true));
        }
        return String.join(", ", types);
    }

    /** A type form as for a field, or a string taken as SQL. */
    String type(Object form, String option, boolean required) {
        if (form == null) {
            if (required) {
                problems.add(where, subject, kind + " has no " + option, "add " + option + ", such as " + option
                        + " :text");
            }
            return "?";
        }
        if (form instanceof String s && !s.isBlank()) {
            return s.strip();
        }
        try {
            return Types.parse(form, null, null, null, null).type().sql();
        } catch (InvalidSpec e) {
            problems.add(where, subject, "bad " + option + ": " + e.what(), e.fix());
            return "?";
        }
    }

    /** A function name: a keyword (snake_case, quoted as needed) or a string taken as SQL. */
    String function(Map<?, ?> m, String option, boolean required) {
        Object v = opt(m, option);
        if (v instanceof Keyword k) {
            return Identifiers.quote(Names.identifier(k));
        }
        if (v instanceof String s && !s.isBlank()) {
            return s.strip();
        }
        if (v != null || required) {
            problems.add(where, subject, v == null ? kind + " has no :" + option : "bad :" + option + " "
                    + EdnPrinter.flat(v), "name the function, such as :" + option + " :my-step-function");
        }
        return null;
    }

    boolean flag(Map<?, ?> m, String option) {
        Object v = opt(m, option);
        if (v == null || v instanceof Boolean) {
            return Boolean.TRUE.equals(v);
        }
        problems.add(where, subject, ":" + option + " must be true or false, not " + EdnPrinter.flat(v),
                "write :" + option + " true");
        return false;
    }

    /** One of the keywords of {@code values}; its value, {@code null} for the default (given as ""). */
    private String choice(Map<?, ?> m, String option, Map<String, String> values) {
        Object v = opt(m, option);
        if (v == null) {
            return null;
        }
        if (v instanceof Keyword k && values.containsKey(k.getName())) {
            String sql = values.get(k.getName());
            return sql.isEmpty() ? null : sql;
        }
        problems.add(where, subject, "bad :" + option + " " + EdnPrinter.flat(v),
                "write " + String.join(", ", new TreeSet<>(values.keySet()).stream().map(o -> ":" + option + " :" + o)
                        .toList()));
        return null;
    }
}
