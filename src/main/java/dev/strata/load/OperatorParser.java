package dev.strata.load;

import dev.strata.edn.EdnPrinter;
import dev.strata.model.Operator;
import dev.strata.model.QualifiedName;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import us.bpsm.edn.Keyword;

/**
 * OperatorParser reads a {@code {:type :operator ...}} entry of models.edn into an {@link Operator}:
 * {@code :name "||+"} (the symbol), {@code :left} and {@code :right} operand types (as an
 * aggregate's {@code :args}), {@code :function} and the optional {@code :commutator},
 * {@code :negator} (operator symbols), {@code :restrict}, {@code :join} (functions),
 * {@code :hashes}, {@code :merges}, {@code :schema} and {@code :comment}.
 */
final class OperatorParser {
    static final Set<String> OPTIONS = new TreeSet<>(Set.of("type", "name", "schema", "left", "right", "function",
            "commutator", "negator", "restrict", "join", "hashes", "merges", "comment"));
    private static final String SYMBOL_CHARS = "+-*/<>=~!@#%^&|`?";

    private OperatorParser() {
    }

    /** The operator, or {@code null} after a problem (reported). */
    static Operator parse(Object key, Map<?, ?> m, Location where, String subject, Problems problems) {
        int before = problems.size();
        for (Object k : m.keySet()) {
            if (!(k instanceof Keyword kw) || !OPTIONS.contains(kw.getName())) {
                problems.add(where, subject, "unknown operator option " + EdnPrinter.flat(k),
                        "use " + String.join(" ", OPTIONS.stream().map(o -> ":" + o).toList()));
            }
        }
        AggregateParser parts = AggregateParser.forEntry("operator", problems, where, subject);
        Object nameForm = m.get(FieldParser.kw("name"));
        String symbol = nameForm instanceof String s ? s.strip() : null;
        if (symbol == null || symbol.isEmpty() || symbol.length() > 63
                || !symbol.chars().allMatch(ch -> SYMBOL_CHARS.indexOf(ch) >= 0)) {
            problems.add(where, subject, nameForm == null ? "operator has no :name" : "bad operator :name "
                    + EdnPrinter.flat(nameForm), "write the symbol as a string of + - * / < > = ~ ! @ # % ^ & | ` ?,"
                    + " such as :name \"||+\"");
        }
        Object leftForm = m.get(FieldParser.kw("left"));
        String left = leftForm == null ? null : parts.type(leftForm, ":left", true);
        String right = parts.type(m.get(FieldParser.kw("right")), ":right", true);
        String function = parts.function(m, "function", true);
        String commutator = symbolRef(m, "commutator", where, subject, problems);
        String negator = symbolRef(m, "negator", where, subject, problems);
        String restrict = parts.function(m, "restrict", false);
        String join = parts.function(m, "join", false);
        boolean hashes = parts.flag(m, "hashes");
        boolean merges = parts.flag(m, "merges");
        Object comment = m.get(FieldParser.kw("comment"));
        if (comment != null && !(comment instanceof String)) {
            problems.add(where, subject, ":comment must be a string, not " + EdnPrinter.flat(comment),
                    "write :comment \"...\"");
        }
        Object schemaForm = m.get(FieldParser.kw("schema"));
        String schema = schemaForm == null ? Names.schemaOf(key)
                : schemaForm instanceof Keyword kw ? Names.identifier(kw)
                : schemaForm instanceof String str && !str.isEmpty() ? str : null;
        if (schemaForm != null && schema == null) {
            problems.add(where, subject, ":schema must name a schema, not " + EdnPrinter.flat(schemaForm),
                    "write :schema :billing");
        }
        if (problems.size() > before) {
            return null;
        }
        return new Operator(new QualifiedName(schema, symbol), left, right, function, commutator, negator, restrict,
                join, hashes, merges, (String) comment);
    }

    /** A commutator or negator: a symbol, or {@code OPERATOR(schema.sym)} for one in another schema. */
    private static String symbolRef(Map<?, ?> m, String option, Location where, String subject, Problems problems) {
        Object v = m.get(FieldParser.kw(option));
        if (v == null) {
            return null;
        }
        if (v instanceof String s && !s.isBlank()
                && (s.strip().chars().allMatch(ch -> SYMBOL_CHARS.indexOf(ch) >= 0) || s.strip().matches("OPERATOR\\(.+\\)"))) {
            return s.strip();
        }
        problems.add(where, subject, "bad :" + option + " " + EdnPrinter.flat(v),
                "write the operator's symbol as a string, such as :" + option + " \"=\", or \"OPERATOR(other.=)\"");
        return null;
    }
}
