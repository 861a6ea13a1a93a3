package dev.strata.load;

import dev.strata.edn.EdnPrinter;
import dev.strata.model.ColumnType;
import dev.strata.model.QualifiedName;
import dev.strata.sql.Identifiers;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import us.bpsm.edn.Keyword;

/**
 * Types turns model type forms into {@link ColumnType}s: built-in keywords ({@code :timestamptz}),
 * parameterised vectors ({@code [:varchar 255]}, {@code [:numeric 10 2]}), enum references
 * ({@code [:enum :status]} or a bare keyword that is not a built-in), {@code [:array :text]} and
 * {@code [:raw "any type"]}. Each type also gets a group for foreign-key compatibility.
 */
final class Types {
    /** How a built-in type takes a parameter. */
    private enum Param { NONE, LENGTH, PRECISION, PRECISION_SCALE }

    /** A built-in: SQL without parameter, SQL with a {@code %s} where the parameter goes, group. */
    private record Builtin(String bare, String withParam, Param param, String group) {
    }

    private static final Map<String, Builtin> BUILTINS = new HashMap<>();

    static {
        integer("integer", "integer", "int", "int4");
        integer("smallint", "smallint", "int2");
        integer("bigint", "bigint", "int8");
        integer("serial", "serial", "serial4");
        integer("smallserial", "smallserial", "serial2");
        integer("bigserial", "bigserial", "serial8");
        add(new Builtin("double precision", "float(%s)", Param.PRECISION, "float"), "float");
        add(new Builtin("real", null, Param.NONE, "float"), "real", "float4");
        add(new Builtin("double precision", null, Param.NONE, "float"), "double", "double-precision", "float8");
        add(new Builtin("numeric", "numeric(%s)", Param.PRECISION_SCALE, "numeric"), "numeric", "decimal");
        add(new Builtin("character varying", "character varying(%s)", Param.LENGTH, "text"),
                "varchar", "character-varying");
        add(new Builtin("character", "character(%s)", Param.LENGTH, "text"), "char", "character");
        add(new Builtin("text", null, Param.NONE, "text"), "text");
        add(new Builtin("time without time zone", "time(%s) without time zone", Param.PRECISION, "time"), "time");
        add(new Builtin("time with time zone", "time(%s) with time zone", Param.PRECISION, "timetz"), "timetz");
        add(new Builtin("timestamp without time zone", "timestamp(%s) without time zone", Param.PRECISION,
                "timestamp"), "timestamp");
        add(new Builtin("timestamp with time zone", "timestamp(%s) with time zone", Param.PRECISION,
                "timestamptz"), "timestamptz");
        add(new Builtin("interval", "interval(%s)", Param.PRECISION, "interval"), "interval");
        add(new Builtin("bit", "bit(%s)", Param.LENGTH, "bit"), "bit");
        add(new Builtin("bit varying", "bit varying(%s)", Param.LENGTH, "bit"), "varbit", "bit-varying");
        add(new Builtin("boolean", null, Param.NONE, "boolean"), "boolean", "bool");
        for (String plain : List.of("uuid", "date", "json", "jsonb", "bytea", "point", "line", "lseg", "box",
                "path", "polygon", "circle", "inet", "cidr", "macaddr", "macaddr8", "money", "tsvector",
                "tsquery", "xml", "int4range", "int8range", "numrange", "tsrange", "tstzrange", "daterange",
                "int4multirange", "int8multirange", "nummultirange", "tsmultirange", "tstzmultirange",
                "datemultirange", "oid", "pg_lsn", "txid_snapshot", "pg_snapshot", "jsonpath")) {
            add(new Builtin(plain, null, Param.NONE, plain), plain, plain.replace('_', '-'));
        }
    }

    private static void integer(String sql, String... names) {
        add(new Builtin(sql, null, Param.NONE, "integer"), names);
    }

    private static void add(Builtin b, String... names) {
        for (String n : names) {
            BUILTINS.put(n, b);
        }
    }

    private Types() {
    }

    /**
     * ParsedType represents a resolved type form.
     *
     * @param type         the column type (array brackets included)
     * @param group        the compatibility group ({@code integer}, {@code uuid}, {@code enum:status},
     *                     with {@code []} per array level), or null for raw types
     * @param enumName     the enum's SQL name when the type refers to one, else null
     * @param enumExplicit whether it was written {@code [:enum :x]} (else a bare keyword that is
     *                     not a built-in: either an enum or an unknown type)
     * @param written      the type form as written (for messages)
     */
    record ParsedType(ColumnType type, String group, String enumName, boolean enumExplicit, Object written) {
    }

    static boolean isBuiltin(String keywordName) {
        return BUILTINS.containsKey(keywordName);
    }

    /**
     * Parses a type form. {@code length}, {@code precision} and {@code scale} are the seed-form
     * options (null when absent); {@code array} the {@code :array} option (null, true or "[]"...).
     */
    static ParsedType parse(Object form, Object length, Object precision, Object scale, Object array) {
        ParsedType base = base(form, length, precision, scale);
        int dims = arrayDims(array);
        ParsedType t = base;
        for (int i = 0; i < dims; i++) {
            t = arrayOf(t);
        }
        return t;
    }

