package dev.strata.load;

import dev.strata.edn.EdnPrinter;
import dev.strata.sql.Identifiers;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import us.bpsm.edn.Keyword;

/**
 * SqlExpressions renders the model's expression forms to SQL: column defaults and the small
 * HoneySQL-style condition vectors of {@code :check} and index {@code :where}
 * ({@code [:and [:> :month 0] [:<= :month 12]]}). Keywords are column identifiers, strings
 * literals, nil NULL; {@code [:raw "sql"]} is taken verbatim anywhere.
 */
final class SqlExpressions {
    private static final Map<String, String> COMPARISONS = Map.ofEntries(
            Map.entry("=", "="), Map.entry("<>", "<>"), Map.entry("!=", "<>"), Map.entry("<", "<"),
            Map.entry("<=", "<="), Map.entry(">", ">"), Map.entry(">=", ">="), Map.entry("like", "LIKE"),
            Map.entry("not-like", "NOT LIKE"), Map.entry("ilike", "ILIKE"), Map.entry("not-ilike", "NOT ILIKE"),
            Map.entry("~", "~"), Map.entry("~*", "~*"));
    private static final Set<String> LOGIC = Set.of("and", "or", "not", "in", "not-in", "is", "is-not",
            "between");
    private static final Set<String> ARITHMETIC = Set.of("+", "-", "*", "/", "%", "||");
    /** SQL value functions written without parentheses. */
    private static final Set<String> VALUE_FUNCTIONS = Set.of("current_timestamp", "current_date",
            "current_time", "localtime", "localtimestamp", "current_user", "session_user", "current_role",
            "current_catalog", "user");

    private SqlExpressions() {
    }

