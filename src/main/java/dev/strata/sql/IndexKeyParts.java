package dev.strata.sql;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IndexKeyParts represents one index key element split into its parts: the column or expression,
 * then {@code COLLATE}, the operator class (with its parameters), {@code ASC}/{@code DESC} and
 * {@code NULLS FIRST}/{@code LAST}. {@link #sql()} joins them in the order PostgreSQL's grammar
 * wants; {@link #parse} splits a key as {@code pg_get_indexdef} prints it.
 *
 * @param expression a column name (quoted when it must be), a function call, or an expression in
 *                   parentheses
 * @param collation  the collation as SQL ({@code "C"}), or {@code null}
 * @param opclass    the operator class as SQL, with parameters ({@code gist_trgm_ops (siglen='32')}), or {@code null}
 * @param order      {@code "ASC"}, {@code "DESC"} or {@code null}
 * @param nulls      {@code "FIRST"}, {@code "LAST"} or {@code null}
 */
public record IndexKeyParts(String expression, String collation, String opclass, String order, String nulls) {
    private static final Pattern NAME = Pattern.compile(
            "(?:\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)(?:\\.(?:\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*))*");
    private static final Pattern PLAIN_COLUMN = Pattern.compile("\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*");

    /** The key element as SQL: {@code expr [COLLATE c] [opclass] [ASC|DESC] [NULLS FIRST|LAST]}. */
    public String sql() {
        StringBuilder sql = new StringBuilder(expression);
        if (collation != null) {
            sql.append(" COLLATE ").append(collation);
        }
        if (opclass != null) {
            sql.append(' ').append(opclass);
        }
        if (order != null) {
            sql.append(' ').append(order);
        }
        if (nulls != null) {
            sql.append(" NULLS ").append(nulls);
        }
        return sql.toString();
    }

    /** Whether the key has no option: a bare column or expression. */
    public boolean plain() {
        return collation == null && opclass == null && order == null && nulls == null;
    }

    /** The column this key names when its expression is a plain identifier (unquoted), else {@code null}. */
    public String column() {
        if (!PLAIN_COLUMN.matcher(expression).matches()) {
            return null;
        }
        if (expression.startsWith("\"")) {
            return expression.substring(1, expression.length() - 1).replace("\"\"", "\"");
        }
        // An unquoted identifier folds to lower case; one that is a keyword would be printed quoted.
        return expression.toLowerCase(Locale.ROOT);
    }

    /**
     * Splits a key element as {@code pg_get_indexdef} prints it. The expression is an identifier,
     * a function call ({@code lower(a)}, {@code COALESCE(a, 'x'::text)}) or a parenthesised
     * expression; what follows is {@code COLLATE}, an operator class, {@code DESC} and {@code NULLS}.
     * Returns {@code null} when the text does not have that shape.
     */
    public static IndexKeyParts parse(String key) {
        String text = key.strip();
        int end;
        if (text.startsWith("(")) {
            try {
                end = SqlText.closingParen(text, 0) + 1;
            } catch (IllegalArgumentException e) {
                return null;
            }
        } else {
            Matcher name = NAME.matcher(text);
            if (!name.lookingAt()) {
                return null;
            }
            end = name.end();
            if (end < text.length() && text.charAt(end) == '(') {
                try {
                    end = SqlText.closingParen(text, end) + 1;
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        String expression = text.substring(0, end);
        String rest = text.substring(end).strip();
        String collation = null;
        String opclass = null;
        String order = null;
        String nulls = null;
        if (startsWithWord(rest, "COLLATE")) {
            rest = rest.substring("COLLATE".length()).strip();
            Matcher m = NAME.matcher(rest);
            if (!m.lookingAt()) {
                return null;
            }
            collation = m.group();
            rest = rest.substring(m.end()).strip();
        }
        if (!rest.isEmpty() && !startsWithWord(rest, "ASC") && !startsWithWord(rest, "DESC")
                && !startsWithWord(rest, "NULLS")) {
            Matcher m = NAME.matcher(rest);
            if (!m.lookingAt()) {
                return null;
            }
            int opEnd = m.end();
            String after = rest.substring(opEnd).stripLeading();
            if (after.startsWith("(")) {
                int open = rest.indexOf('(', opEnd);
                try {
                    opEnd = SqlText.closingParen(rest, open) + 1;
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
            opclass = rest.substring(0, opEnd);
            rest = rest.substring(opEnd).strip();
        }
        if (startsWithWord(rest, "ASC") || startsWithWord(rest, "DESC")) {
            order = startsWithWord(rest, "ASC") ? "ASC" : "DESC";
            rest = rest.substring(order.length()).strip();
        }
        if (startsWithWord(rest, "NULLS")) {
            String n = rest.substring("NULLS".length()).strip();
            if (startsWithWord(n, "FIRST") || startsWithWord(n, "LAST")) {
                nulls = startsWithWord(n, "FIRST") ? "FIRST" : "LAST";
                rest = n.substring(nulls.length()).strip();
            } else {
                return null;
            }
        }
        return rest.isEmpty() ? new IndexKeyParts(expression, collation, opclass, order, nulls) : null;
    }

    private static boolean startsWithWord(String text, String word) {
        return text.regionMatches(true, 0, word, 0, word.length())
                && (text.length() == word.length() || !Character.isLetterOrDigit(text.charAt(word.length()))
                && text.charAt(word.length()) != '_');
    }
}