    private static ParsedType base(Object form, Object length, Object precision, Object scale) {
        if (form instanceof Keyword k) {
            return keyword(k, form, paramsFromOptions(k.getName(), length, precision, scale));
        }
        if (form instanceof List<?> v && !v.isEmpty() && v.get(0) instanceof Keyword head) {
            String h = head.getName();
            if (h.equals("raw")) {
                if (v.size() != 2 || !(v.get(1) instanceof String sql) || sql.isBlank()) {
                    throw new InvalidSpec("bad raw type " + EdnPrinter.flat(form),
                            "write [:raw \"type SQL\"]");
                }
                return new ParsedType(ColumnType.builtin(sql.trim()), null, null, false, form);
            }
            if (h.equals("enum")) {
                if (v.size() != 2 || !(v.get(1) instanceof Keyword || v.get(1) instanceof String)) {
                    throw new InvalidSpec("bad enum type " + EdnPrinter.flat(form), "write [:enum :enum-name]");
                }
                return userType(Names.schemaOf(v.get(1)), Names.identifier(v.get(1)), true, form);
            }
            if (h.equals("array")) {
                if (v.size() != 2) {
                    throw new InvalidSpec("bad array type " + EdnPrinter.flat(form),
                            "write [:array element-type], e.g. [:array :text]");
                }
                return arrayOf(base(v.get(1), null, null, null));
            }
            if (length != null || precision != null || scale != null) {
                throw new InvalidSpec(":length, :precision and :scale go only with a keyword :type, not with "
                        + EdnPrinter.flat(form), "put the parameters in the vector, e.g. [:numeric 10 2]");
            }
            return keyword(head, form, v.subList(1, v.size()));
        }
        throw new InvalidSpec("bad type " + EdnPrinter.flat(form),
                "use a keyword such as :text, a vector such as [:varchar 255], [:enum :name] or [:raw \"type SQL\"]");
    }

    private static List<?> paramsFromOptions(String type, Object length, Object precision, Object scale) {
        if (length != null) {
            return List.of(length);
        }
        if (precision != null && scale != null) {
            return List.of(precision, scale);
        }
        if (precision != null) {
            return List.of(precision);
        }
        if (scale != null) {
            throw new InvalidSpec(":scale without :precision on :" + type, "add :precision");
        }
        return List.of();
    }

    private static ParsedType keyword(Keyword k, Object written, List<?> params) {
        if (k.getPrefix() != null && !k.getPrefix().isEmpty()) {
            // :utils/custom-text: a user type of schema utils, never a built-in.
            if (!params.isEmpty()) {
                throw new InvalidSpec("type " + EdnPrinter.flat(written) + " takes no parameters",
                        "write " + EdnPrinter.flat(k));
            }
            return userType(Names.snake(k.getPrefix()), Names.snake(k.getName()), false, written);
        }
        Builtin b = BUILTINS.get(k.getName());
        if (b == null) {
            if (!params.isEmpty()) {
                throw new InvalidSpec("unknown type " + EdnPrinter.flat(written),
                        "use a PostgreSQL built-in type (such as :numeric or [:varchar 255]) or [:raw \"type SQL\"]");
            }
            return enumType(Names.snake(k.getName()), false, written);
        }
        if (params.isEmpty()) {
            return new ParsedType(ColumnType.builtin(b.bare()), b.group(), null, false, written);
        }
        int max = b.param() == Param.PRECISION_SCALE ? 2 : b.param() == Param.NONE ? 0 : 1;
        if (params.size() > max) {
            throw new InvalidSpec("type :" + k.getName() + " takes " + (max == 0 ? "no parameters" : "at most "
                    + max + (max == 1 ? " parameter" : " parameters")) + ", got " + EdnPrinter.flat(written),
                    max == 0 ? "write :" + k.getName() : "write [:" + k.getName() + " "
                            + (max == 2 ? "precision scale]" : "n]"));
        }
        StringBuilder p = new StringBuilder();
        for (Object param : params) {
            if (!(param instanceof Long n) || n < 0) {
                throw new InvalidSpec("type parameter " + EdnPrinter.flat(param) + " of :" + k.getName()
                        + " is not a non-negative integer", "write an integer, e.g. [:" + k.getName() + " 10]");
            }
            if (p.length() > 0) {
                p.append(',');
            }
            p.append(n);
        }
        return new ParsedType(ColumnType.builtin(String.format(b.withParam(), p)), b.group(), null, false, written);
    }

    private static ParsedType userType(String schema, String name, boolean explicit, Object written) {
        QualifiedName qualified = new QualifiedName(schema, name);
        String key = Names.key(schema, name);
        return new ParsedType(new ColumnType(Identifiers.quote(qualified), qualified), "enum:" + key, key, explicit,
                written);
    }

    private static ParsedType enumType(String name, boolean explicit, Object written) {
        return new ParsedType(new ColumnType(Identifiers.quote(name), QualifiedName.of(name)),
                "enum:" + name, name, explicit, written);
    }

    private static ParsedType arrayOf(ParsedType t) {
        return new ParsedType(new ColumnType(t.type().sql() + "[]", t.type().userType()),
                t.group() == null ? null : t.group() + "[]", t.enumName(), t.enumExplicit(), t.written());
    }

    private static int arrayDims(Object array) {
        if (array == null || Boolean.FALSE.equals(array)) {
            return 0;
        }
        if (Boolean.TRUE.equals(array)) {
            return 1;
        }
        if (array instanceof String s && !s.isEmpty() && s.replace("[]", "").isEmpty()) {
            return s.length() / 2;
        }
        throw new InvalidSpec("bad :array value " + EdnPrinter.flat(array), "write :array \"[]\" (or true)");
    }
}
