package dev.strata.migration;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import us.bpsm.edn.Keyword;

/**
 * ActionView reads the attributes of one action map, turning names into SQL identifiers
 * ({@code :billing-email} becomes {@code billing_email}; strings are taken as written) and
 * malformed attributes into errors that name the file and the action.
 */
final class ActionView {
    private final Map<Keyword, Object> action;
    private final int position;
    private final Path file;

    ActionView(Map<Keyword, Object> action, int position, Path file) {
        this.action = action;
        this.position = position;
        this.file = file;
    }

    String kind() {
        return ((Keyword) action.get(Keyword.newKeyword("action"))).getName();
    }

    /** Where this action is, for messages. */
    String where() {
        return (file == null ? "" : file + ", ") + "action " + position + " (:" + kind() + ")";
    }

    Map<Keyword, Object> attributes() {
        return action;
    }

    Object optional(String key) {
        return action.get(Keyword.newKeyword(key));
    }

    Object required(String key) {
        Object v = optional(key);
        if (v == null) {
            throw problem("has no :" + key, "add :" + key);
        }
        return v;
    }

    boolean flag(String key) {
        return Boolean.TRUE.equals(optional(key));
    }

    String table() {
        return name("table-name");
    }

    String name(String key) {
        Object v = required(key);
        String name = identifier(v);
        if (name == null) {
            throw problem("has :" + key + " " + EdnText.print(v) + ", which is not a keyword or a string",
                    "write e.g. :" + key + " :accounts");
        }
        return name;
    }

    List<String> names(String key) {
        Object v = required(key);
        List<String> result = new ArrayList<>();
        if (v instanceof List<?> list && !list.isEmpty()) {
            for (Object item : list) {
                String name = identifier(item);
                if (name == null) {
                    result.clear();
                    break;
                }
                result.add(name);
            }
        }
        if (result.isEmpty()) {
            throw problem("has :" + key + " " + EdnText.print(v) + ", which is not a vector of names", "write e.g. :" + key + " [:status]");
        }
        return result;
    }

    /** A vector of strings (index keys as SQL, enum labels). */
    List<String> strings(String key) {
        Object v = required(key);
        if (v instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return list.stream().map(String.class::cast).toList();
        }
        throw problem("has :" + key + " " + EdnText.print(v) + ", which is not a vector of strings", "write e.g. :" + key + " [\"a\" \"b\"]");
    }

    /** A vector of keywords as words: {@code [:owned-by :cache]} reads "owned by, cache". */
    List<String> words(String key) {
        Object v = required(key);
        if (v instanceof List<?> list && list.stream().allMatch(Keyword.class::isInstance)) {
            return list.stream().map(k -> ((Keyword) k).getName().replace('-', ' ')).toList();
        }
        throw problem("has :" + key + " " + EdnText.print(v) + ", which is not a vector of keywords", "write e.g. :" + key + " [:increment]");
    }

    String string(String key) {
        Object v = required(key);
        if (!(v instanceof String s)) {
            throw problem("has :" + key + " that is not a string", "write :" + key + " \"SQL\"");
        }
        return s;
    }

    Map<?, ?> map(String key) {
        Object v = required(key);
        if (!(v instanceof Map<?, ?> m)) {
            throw problem("has :" + key + " " + EdnText.print(v) + ", which is not a map", "write :" + key + " {:type ... :null ...}");
        }
        return m;
    }

    /** A predicate written as a string or {@code [:raw "sql"]}. */
    String sqlExpression(String key) {
        Object v = required(key);
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof List<?> l && l.size() == 2 && Keyword.newKeyword("raw").equals(l.get(0)) && l.get(1) instanceof String s) {
            return s;
        }
        throw problem("has :" + key + " " + EdnText.print(v) + ", which is not SQL", "write :" + key + " [:raw \"status <> 'archived'\"]");
    }

    StrataException problem(String what, String fix) {
        return new StrataException(ErrorCode.MIGRATION_FILES, "migration file " + (file == null ? "" : file + ", ")
                + "action " + position + " (:" + kind() + ") " + what + ".\n  Fix: " + fix + ".");
    }

    static String identifier(Object v) {
        if (v instanceof Keyword k) {
            return k.getName().replace('-', '_');
        }
        if (v instanceof String s && !s.isEmpty()) {
            return s;
        }
        return null;
    }
}
