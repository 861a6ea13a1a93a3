package dev.strata.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * SqlStatements splits a SQL script into statements the way psql does: a semicolon ends a
 * statement only outside string literals ({@code '...'}, {@code E'...'}), quoted identifiers,
 * dollar-quoted bodies ({@code $$...$$}, {@code $tag$...$tag$}), comments ({@code --},
 * nested {@code /* *}{@code /}), parentheses and the {@code BEGIN ATOMIC ... END} body of a
 * SQL-standard function. Statements keep their text (comments included) without the final
 * semicolon; pieces holding only comments are dropped.
 */
public final class SqlStatements {
    private SqlStatements() {
    }

    /** The statements of a script, in order. */
    public static List<String> split(String sql) {
        return new Splitter(sql).run();
    }

    private static final class Splitter {
        private final String s;
        private final List<String> out = new ArrayList<>();
        private final List<String> leadingWords = new ArrayList<>();
        private int start;
        private boolean hasCode;
        private int parenDepth;
        private int beginDepth;

        Splitter(String s) {
            this.s = s;
        }

        List<String> run() {
            int i = 0;
            int n = s.length();
            while (i < n) {
                char c = s.charAt(i);
                if (c == '-' && i + 1 < n && s.charAt(i + 1) == '-') {
                    int eol = s.indexOf('\n', i);
                    i = eol < 0 ? n : eol + 1;
                } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                    i = skipBlockComment(i);
                } else if (Character.isWhitespace(c)) {
                    i++;
                } else {
                    hasCode |= c != ';';
                    i = code(i, c);
                }
            }
            emit(n);
            return out;
        }

        private int code(int i, char c) {
            if (c == '\'') {
                return skipString(i + 1, escapePrefixed(i));
            }
            if (c == '"') {
                return skipQuotedIdentifier(i + 1);
            }
            if (c == '$') {
                String tag = dollarTag(i);
                if (tag != null) {
                    int close = s.indexOf(tag, i + tag.length());
                    return close < 0 ? s.length() : close + tag.length();
                }
                return i + 1;
            }
            if (c == '(') {
                parenDepth++;
                return i + 1;
            }
            if (c == ')') {
                parenDepth = Math.max(0, parenDepth - 1);
                return i + 1;
            }
            if (c == ';') {
                if (parenDepth == 0 && beginDepth == 0) {
                    emit(i);
                    start = i + 1;
                }
                return i + 1;
            }
            if (isIdentStart(c)) {
                int end = i + 1;
                while (end < s.length() && isIdentPart(s.charAt(end))) {
                    end++;
                }
                word(s.substring(i, end).toLowerCase(Locale.ROOT));
                return end;
            }
            return i + 1;
        }

        // psql's rule: inside CREATE [OR REPLACE] FUNCTION|PROCEDURE, BEGIN and CASE open a block
        // that END closes, so the semicolons of a BEGIN ATOMIC body do not end the statement.
        private void word(String w) {
            if (leadingWords.size() < 4) {
                leadingWords.add(w);
            }
            if (!routineDefinition()) {
                return;
            }
            if (w.equals("begin") || (w.equals("case") && beginDepth > 0)) {
                beginDepth++;
            } else if (w.equals("end") && beginDepth > 0) {
                beginDepth--;
            }
        }

        private boolean routineDefinition() {
            List<String> w = leadingWords;
            if (w.size() >= 2 && w.get(0).equals("create") && isRoutine(w.get(1))) {
                return true;
            }
            return w.size() >= 4 && w.get(0).equals("create") && w.get(1).equals("or")
                    && w.get(2).equals("replace") && isRoutine(w.get(3));
        }

        private static boolean isRoutine(String w) {
            return w.equals("function") || w.equals("procedure");
        }

        private void emit(int end) {
            if (hasCode) {
                out.add(s.substring(start, end).strip());
            }
            hasCode = false;
            parenDepth = 0;
            beginDepth = 0;
            leadingWords.clear();
        }

        private boolean escapePrefixed(int quote) {
            if (quote == 0 || Character.toLowerCase(s.charAt(quote - 1)) != 'e') {
                return false;
            }
            return quote == 1 || !isIdentPart(s.charAt(quote - 2));
        }

        private int skipString(int i, boolean backslashEscapes) {
            int n = s.length();
            while (i < n) {
                char c = s.charAt(i);
                if (backslashEscapes && c == '\\') {
                    i += 2;
                } else if (c == '\'') {
                    if (i + 1 < n && s.charAt(i + 1) == '\'') {
                        i += 2;
                    } else {
                        return i + 1;
                    }
                } else {
                    i++;
                }
            }
            return n;
        }

        private int skipQuotedIdentifier(int i) {
            int n = s.length();
            while (i < n) {
                if (s.charAt(i) == '"') {
                    if (i + 1 < n && s.charAt(i + 1) == '"') {
                        i += 2;
                    } else {
                        return i + 1;
                    }
                } else {
                    i++;
                }
            }
            return n;
        }

        private int skipBlockComment(int i) {
            int depth = 0;
            int n = s.length();
            while (i < n) {
                if (s.startsWith("/*", i)) {
                    depth++;
                    i += 2;
                } else if (s.startsWith("*/", i)) {
                    depth--;
                    i += 2;
                    if (depth == 0) {
                        return i;
                    }
                } else {
                    i++;
                }
            }
            return n;
        }

        /** The opening {@code $tag$} at i, or null when the dollar sign starts no quote ($1, a$b). */
        private String dollarTag(int i) {
            if (i > 0 && isIdentPart(s.charAt(i - 1))) {
                return null;
            }
            int j = i + 1;
            if (j < s.length() && isIdentStart(s.charAt(j))) {
                j++;
                while (j < s.length() && isIdentPart(s.charAt(j)) && s.charAt(j) != '$') {
                    j++;
                }
            }
            if (j < s.length() && s.charAt(j) == '$') {
                return s.substring(i, j + 1);
            }
            return null;
        }

        private static boolean isIdentStart(char c) {
            return Character.isLetter(c) || c == '_';
        }

        private static boolean isIdentPart(char c) {
            return Character.isLetterOrDigit(c) || c == '_' || c == '$';
        }
    }
}
