package dev.strata.edn;

import java.math.BigDecimal;
import java.util.AbstractMap;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import us.bpsm.edn.Keyword;
import us.bpsm.edn.Symbol;
import us.bpsm.edn.TaggedValue;

/**
 * EdnPrinter prints EDN deterministically: map keys and set elements sorted by their printed
 * form, vectors in order. {@link #pretty} breaks a form over several lines when it does not fit
 * in {@value #WIDTH} columns: map entries one per line with values aligned after their key,
 * vector elements one per line.
 */
public final class EdnPrinter {
    static final int WIDTH = 100;

    private EdnPrinter() {
    }

    /** The value on one line. */
    public static String flat(Object value) {
        StringBuilder out = new StringBuilder();
        flat(value, out);
        return out.toString();
    }

    /** The value pretty-printed, ending without a newline. */
    public static String pretty(Object value) {
        StringBuilder out = new StringBuilder();
        pretty(value, 0, out);
        return out.toString();
    }

    private static void pretty(Object value, int column, StringBuilder out) {
        String one = flat(value);
        if (column + one.length() <= WIDTH || !(value instanceof Map || value instanceof List
                || value instanceof Set)) {
            out.append(one);
            return;
        }
        if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : sortedEntries(map)) {
                if (!first) {
                    out.append('\n').append(" ".repeat(column + 1));
                }
                first = false;
                out.append(e.getKey()).append(' ');
                pretty(e.getValue(), column + 1 + e.getKey().length() + 1, out);
            }
            out.append('}');
        } else {
            List<Object> items = value instanceof Set<?> set ? sortedSet(set) : new ArrayList<>((List<?>) value);
            String open = value instanceof Set ? "#{" : "[";
            out.append(open);
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) {
                    out.append('\n').append(" ".repeat(column + open.length()));
                }
                pretty(items.get(i), column + open.length(), out);
            }
            out.append(value instanceof Set ? "}" : "]");
        }
    }

    private static void flat(Object value, StringBuilder out) {
        if (value == null) {
            out.append("nil");
        } else if (value instanceof Boolean || value instanceof Long || value instanceof Integer
                || value instanceof Short || value instanceof Byte) {
            out.append(value);
        } else if (value instanceof BigInteger b) {
            out.append(b).append('N');
        } else if (value instanceof BigDecimal d) {
            out.append(d.toPlainString()).append('M');
        } else if (value instanceof Double || value instanceof Float) {
            String s = value.toString();
            out.append(s.contains(".") || s.contains("E") || s.contains("N") || s.contains("I") ? s : s + ".0");
        } else if (value instanceof String s) {
            string(s, out);
        } else if (value instanceof Character c) {
            character(c, out);
        } else if (value instanceof Keyword || value instanceof Symbol) {
            out.append(value);
        } else if (value instanceof UUID u) {
            out.append("#uuid \"").append(u).append('"');
        } else if (value instanceof TaggedValue t) {
            out.append(t.getTag()).append(' ');
            flat(t.getValue(), out);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : sortedEntries(map)) {
                if (!first) {
                    out.append(' ');
                }
                first = false;
                out.append(e.getKey()).append(' ');
                flat(e.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof Set<?> set) {
            out.append("#{");
            items(sortedSet(set), out);
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            items(list, out);
            out.append(']');
        } else {
            throw new IllegalStateException("unsupported EDN value " + value.getClass().getName() + ": " + value);
        }
    }

    private static void items(Collection<?> items, StringBuilder out) {
        boolean first = true;
        for (Object item : items) {
            if (!first) {
                out.append(' ');
            }
            first = false;
            flat(item, out);
        }
    }

    private static List<Map.Entry<String, Object>> sortedEntries(Map<?, ?> map) {
        List<Map.Entry<String, Object>> entries = new ArrayList<>();
        map.forEach((k, v) -> entries.add(new AbstractMap.SimpleImmutableEntry<>(flat(k), v)));
        entries.sort(Map.Entry.comparingByKey());
        return entries;
    }

    private static List<Object> sortedSet(Set<?> set) {
        List<Object> items = new ArrayList<>(set);
        items.sort(Comparator.comparing(EdnPrinter::flat));
        return items;
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static void character(char c, StringBuilder out) {
        switch (c) {
            case '\n' -> out.append("\\newline");
            case ' ' -> out.append("\\space");
            case '\t' -> out.append("\\tab");
            case '\r' -> out.append("\\return");
            default -> out.append('\\').append(c);
        }
    }
}
