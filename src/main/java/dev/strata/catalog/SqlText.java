package dev.strata.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * SqlText scans SQL that PostgreSQL printed (pg_get_indexdef, pg_get_constraintdef) at the top
 * level: outside parentheses, string literals and quoted identifiers.
 */
final class SqlText {
    private SqlText() {
    }

    /** The index of the parenthesis that closes the one at {@code open}. */
    static int closingParen(String sql, int open) {
        if (sql.charAt(open) != '(') {
            throw new IllegalArgumentException("no '(' at " + open + " in: " + sql);
        }
        int depth = 0;
        for (int i = open; i < sql.length(); i++) {
            char ch = sql.charAt(i);
            if (ch == '\'' || ch == '"') {
                i = endOfQuoted(sql, i);
            } else if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        throw new IllegalArgumentException("unbalanced parentheses in: " + sql);
    }

    /** The first occurrence of {@code word} at top level from {@code from} on, or -1. */
    static int indexOfTopLevel(String sql, String word, int from) {
        int depth = 0;
        for (int i = from; i < sql.length(); i++) {
            char ch = sql.charAt(i);
            if (depth == 0 && sql.startsWith(word, i)) {
                return i;
            }
            if (ch == '\'' || ch == '"') {
                i = endOfQuoted(sql, i);
            } else if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
            }
        }
        return -1;
    }

    /** The parts of a comma-separated list, split at top-level commas and trimmed. */
    static List<String> splitTopLevel(String list) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        int comma;
        while ((comma = indexOfTopLevel(list, ",", start)) >= 0) {
            parts.add(list.substring(start, comma).trim());
            start = comma + 1;
        }
        String last = list.substring(start).trim();
        if (!last.isEmpty() || !parts.isEmpty()) {
            parts.add(last);
        }
        return parts;
    }

    // PostgreSQL doubles the quote character inside literals and identifiers, so a doubled quote
    // simply reads as closing and reopening.
    private static int endOfQuoted(String sql, int open) {
        char quote = sql.charAt(open);
        int close = sql.indexOf(quote, open + 1);
        if (close < 0) {
            throw new IllegalArgumentException("unterminated " + quote + " in: " + sql);
        }
        return close;
    }
}
