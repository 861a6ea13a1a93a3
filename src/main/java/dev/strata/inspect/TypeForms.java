package dev.strata.inspect;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TypeForms turns a column type as {@code format_type} prints it into the model's type form:
 * a keyword for a plain built-in ({@code :integer}, {@code :timestamptz}), a vector for a
 * parameterised one ({@code [:varchar 255]}, {@code [:numeric 10 2]}, {@code [:timestamptz 3]}),
 * and {@code [:raw "type"]} for every other type. Each form is one the loader reads back to the
 * same SQL text.
 */
final class TypeForms {
    /** Built-ins without parameters: SQL as format_type prints it -> model keyword name. */
    private static final Map<String, String> PLAIN = Map.ofEntries(
            Map.entry("integer", "integer"), Map.entry("smallint", "smallint"), Map.entry("bigint", "bigint"),
            Map.entry("real", "real"), Map.entry("double precision", "double-precision"),
            Map.entry("numeric", "numeric"), Map.entry("text", "text"), Map.entry("boolean", "boolean"),
            Map.entry("character varying", "varchar"),
            Map.entry("timestamp without time zone", "timestamp"),
            Map.entry("timestamp with time zone", "timestamptz"),
            Map.entry("time without time zone", "time"), Map.entry("time with time zone", "timetz"),
            Map.entry("interval", "interval"), Map.entry("bit varying", "varbit"),
            Map.entry("uuid", "uuid"), Map.entry("date", "date"), Map.entry("json", "json"),
            Map.entry("jsonb", "jsonb"), Map.entry("bytea", "bytea"), Map.entry("inet", "inet"),
            Map.entry("cidr", "cidr"), Map.entry("macaddr", "macaddr"), Map.entry("macaddr8", "macaddr8"),
            Map.entry("money", "money"), Map.entry("tsvector", "tsvector"), Map.entry("tsquery", "tsquery"),
            Map.entry("xml", "xml"), Map.entry("point", "point"), Map.entry("line", "line"),
            Map.entry("lseg", "lseg"), Map.entry("box", "box"), Map.entry("path", "path"),
            Map.entry("polygon", "polygon"), Map.entry("circle", "circle"),
            Map.entry("int4range", "int4range"), Map.entry("int8range", "int8range"),
            Map.entry("numrange", "numrange"), Map.entry("tsrange", "tsrange"),
            Map.entry("tstzrange", "tstzrange"), Map.entry("daterange", "daterange"));

    /** Built-ins with parameters: pattern over format_type's text -> model keyword name. */
    private static final List<Map.Entry<Pattern, String>> PARAMETERISED = List.of(
            Map.entry(Pattern.compile("numeric\\((\\d+),(\\d+)\\)"), "numeric"),
            Map.entry(Pattern.compile("character varying\\((\\d+)\\)"), "varchar"),
            Map.entry(Pattern.compile("character\\((\\d+)\\)"), "char"),
            Map.entry(Pattern.compile("bit\\((\\d+)\\)"), "bit"),
            Map.entry(Pattern.compile("bit varying\\((\\d+)\\)"), "varbit"),
            Map.entry(Pattern.compile("timestamp\\((\\d+)\\) without time zone"), "timestamp"),
            Map.entry(Pattern.compile("timestamp\\((\\d+)\\) with time zone"), "timestamptz"),
            Map.entry(Pattern.compile("time\\((\\d+)\\) without time zone"), "time"),
            Map.entry(Pattern.compile("time\\((\\d+)\\) with time zone"), "timetz"),
            Map.entry(Pattern.compile("interval\\((\\d+)\\)"), "interval"));

    private TypeForms() {
    }

    /** Whether {@code name} is a model keyword for a built-in type (an enum so named needs {@code [:enum ...]}). */
    static boolean isBuiltinKeyword(String name) {
        return PLAIN.containsValue(name) || PARAMETERISED.stream().anyMatch(e -> e.getValue().equals(name))
                || List.of("int", "int2", "int4", "int8", "serial", "bigserial", "smallserial", "serial2",
                "serial4", "serial8", "float", "float4", "float8", "double", "decimal", "char", "character",
                "character-varying", "bool", "bit", "bit-varying", "oid", "pg-lsn", "jsonpath", "enum", "raw",
                "array").contains(name);
    }

    /** The model form of a built-in (non-array) type, or {@code [:raw "sql"]}. */
    static Object of(String sql) {
        String plain = PLAIN.get(sql);
        if (plain != null) {
            return ModelNames.kw(plain);
        }
        for (Map.Entry<Pattern, String> p : PARAMETERISED) {
            Matcher m = p.getKey().matcher(sql);
            if (m.matches()) {
                List<Object> form = new java.util.ArrayList<>();
                form.add(ModelNames.kw(p.getValue()));
                for (int g = 1; g <= m.groupCount(); g++) {
                    form.add(Long.parseLong(m.group(g)));
                }
                return List.copyOf(form);
            }
        }
        return raw(sql);
    }

    static List<Object> raw(String sql) {
        return List.of(ModelNames.kw("raw"), sql);
    }
}
