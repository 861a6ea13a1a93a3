package dev.strata.corpus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DumpComparison compares two {@code pg_dump --schema-only} outputs object by object. pg_dump heads
 * each object with {@code -- Name: x; Type: T; Schema: s; Owner: -}; the object's text is what
 * follows, up to the next head, without blank lines, comments, {@code SET} lines and the
 * per-run {@code \restrict} keys. Objects are compared by (type, schema, name) and text; the lines
 * inside a CREATE TABLE and the items of a {@code WITH (...)} list are compared in sorted order
 * (see {@link #columnsInNameOrder} and {@link #optionsInNameOrder}).
 */
public final class DumpComparison {
    private static final String PUBLIC_SCHEMA = "SCHEMA|-|public";
    private static final Pattern HEAD = Pattern.compile("^-- (?:Data for )?Name: (.*); Type: (.*); Schema: (.*); Owner: .*$");

    private DumpComparison() {
    }

    /**
     * One object that differs.
     *
     * @param type   pg_dump's type ({@code TABLE}, {@code FK CONSTRAINT}, {@code COMMENT}, ...)
     * @param schema the schema, {@code -} for none
     * @param name   pg_dump's name ({@code orders orders_pkey} for a constraint)
     * @param before the text in the first dump, or {@code null} when it is missing there
     * @param after  the text in the second dump, or {@code null} when it is missing there
     */
    public record Difference(String type, String schema, String name, String before, String after) {
        public String describe() {
            String what = type + " " + ("-".equals(schema) ? "" : schema + ".") + name;
            if (before == null) {
                return what + ": only in the second dump:\n" + after;
            }
            if (after == null) {
                return what + ": only in the first dump:\n" + before;
            }
            return what + ": differs\n--- first\n" + before + "\n--- second\n" + after;
        }
    }

    /** The objects of a dump by "type|schema|name", in dump order. */
    public static Map<String, String> objects(String dump) {
        Map<String, String> objects = new LinkedHashMap<>();
        String key = null;
        StringBuilder body = new StringBuilder();
        for (String line : dump.split("\n", -1)) {
            Matcher m = HEAD.matcher(line);
            if (m.matches()) {
                if (key != null) {
                    put(objects, key, body.toString());
                }
                key = m.group(2) + "|" + m.group(3) + "|" + m.group(1);
                body.setLength(0);
                continue;
            }
            String t = line.stripTrailing();
            if (key == null || t.isEmpty() || t.startsWith("--") || t.startsWith("SET ") || t.startsWith("\\restrict")
                    || t.startsWith("\\unrestrict") || t.startsWith("SELECT pg_catalog.set_config('search_path'")) {
                continue;
            }
            body.append(t).append('\n');
        }
        if (key != null) {
            put(objects, key, body.toString());
        }
        return objects;
    }

    private static void put(Map<String, String> objects, String key, String body) {
        // Two objects may share a head (overloaded functions print their arguments, so rarely).
        String k = key;
        for (int i = 2; objects.containsKey(k); i++) {
            k = key + "#" + i;
        }
        objects.put(k, optionsInNameOrder(columnsInNameOrder(body.strip())));
    }

    private static final Pattern WITH_OPTIONS = Pattern.compile("(WITH|SET) \\(([^()]*)\\)");

    /**
     * {@code WITH (b='1', a='2')} and {@code ALTER COLUMN c SET (b=1, a=2)} with their items sorted:
     * PostgreSQL keeps storage parameters, view options and attribute options in the order they
     * were given, which says nothing about the object.
     */
    static String optionsInNameOrder(String body) {
        Matcher m = WITH_OPTIONS.matcher(body);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            List<String> items = new ArrayList<>(List.of(m.group(2).split(",\\s*")));
            items.sort(null);
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + " (" + String.join(", ", items) + ")"));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * A CREATE TABLE with its column and constraint lines sorted: Strata adds a column at the end of
     * its table (PostgreSQL has no other way short of re-creating the table), so the order of
     * columns is not compared. Everything else on each line is.
     */
    static String columnsInNameOrder(String body) {
        if (!body.startsWith("CREATE TABLE") && !body.startsWith("CREATE UNLOGGED TABLE")) {
            return body;
        }
        List<String> lines = new ArrayList<>(List.of(body.split("\n")));
        int open = 0;
        while (open < lines.size() && !lines.get(open).endsWith("(")) {
            open++;
        }
        int close = open + 1;
        while (close < lines.size() && !lines.get(close).startsWith(")")) {
            close++;
        }
        if (open >= lines.size() || close >= lines.size()) {
            return body;
        }
        List<String> inner = new ArrayList<>();
        for (String line : lines.subList(open + 1, close)) {
            inner.add(line.endsWith(",") ? line.substring(0, line.length() - 1) : line);
        }
        inner.sort(null);
        List<String> out = new ArrayList<>(lines.subList(0, open + 1));
        out.addAll(inner);
        out.addAll(lines.subList(close, lines.size()));
        return String.join("\n", out);
    }

    private static boolean plainPublic(String text) {
        return text == null || text.isEmpty() || text.equals("CREATE SCHEMA public;");
    }

    /** The objects whose text differs, or that only one dump has, sorted by key. */
    public static List<Difference> compare(String first, String second) {
        Map<String, String> a = objects(first);
        Map<String, String> b = objects(second);
        List<Difference> out = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        for (String k : keys) {
            String x = a.get(k);
            String y = b.get(k);
            if (k.equals(PUBLIC_SCHEMA) && plainPublic(x) && plainPublic(y)) {
                // pg_dump prints schema public only when it is not the one initdb made (dropped and
                // created again, or another owner): ownership, which Strata leaves alone.
                continue;
            }
            if (!Objects.equals(x, y)) {
                String[] parts = k.split("\\|", 3);
                out.add(new Difference(parts[0], parts[1], parts[2], x, y));
            }
        }
        return out;
    }
}