    /**
     * A {@code :default} as SQL: literals, {@code :now} / {@code [:now]}, {@code [:fn args...]} for a
     * function call, {@code [:raw "sql"]}; nil gives null (no default).
     */
    static String defaultExpr(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Keyword k) {
            return call(k, List.of());
        }
        if (value instanceof List<?> v && !v.isEmpty() && v.get(0) instanceof Keyword head) {
            if (head.getName().equals("raw")) {
                return raw(v);
            }
            if (head.getName().equals("nextval")) {
                return nextval(v);
            }
            List<String> args = new ArrayList<>();
            for (Object arg : v.subList(1, v.size())) {
                args.add(arg instanceof List ? defaultExpr(arg) : operand(arg));
            }
            return call(head, args);
        }
        if (value instanceof List || value instanceof Map || value instanceof Set) {
            throw new InvalidSpec("cannot read default " + EdnPrinter.flat(value),
                    "use a literal, :now, [:function-name args...] or [:raw \"SQL\"]");
        }
        return operand(value);
    }

    /**
     * {@code [:nextval :order-number]} gives {@code nextval('order_number'::regclass)}, the form
     * PostgreSQL itself stores, so that the catalog reads back the same text.
     */
    private static String nextval(List<?> v) {
        Object name = v.size() == 2 ? v.get(1) : null;
        if (!(name instanceof Keyword || name instanceof String)) {
            throw new InvalidSpec("cannot read default " + EdnPrinter.flat(v),
                    "write [:nextval :sequence-name], naming a sequence of models.edn");
        }
        return "nextval(" + dev.strata.sql.Identifiers.literal(dev.strata.sql.Identifiers.quote(Names.identifier(name)))
                + "::regclass)";
    }

    private static String call(Keyword fn, List<String> args) {
        String name = Names.snake(fn.getName());
        if (name.equals("now") || !VALUE_FUNCTIONS.contains(name)) {
            if (fn.getName().isEmpty() || !fn.getName().matches("[A-Za-z_][A-Za-z0-9_-]*")) {
                throw new InvalidSpec("bad function name " + fn, "write [:function-name args...]");
            }
            return name + "(" + String.join(", ", args) + ")";
        }
        if (!args.isEmpty()) {
            throw new InvalidSpec(fn + " takes no arguments", "write " + fn);
        }
        return name.toUpperCase(java.util.Locale.ROOT);
    }

    /** A {@code :check} / {@code :where} condition as SQL. */
    static String condition(Object form) {
        if (form instanceof String s && !s.isBlank()) {
            return s.trim();
        }
        if (!(form instanceof List<?> v) || v.isEmpty() || !(v.get(0) instanceof Keyword)) {
            throw new InvalidSpec("cannot read condition " + EdnPrinter.flat(form),
                    "write [:raw \"SQL\"] or a vector such as [:and [:> :month 0] [:<= :month 12]]");
        }
        return expr(v);
    }

    private static String expr(List<?> v) {
        String op = ((Keyword) v.get(0)).getName();
        List<?> args = v.subList(1, v.size());
        switch (op) {
            case "raw":
                return raw(v);
            case "and":
            case "or":
                if (args.isEmpty()) {
                    throw new InvalidSpec("[:" + op + "] needs operands", "give at least one condition");
                }
                List<String> parts = new ArrayList<>();
                for (Object a : args) {
                    parts.add(nested(a));
                }
                return String.join(" " + op.toUpperCase(java.util.Locale.ROOT) + " ", parts);
            case "not":
                arity(v, 1);
                return "NOT (" + condition(args.get(0)) + ")";
            case "in":
            case "not-in":
                arity(v, 2);
                if (!(args.get(1) instanceof List<?> values) || values.isEmpty()) {
                    throw new InvalidSpec("[:" + op + "] needs a non-empty vector of values",
                            "write [:" + op + " :column [\"a\" \"b\"]]");
                }
                List<String> items = new ArrayList<>();
                for (Object item : values) {
                    items.add(operand(item));
                }
                return operand(args.get(0)) + (op.equals("in") ? " IN (" : " NOT IN (") + String.join(", ", items) + ")";
            case "is":
            case "is-not":
                arity(v, 2);
                return operand(args.get(0)) + (op.equals("is") ? " IS " : " IS NOT ") + operand(args.get(1));
            case "between":
                arity(v, 3);
                return operand(args.get(0)) + " BETWEEN " + operand(args.get(1)) + " AND " + operand(args.get(2));
            default:
                break;
        }
        String comparison = COMPARISONS.get(op);
        if (comparison != null) {
            arity(v, 2);
            if (args.get(1) == null && (op.equals("=") || op.equals("<>") || op.equals("!="))) {
                return operand(args.get(0)) + (op.equals("=") ? " IS NULL" : " IS NOT NULL");
            }
            return operand(args.get(0)) + " " + comparison + " " + operand(args.get(1));
        }
        if (ARITHMETIC.contains(op)) {
            if (args.size() < 2) {
                throw new InvalidSpec("[:" + op + "] needs two or more operands", "write [:" + op + " :a :b]");
            }
            List<String> parts = new ArrayList<>();
            for (Object a : args) {
                parts.add(operand(a));
            }
            return "(" + String.join(" " + op + " ", parts) + ")";
        }
        List<String> callArgs = new ArrayList<>();
        for (Object a : args) {
            callArgs.add(operand(a));
        }
        return call((Keyword) v.get(0), callArgs);
    }

    /** An operand of AND / OR: parenthesised when it is itself an AND, an OR or a raw condition. */
    private static String nested(Object a) {
        String sql = condition(a);
        boolean compound = a instanceof List<?> l && l.get(0) instanceof Keyword k
                && Set.of("and", "or", "raw").contains(k.getName());
        return compound ? "(" + sql + ")" : sql;
    }

    private static String operand(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Keyword k) {
            return Identifiers.quote(Names.snake(k.getName()));
        }
        if (value instanceof String s) {
            return Identifiers.literal(s);
        }
        if (value instanceof Boolean b) {
            return b ? "true" : "false";
        }
        if (value instanceof Long || value instanceof BigInteger || value instanceof Double) {
            return value.toString();
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof Keyword k) {
            String op = k.getName();
            String sql = expr(l);
            boolean selfContained = ARITHMETIC.contains(op)
                    || (!LOGIC.contains(op) && !COMPARISONS.containsKey(op) && !op.equals("raw"));
            return selfContained ? sql : "(" + sql + ")";
        }
        throw new InvalidSpec("cannot use " + EdnPrinter.flat(value) + " in an expression",
                "use a keyword (column), a string, a number, true/false, nil or a vector");
    }

    private static String raw(List<?> v) {
        if (v.size() != 2 || !(v.get(1) instanceof String sql) || sql.isBlank()) {
            throw new InvalidSpec("bad raw form " + EdnPrinter.flat(v), "write [:raw \"SQL\"]");
        }
        return sql.trim();
    }

    private static void arity(List<?> v, int n) {
        if (v.size() != n + 1) {
            throw new InvalidSpec(EdnPrinter.flat(v) + " needs " + n + (n == 1 ? " operand" : " operands"),
                    "see docs/model-format.md, \"Conditions\"");
        }
    }
}
