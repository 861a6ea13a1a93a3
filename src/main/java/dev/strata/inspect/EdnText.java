package dev.strata.inspect;

import java.util.List;
import java.util.Map;
import us.bpsm.edn.Keyword;

/**
 * EdnText prints model data as readable EDN: maps keep their insertion order, a map or vector
 * that fits on one line within {@link #WIDTH} columns stays on one line, and anything larger
 * puts one entry per line aligned under the first. Top-level entries are separated by a blank
 * line. Strings keep their line breaks, so SQL reads as PostgreSQL printed it.
 *
 * <p>Values: {@link Map} (a map), {@link List} (a vector), {@link Keyword}, {@link String},
 * integer numbers, {@link Boolean} and {@code null} (nil).
 */
final class EdnText {
    static final int WIDTH = 100;

    private EdnText() {
    }

    /** A whole file: comment lines, then the top-level map with a blank line between entries. */
    static String file(List<String> comments, Map<?, ?> top) {
        StringBuilder out = new StringBuilder();
        for (String c : comments) {
            out.append(c.isEmpty() ? ";;" : ";; " + c).append('\n');
        }
        if (top.isEmpty()) {
            return out.append("{}\n").toString();
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : top.entrySet()) {
            if (!first) {
                out.append("\n\n ");
            }
            first = false;
            String key = flat(e.getKey());
            out.append(key).append(' ');
            value(out, e.getValue(), 1 + key.length() + 1);
        }
        return out.append("}\n").toString();
    }

    /** The value on one line (strings may still hold line breaks). */
    static String flat(Object value) {
        StringBuilder out = new StringBuilder();
        flat(out, value);
        return out.toString();
    }

    private static void flat(StringBuilder out, Object value) {
        if (value instanceof Map<?, ?> m) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    out.append(' ');
                }
                first = false;
                flat(out, e.getKey());
                out.append(' ');
                flat(out, e.getValue());
            }
            out.append('}');
        } else if (value instanceof List<?> l) {
            out.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    out.append(' ');
                }
                flat(out, l.get(i));
            }
            out.append(']');
        } else {
            out.append(scalar(value));
        }
    }

    static String scalar(Object value) {
        if (value == null) {
            return "nil";
        } else if (value instanceof Keyword k) {
            return k.toString();
        } else if (value instanceof String s) {
            return string(s);
        } else if (value instanceof Boolean || value instanceof Long || value instanceof Integer) {
            return value.toString();
        } else if (value instanceof Double d && !d.isNaN() && !d.isInfinite()) {
            String plain = java.math.BigDecimal.valueOf(d).toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        throw new IllegalStateException("unsupported EDN value " + value.getClass().getName() + ": " + value);
    }

    /** A string literal: line breaks and tabs stay as they are, so SQL keeps its shape. */
    static String string(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"' || ch == '\\') {
                out.append('\\').append(ch);
            } else if (ch == '\r') {
                out.append("\\r");
            } else {
                out.append(ch);
            }
        }
        return out.append('"').toString();
    }

    private static void value(StringBuilder out, Object value, int column) {
        String flat = flat(value);
        if (fits(flat, column) && !forcesLines(value)) {
            out.append(flat);
        } else if (value instanceof Map<?, ?> m && !m.isEmpty()) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    out.append('\n').append(" ".repeat(column + 1));
                }
                first = false;
                String key = flat(e.getKey());
                out.append(key).append(' ');
                value(out, e.getValue(), column + 1 + key.length() + 1);
            }
            out.append('}');
        } else if (value instanceof List<?> l && !l.isEmpty()) {
            out.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    out.append('\n').append(" ".repeat(column + 1));
                }
                value(out, l.get(i), column + 1);
            }
            out.append(']');
        } else {
            out.append(flat);
        }
    }

    private static boolean fits(String flat, int column) {
        return flat.indexOf('\n') < 0 && column + flat.length() <= WIDTH;
    }

    /** A map holding maps (a table's fields) and a vector of several maps always take one line per entry. */
    private static boolean forcesLines(Object value) {
        if (value instanceof Map<?, ?> m) {
            return m.values().stream().anyMatch(v -> v instanceof Map<?, ?> inner && !inner.isEmpty()
                    || v instanceof List<?> l && l.size() > 1 && l.stream().anyMatch(Map.class::isInstance));
        }
        if (value instanceof List<?> l) {
            return l.size() > 1 && l.stream().anyMatch(Map.class::isInstance);
        }
        return false;
    }
}
