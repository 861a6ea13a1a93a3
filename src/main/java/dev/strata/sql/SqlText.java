package dev.strata.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * SqlText scans SQL expressions at the top level: outside parentheses, string literals and
 * quoted identifiers (a doubled quote inside them reads as close-and-reopen). The catalog reader
 * splits what PostgreSQL printed with it; the loader, inspect and the DDL builders use it to tell
 * whether an expression is already enclosed in parentheses.
 */
public final class SqlText {
    private SqlText() {
    }

    /** The index of the parenthesis that closes the one at {@code open}. */
    public static int closingParen(String sql, int open) {
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
    public static int indexOfTopLevel(String sql, String word, int from) {
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
    public static List<String> splitTopLevel(String list) {
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

    /** Whether one pair of parentheses encloses the whole text: {@code (a)} yes, {@code (a) + (b)} no. */
    public static boolean enclosed(String sql) {
        if (!sql.startsWith("(") || !sql.endsWith(")")) {
            return false;
        }
        try {
            return closingParen(sql, 0) == sql.length() - 1;
        } catch (IllegalArgumentException unbalanced) {
            return false;
        }
    }

    /** The expression without the parentheses that enclose all of it ({@code ((a > 0))} gives {@code a > 0}). */
    public static String unwrap(String sql) {
        String s = sql.strip();
        while (enclosed(s)) {
            s = s.substring(1, s.length() - 1).strip();
        }
        return s;
    }

    /** Whether whitespace occurs outside parentheses and quotes (an index key with options: {@code a DESC}). */
    public static boolean hasTopLevelSpace(String sql) {
        int depth = 0;
        for (int i = 0; i < sql.length(); i++) {
            char ch = sql.charAt(i);
            if (ch == '\'' || ch == '"') {
                i = endOfQuoted(sql, i);
            } else if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
            } else if (depth == 0 && Character.isWhitespace(ch)) {
                return true;
            }
        }
        return false;
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
