package dev.strata.corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * AtlasHcl reads the subset of HCL that Atlas's schema files use into a plain tree: blocks with
 * labels ({@code table "users" { ... }}), attributes ({@code null = true}) and the expressions
 * seen there: strings, numbers, booleans, references ({@code column.id}, {@code table.t.column.c},
 * {@code enum.status}), function calls ({@code varchar(128)}, {@code sql("...")}) and lists.
 * Nothing is evaluated: a reference stays a list of names, a call stays a name and arguments, so
 * the translator sees what the file says. Comments ({@code #}, {@code //}, {@code /* *}{@code /})
 * are skipped. String templates ({@code ${...}}) and heredocs are refused with the line.
 *
 * <p>A library was tried first: hcl4j 0.9.1 evaluates while parsing, so {@code schema.x} becomes
 * an empty map and {@code varchar(128)} or {@code sql("now()")} become null; the information the
 * translation needs is gone.
 */
final class AtlasHcl {
    private AtlasHcl() {
    }

    /** A syntax error, with its line. */
    static final class ParseException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ParseException(int line, String message) {
            super("line " + line + ": " + message);
        }
    }

    /** An expression as written. */
    sealed interface Expr permits Str, Num, Bool, Ref, Call, ListExpr {
        int line();
    }

    /** A quoted string, escapes resolved. */
    record Str(String value, int line) implements Expr {
    }

    /** A number, as written. */
    record Num(String text, int line) implements Expr {
    }

    /** {@code true} or {@code false}. */
    record Bool(boolean value, int line) implements Expr {
    }

    /** A bare name or a traversal: {@code int}, {@code column.id}, {@code table.t.column.c}. */
    record Ref(List<String> parts, int line) implements Expr {
        Ref {
            parts = List.copyOf(parts);
        }

        String text() {
            return String.join(".", parts);
        }
    }

    /** A function call: {@code varchar(128)}, {@code sql("now()")}. */
    record Call(String name, List<Expr> args, int line) implements Expr {
        Call {
            args = List.copyOf(args);
        }
    }

    /** A list: {@code [column.a, column.b]}. */
    record ListExpr(List<Expr> items, int line) implements Expr {
        ListExpr {
            items = List.copyOf(items);
        }
    }

    /** {@code name = value}. */
    record Attribute(String name, Expr value, int line) {
    }

    /** {@code type "label" ... { attributes and blocks }}, in the order written. */
    record Block(String type, List<String> labels, List<Attribute> attributes, List<Block> blocks, int line) {
        Block {
            labels = List.copyOf(labels);
            attributes = List.copyOf(attributes);
            blocks = List.copyOf(blocks);
        }

        /** The first label, or {@code null} for a block without one. */
        String label() {
            return labels.isEmpty() ? null : labels.get(0);
        }

        /** Where the block is, for messages: {@code table "users"}. */
        String describe() {
            StringBuilder s = new StringBuilder(type);
            labels.forEach(l -> s.append(" \"").append(l).append('"'));
            return s.toString();
        }
    }

    /** The top-level body of a file, as a block of type {@code file}. */
    static Block parse(String text) {
        Parser p = new Parser(text);
        Block body = p.body("file", List.of(), 1, true);
        return body;
    }

    private enum Kind { IDENT, STRING, NUMBER, PUNCT, EOF }

    private record Token(Kind kind, String text, int line) {
        boolean is(String punct) {
            return kind == Kind.PUNCT && text.equals(punct);
        }
    }

    private static final class Parser {
        private final List<Token> tokens;
        private int pos;

        Parser(String text) {
            this.tokens = lex(text);
        }

        Block body(String type, List<String> labels, int line, boolean top) {
            List<Attribute> attributes = new ArrayList<>();
            List<Block> blocks = new ArrayList<>();
            while (true) {
                Token t = peek();
                if (top ? t.kind == Kind.EOF : t.is("}")) {
                    if (!top) {
                        pos++;
                    }
                    return new Block(type, labels, attributes, blocks, line);
                }
                if (t.kind != Kind.IDENT) {
                    throw new ParseException(t.line, "expected an attribute or a block, found " + show(t));
                }
                pos++;
                Token next = peek();
                if (next.is("=")) {
                    pos++;
                    attributes.add(new Attribute(t.text, expr(), t.line));
                    continue;
                }
                List<String> blockLabels = new ArrayList<>();
                while (peek().kind == Kind.STRING || peek().kind == Kind.IDENT) {
                    blockLabels.add(peek().text);
                    pos++;
                }
                expect("{");
                blocks.add(body(t.text, blockLabels, t.line, false));
            }
        }

        Expr expr() {
            Token t = next();
            switch (t.kind) {
                case STRING:
                    return new Str(t.text, t.line);
                case NUMBER:
                    return new Num(t.text, t.line);
                case IDENT:
                    if (t.text.equals("true") || t.text.equals("false")) {
                        return new Bool(t.text.equals("true"), t.line);
                    }
                    if (peek().is("(")) {
                        pos++;
                        List<Expr> args = new ArrayList<>();
                        while (!peek().is(")")) {
                            args.add(expr());
                            if (!peek().is(")")) {
                                expect(",");
                            }
                        }
                        pos++;
                        return new Call(t.text, args, t.line);
                    }
                    List<String> parts = new ArrayList<>(List.of(t.text));
                    while (peek().is(".")) {
                        pos++;
                        Token part = next();
                        if (part.kind != Kind.IDENT) {
                            throw new ParseException(part.line, "expected a name after '.', found " + show(part));
                        }
                        parts.add(part.text);
                    }
                    return new Ref(parts, t.line);
                case PUNCT:
                    if (t.is("[")) {
                        List<Expr> items = new ArrayList<>();
                        while (!peek().is("]")) {
                            items.add(expr());
                            if (!peek().is("]")) {
                                expect(",");
                            }
                        }
                        pos++;
                        return new ListExpr(items, t.line);
                    }
                    if (t.is("-") && peek().kind == Kind.NUMBER) {
                        Token n = next();
                        return new Num("-" + n.text, t.line);
                    }
                    throw new ParseException(t.line, "expected a value, found " + show(t));
                default:
                    throw new ParseException(t.line, "expected a value, found end of file");
            }
        }

        private Token peek() {
            return tokens.get(pos);
        }

        private Token next() {
            Token t = tokens.get(pos);
            if (t.kind != Kind.EOF) {
                pos++;
            }
            return t;
        }

        private void expect(String punct) {
            Token t = next();
            if (!t.is(punct)) {
                throw new ParseException(t.line, "expected '" + punct + "', found " + show(t));
            }
        }

        private static String show(Token t) {
            return t.kind == Kind.EOF ? "end of file" : "'" + t.text + "'";
        }
    }

    private static List<Token> lex(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int line = 1;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '#' || (c == '/' && i + 1 < n && s.charAt(i + 1) == '/')) {
                while (i < n && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                if (end < 0) {
                    throw new ParseException(line, "unterminated /* comment");
                }
                line += (int) s.substring(i, end).chars().filter(ch -> ch == '\n').count();
                i = end + 2;
            } else if (c == '"') {
                StringBuilder v = new StringBuilder();
                int start = line;
                i++;
                while (true) {
                    if (i >= n || s.charAt(i) == '\n') {
                        throw new ParseException(start, "unterminated string");
                    }
                    char d = s.charAt(i);
                    if (d == '"') {
                        i++;
                        break;
                    }
                    if ((d == '$' || d == '%') && i + 1 < n && s.charAt(i + 1) == '{') {
                        throw new ParseException(line, "string templates (" + d + "{...}) are not read");
                    }
                    if (d == '\\' && i + 1 < n) {
                        char e = s.charAt(i + 1);
                        switch (e) {
                            case 'n' -> v.append('\n');
                            case 't' -> v.append('\t');
                            case 'r' -> v.append('\r');
                            case '"' -> v.append('"');
                            case '\\' -> v.append('\\');
                            default -> throw new ParseException(line, "escape \\" + e + " is not read");
                        }
                        i += 2;
                        continue;
                    }
                    v.append(d);
                    i++;
                }
                out.add(new Token(Kind.STRING, v.toString(), start));
            } else if (Character.isDigit(c)) {
                int start = i;
                while (i < n && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                    i++;
                }
                out.add(new Token(Kind.NUMBER, s.substring(start, i), line));
            } else if (Character.isLetter(c) || c == '_' || c == '$') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '-'
                        || s.charAt(i) == '$')) {
                    i++;
                }
                out.add(new Token(Kind.IDENT, s.substring(start, i), line));
            } else if (c == '<' && i + 1 < n && s.charAt(i + 1) == '<') {
                throw new ParseException(line, "heredocs are not read");
            } else if ("{}[]()=,.-".indexOf(c) >= 0) {
                out.add(new Token(Kind.PUNCT, String.valueOf(c), line));
                i++;
            } else {
                throw new ParseException(line, "unexpected character '" + c + "'");
            }
        }
        out.add(new Token(Kind.EOF, "", line));
        return out;
    }
}
