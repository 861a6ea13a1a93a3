package dev.strata.inspect;

/**
 * SqlScan reads SQL that PostgreSQL printed at the top level: outside parentheses, string
 * literals and quoted identifiers (a doubled quote inside them reads as close-and-reopen).
 */
final class SqlScan {
    private SqlScan() {
    }

    /** The index of the parenthesis that closes the one at {@code open}, or -1. */
    static int closingParen(String sql, int open) {
        int depth = 0;
        for (int i = open; i < sql.length(); i++) {
            char ch = sql.charAt(i);
            if (ch == '\'' || ch == '"') {
                i = endOfQuoted(sql, i);
            } else if (ch == '(') {
                depth++;
            } else if (ch == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The expression without the parentheses that enclose all of it ({@code ((a > 0))} gives {@code a > 0}). */
    static String unwrap(String sql) {
        String s = sql.strip();
        while (s.startsWith("(") && closingParen(s, 0) == s.length() - 1) {
            s = s.substring(1, s.length() - 1).strip();
        }
        return s;
    }

    /** Whether whitespace occurs outside parentheses and quotes (an index key with options: {@code a DESC}). */
    static boolean hasTopLevelSpace(String sql) {
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

    private static int endOfQuoted(String sql, int open) {
        int close = sql.indexOf(sql.charAt(open), open + 1);
        return close < 0 ? sql.length() : close;
    }
}
