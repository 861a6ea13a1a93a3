package dev.strata.corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * SqlText splits a PostgreSQL script into statements and blanks out what is not code (comments,
 * string literals, dollar-quoted bodies, quoted identifiers), so that keyword scans do not match
 * inside a function body or a column called {@code "grant"}.
 */
final class SqlText {
    private SqlText() {
    }

    /**
     * The script's statements, each trimmed, without the terminating semicolon. With
     * {@code codeOnly} every literal, comment and quoted identifier is replaced by one space.
     * SQL-standard function bodies ({@code BEGIN ATOMIC ... END}) are not recognised.
     */
    static List<String> statements(String sql, boolean codeOnly) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean hasCode = false;
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            int end;
            if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                end = sql.indexOf('\n', i);
                end = end < 0 ? n : end;
                append(current, sql, i, end, codeOnly);
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                end = blockCommentEnd(sql, i);
                append(current, sql, i, end, codeOnly);
            } else if (c == ';') {
                if (hasCode) {
                    add(out, current);
                }
                current.setLength(0);
                hasCode = false;
                end = i + 1;
            } else if (c == '\'') {
                boolean escapes = i > 0 && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e')
                        && (i < 2 || !Character.isLetterOrDigit(sql.charAt(i - 2)));
                end = quotedEnd(sql, i, '\'', escapes);
                append(current, sql, i, end, codeOnly);
            } else if (c == '"') {
                end = quotedEnd(sql, i, '"', false);
                append(current, sql, i, end, codeOnly);
            } else if (c == '$' && dollarTag(sql, i) != null) {
                String tag = dollarTag(sql, i);
                int close = sql.indexOf(tag, i + tag.length());
                end = close < 0 ? n : close + tag.length();
                append(current, sql, i, end, codeOnly);
            } else {
                current.append(c);
                end = i + 1;
            }
            hasCode |= c != ';' && !Character.isWhitespace(c) && !isComment(sql, i);
            i = end;
        }
        if (hasCode) {
            add(out, current);
        }
        return out;
    }

    private static boolean isComment(String sql, int i) {
        return sql.startsWith("--", i) || sql.startsWith("/*", i);
    }

    private static void append(StringBuilder target, String sql, int from, int to, boolean codeOnly) {
        if (codeOnly) {
            target.append(' ');
        } else {
            target.append(sql, from, to);
        }
    }

    private static void add(List<String> out, StringBuilder statement) {
        String s = statement.toString().strip();
        if (!s.isEmpty()) {
            out.add(s);
        }
    }

    private static int blockCommentEnd(String sql, int start) {
        int depth = 0;
        int i = start;
        while (i < sql.length()) {
            if (sql.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }

    private static int quotedEnd(String sql, int start, char quote, boolean backslashEscapes) {
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }

    /** The dollar-quote tag ({@code $$}, {@code $body$}) starting at {@code i}, or {@code null}. */
    private static String dollarTag(String sql, int i) {
        if (i > 0 && (Character.isLetterOrDigit(sql.charAt(i - 1)) || sql.charAt(i - 1) == '_')) {
            return null;
        }
        int j = i + 1;
        while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
            if (j == i + 1 && Character.isDigit(sql.charAt(j))) {
                return null;
            }
            j++;
        }
        return j < sql.length() && sql.charAt(j) == '$' ? sql.substring(i, j + 1) : null;
    }
}
