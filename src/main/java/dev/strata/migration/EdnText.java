package dev.strata.migration;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import us.bpsm.edn.Keyword;
import us.bpsm.edn.Symbol;

/**
 * EdnText prints EDN data (as edn-java reads it) on one line with a stable key order: the keys
 * that name what an action touches come first ({@code :action :table-name :column-name ...}),
 * the rest alphabetically. Strings keep their line breaks, so SQL bodies stay readable.
 */
public final class EdnText {
    private static final List<String> LEADING_KEYS = List.of(
            "action", "table-name", "column-name", "index-name", "constraint-name", "type-name",
            "name", "type", "new-name");

    private EdnText() {
    }

    /** One value as EDN text. */
    public static String print(Object value) {
        StringBuilder sb = new StringBuilder();
        print(value, sb);
        return sb.toString();
    }

    /** A map's keys in printing order. */
    public static List<Object> orderedKeys(Map<?, ?> map) {
        List<Object> keys = new ArrayList<>(map.keySet());
        keys.sort((a, b) -> {
            int ra = rank(a);
            int rb = rank(b);
            return ra != rb ? Integer.compare(ra, rb) : String.valueOf(a).compareTo(String.valueOf(b));
        });
        return keys;
    }

    private static int rank(Object key) {
        if (key instanceof Keyword k) {
            int i = LEADING_KEYS.indexOf(k.getName());
            return i < 0 ? LEADING_KEYS.size() : i;
        }
        return LEADING_KEYS.size();
    }

    private static void print(Object value, StringBuilder sb) {
        if (value == null) {
            sb.append("nil");
        } else if (value instanceof String s) {
            sb.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        } else if (value instanceof Keyword || value instanceof Symbol || value instanceof Boolean
                || value instanceof Long || value instanceof Integer || value instanceof Double) {
            sb.append(value);
        } else if (value instanceof BigDecimal d) {
            sb.append(d.toPlainString()).append('M');
        } else if (value instanceof BigInteger i) {
            sb.append(i).append('N');
        } else if (value instanceof Map<?, ?> map) {
            sb.append('{');
            String sep = "";
            for (Object key : orderedKeys(map)) {
                sb.append(sep);
                print(key, sb);
                sb.append(' ');
                print(map.get(key), sb);
                sep = " ";
            }
            sb.append('}');
        } else if (value instanceof Set<?> set) {
            sb.append("#{").append(set.stream().map(EdnText::print).sorted().collect(Collectors.joining(" "))).append('}');
        } else if (value instanceof List<?> list) {
            sb.append('[').append(list.stream().map(EdnText::print).collect(Collectors.joining(" "))).append(']');
        } else {
            throw new IllegalStateException("unsupported EDN value " + value.getClass().getName() + ": " + value);
        }
    }
}
