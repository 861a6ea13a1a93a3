package dev.strata.load;

import dev.strata.edn.EdnPrinter;
import dev.strata.model.ForeignData;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import us.bpsm.edn.Keyword;

/**
 * SqlMedParser reads what SQL/MED needs from models.edn: foreign-data wrappers
 * ({@code {:type :foreign-data-wrapper :handler :f :validator :f :options {...}}}), servers
 * ({@code {:type :server :wrapper :postgres-fdw :server-type "t" :version "v" :options {...}}}),
 * a table's {@code :foreign {:server :s :options {...}}} and a field's {@code :fdw-options {...}}.
 * Options are a map from a keyword ({@code :table-name} is {@code table_name}) or string to a
 * string, number or boolean, kept as text.
 */
final class SqlMedParser {
    private SqlMedParser() {
    }

    /** The options of {@code option}, or an empty map (problems reported). */
    static Map<String, String> options(Object v, String option, Location where, String subject, Problems problems) {
        Map<String, String> out = new TreeMap<>();
        if (v == null) {
            return out;
        }
        if (!(v instanceof Map<?, ?> m)) {
            problems.add(where, subject, "bad " + option + " " + EdnPrinter.flat(v),
                    "write the options as a map, such as " + option + " {:table-name \"films\"}");
            return out;
        }
        m.forEach((k, value) -> {
            String name = k instanceof Keyword kw ? Names.identifier(kw) : k instanceof String s && !s.isEmpty() ? s : null;
            if (name == null || !(value instanceof String || value instanceof Number || value instanceof Boolean)) {
                problems.add(where, subject, "bad option " + EdnPrinter.flat(k) + " " + EdnPrinter.flat(value) + " in "
                        + option, "map a name to a string, such as " + option + " {:table-name \"films\"}");
            } else {
                out.put(name, String.valueOf(value));
            }
        });
        return out;
    }

    /** A wrapper entry, or {@code null} after a problem (reported). */
    static ForeignData.Wrapper wrapper(Object key, Map<?, ?> m, Location where, String subject, Problems problems) {
        int before = problems.size();
        check(m, Set.of("type", "handler", "validator", "options", "comment"), key, where, subject, problems);
        AggregateParser parts = AggregateParser.forEntry("foreign-data wrapper", problems, where, subject);
        String handler = parts.function(m, "handler", false);
        String validator = parts.function(m, "validator", false);
        Map<String, String> options = options(m.get(FieldParser.kw("options")), ":options", where, subject, problems);
        String comment = comment(m, where, subject, problems);
        return problems.size() > before ? null
                : new ForeignData.Wrapper(Names.identifier(key), handler, validator, new TreeMap<>(options), comment);
    }

    /** A server entry, or {@code null} after a problem (reported). */
    static ForeignData.Server server(Object key, Map<?, ?> m, Location where, String subject, Problems problems) {
        int before = problems.size();
        check(m, Set.of("type", "wrapper", "server-type", "version", "options", "comment"), key, where, subject, problems);
        String wrapper = name(m.get(FieldParser.kw("wrapper")));
        if (wrapper == null) {
            problems.add(where, subject, m.get(FieldParser.kw("wrapper")) == null ? "server has no :wrapper"
                    : "bad :wrapper " + EdnPrinter.flat(m.get(FieldParser.kw("wrapper"))),
                    "name its foreign-data wrapper, such as :wrapper :postgres-fdw");
        }
        String type = text(m, "server-type", where, subject, problems);
        String version = text(m, "version", where, subject, problems);
        Map<String, String> options = options(m.get(FieldParser.kw("options")), ":options", where, subject, problems);
        String comment = comment(m, where, subject, problems);
        return problems.size() > before ? null : new ForeignData.Server(Names.identifier(key), type, version, wrapper,
                new TreeMap<>(options), comment);
    }

    /** A table's {@code :foreign {:server :s :options {...}}}, or {@code null} when absent or bad. */
    static ForeignData.Table foreignTable(Object v, Location where, String subject, Problems problems) {
        if (v == null) {
            return null;
        }
        if (!(v instanceof Map<?, ?> m) || name(m.get(FieldParser.kw("server"))) == null
                || !Set.of(FieldParser.kw("server"), FieldParser.kw("options")).containsAll(m.keySet())) {
            problems.add(where, subject, "bad :foreign " + EdnPrinter.flat(v),
                    "write :foreign {:server :film-server :options {:table-name \"films\"}}");
            return null;
        }
        return new ForeignData.Table(name(m.get(FieldParser.kw("server"))),
                new TreeMap<>(options(m.get(FieldParser.kw("options")), ":foreign :options", where, subject, problems)));
    }

    private static void check(Map<?, ?> m, Set<String> allowed, Object key, Location where, String subject,
                              Problems problems) {
        for (Object k : m.keySet()) {
            if (!(k instanceof Keyword kw) || !allowed.contains(kw.getName())) {
                problems.add(where, subject, "unknown option " + EdnPrinter.flat(k), "use "
                        + String.join(", ", allowed.stream().filter(o -> !o.equals("type")).sorted().map(o -> ":" + o).toList()));
            }
        }
        if (Names.schemaOf(key) != null) {
            problems.add(where, subject, "wrappers and servers belong to the database, not to a schema",
                    "write the key without a schema");
        }
    }

    private static String name(Object v) {
        return v instanceof Keyword || v instanceof String s && !s.isEmpty() ? Names.identifier(v) : null;
    }

    private static String text(Map<?, ?> m, String option, Location where, String subject, Problems problems) {
        Object v = m.get(FieldParser.kw(option));
        if (v == null || v instanceof String) {
            return (String) v;
        }
        problems.add(where, subject, "bad :" + option + " " + EdnPrinter.flat(v), "write :" + option + " as a string");
        return null;
    }

    private static String comment(Map<?, ?> m, Location where, String subject, Problems problems) {
        Object v = m.get(FieldParser.kw("comment"));
        if (v == null || v instanceof String) {
            return (String) v;
        }
        problems.add(where, subject, ":comment must be a string, not " + EdnPrinter.flat(v), "write :comment \"...\"");
        return null;
    }
}
