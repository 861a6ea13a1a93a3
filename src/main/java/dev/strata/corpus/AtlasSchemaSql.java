package dev.strata.corpus;

import dev.strata.corpus.AtlasHcl.Attribute;
import dev.strata.corpus.AtlasHcl.Block;
import dev.strata.corpus.AtlasHcl.Bool;
import dev.strata.corpus.AtlasHcl.Call;
import dev.strata.corpus.AtlasHcl.Expr;
import dev.strata.corpus.AtlasHcl.ListExpr;
import dev.strata.corpus.AtlasHcl.Num;
import dev.strata.corpus.AtlasHcl.Ref;
import dev.strata.corpus.AtlasHcl.Str;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * AtlasSchemaSql translates an Atlas HCL schema file (the subset Atlas's PostgreSQL integration
 * tests use) into the PostgreSQL script that builds the same schema: enums, then tables with their
 * columns, primary key, unique and check constraints and partition key, then indexes, then foreign
 * keys, then comments. Names are always double-quoted and objects are created unqualified: the
 * harness runs the script with the case's schema as the search path.
 *
 * <p>Only what the file says is translated, with Atlas's own defaults: a column is
 * {@code NOT NULL} unless it says {@code null = true}; an index without {@code type} is a btree;
 * a time type of precision 6 has no precision.
 * Any block, attribute or value this class does not translate raises {@link Untranslated} naming
 * it, so the step is reported as unsupported instead of being built from a guess.
 */
final class AtlasSchemaSql {
    /** Atlas's spellings of interval types with fields: {@code day_to_second(4)} is {@code interval day to second(4)}. */
    private static final Set<String> INTERVAL_FIELDS = Set.of("year", "month", "day", "hour", "minute", "second",
            "year_to_month", "day_to_hour", "day_to_minute", "day_to_second", "hour_to_minute", "hour_to_second",
            "minute_to_second");
    /** Atlas's spellings of PostgreSQL's type names of several words. */
    private static final Set<String> MULTI_WORD_TYPES = Set.of("double_precision", "bit_varying", "character_varying",
            "timestamp_with_time_zone", "timestamp_without_time_zone", "time_with_time_zone", "time_without_time_zone");
    /** The time types whose precision Atlas leaves out when it is {@value #DEFAULT_TIME_PRECISION}. */
    private static final Set<String> TIME_TYPES = Set.of("time", "timetz", "timestamp", "timestamptz",
            "time_with_time_zone", "time_without_time_zone", "timestamp_with_time_zone", "timestamp_without_time_zone");
    /**
     * Atlas takes 6, PostgreSQL's largest fractional-second precision, as the default of time types
     * and writes {@code timestamp(6)} as {@code timestamp}: its own expected {@code \d} outputs show
     * {@code timetz(6)} as {@code time with time zone}.
     */
    private static final int DEFAULT_TIME_PRECISION = 6;
    private static final Set<String> INDEX_TYPES = Set.of("BTREE", "HASH", "GIN", "GIST", "SPGIST", "BRIN");
    private static final Set<String> FK_ACTIONS = Set.of("NO_ACTION", "RESTRICT", "CASCADE", "SET_NULL", "SET_DEFAULT");

    private AtlasSchemaSql() {
    }

    /** A construct the translation does not carry; the step that needs it is unsupported. */
    static final class Untranslated extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String construct;

        Untranslated(String construct, String where) {
            super(construct + " (" + where + ")");
            this.construct = construct;
        }

        /** What is not translated, e.g. {@code index attribute page_per_range}. */
        String construct() {
            return construct;
        }
    }

    /**
     * The script that builds what {@code hcl} describes in schema {@code schema} (the file's
     * {@code $db} already replaced by it).
     *
     * @throws Untranslated when the file uses something this class does not translate
     * @throws AtlasHcl.ParseException when the file is not HCL this reader understands
     */
    static String translate(String hcl, String schema) {
        Block file = AtlasHcl.parse(hcl);
        for (Attribute a : file.attributes()) {
            throw new Untranslated("top-level attribute " + a.name(), "line " + a.line());
        }
        List<String> enums = new ArrayList<>();
        List<String> tables = new ArrayList<>();
        List<String> indexes = new ArrayList<>();
        List<String> foreignKeys = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        for (Block b : file.blocks()) {
            switch (b.type()) {
                case "schema" -> schemaBlock(b, schema);
                case "enum" -> enums.add(enumBlock(b, schema));
                case "table" -> tableBlock(b, schema, tables, indexes, foreignKeys, comments);
                default -> throw new Untranslated(b.type() + " block", where(b));
            }
        }
        List<String> statements = new ArrayList<>();
        statements.addAll(enums);
        statements.addAll(tables);
        statements.addAll(indexes);
        statements.addAll(foreignKeys);
        statements.addAll(comments);
        StringBuilder sql = new StringBuilder();
        statements.forEach(s -> sql.append(s).append(";\n"));
        return sql.toString();
    }

    private static void schemaBlock(Block b, String schema) {
        Fields f = new Fields(b, "schema");
        if (b.labels().size() != 1 || !b.label().equals(schema)) {
            throw new Untranslated("schema other than the case's", where(b));
        }
        f.done();
    }

    private static String enumBlock(Block b, String schema) {
        Fields f = new Fields(b, "enum");
        String name = single(b);
        inSchema(f, b, schema);
        Expr values = f.required("values");
        if (!(values instanceof ListExpr list)) {
            throw new Untranslated("enum values that are not a list", where(b));
        }
        List<String> literals = new ArrayList<>();
        for (Expr e : list.items()) {
            if (!(e instanceof Str s)) {
                throw new Untranslated("enum value that is not a string", where(b));
            }
            literals.add(literal(s.value()));
        }
        f.done();
        return "CREATE TYPE " + q(name) + " AS ENUM (" + String.join(", ", literals) + ")";
    }

    private static void tableBlock(Block b, String schema, List<String> tables, List<String> indexes,
            List<String> foreignKeys, List<String> comments) {
        Fields f = new Fields(b, "table");
        String table = single(b);
        inSchema(f, b, schema);
        Expr comment = f.optional("comment");
        if (comment != null) {
            comments.add("COMMENT ON TABLE " + q(table) + " IS " + literal(string(comment, "table comment", b)));
        }
        List<String> items = new ArrayList<>();
        String partition = "";
        for (Block inner : f.blocks()) {
            switch (inner.type()) {
                case "column" -> items.add(column(inner, table, comments));
                case "primary_key" -> items.add(primaryKey(inner, table));
                case "unique" -> items.add(unique(inner, table));
                case "check" -> items.add(check(inner));
                case "index" -> indexes.add(index(inner, table));
                case "foreign_key" -> foreignKeys.add(foreignKey(inner, table));
                case "partition" -> {
                    if (!partition.isEmpty()) {
                        throw new Untranslated("second partition block", where(inner));
                    }
                    partition = partition(inner, table);
                }
                default -> throw new Untranslated("table " + inner.type() + " block", where(inner));
            }
        }
        f.done();
        tables.add("CREATE TABLE " + q(table) + " (" + (items.isEmpty() ? "" : "\n  " + String.join(",\n  ", items) + "\n")
                + ")" + partition);
    }

    private static String column(Block b, String table, List<String> comments) {
        Fields f = new Fields(b, "column");
        String name = single(b);
        StringBuilder sql = new StringBuilder(q(name)).append(' ').append(type(f.required("type"), b));
        Expr nullable = f.optional("null");
        if (nullable == null || !bool(nullable, "column null", b)) {
            sql.append(" NOT NULL");
        }
        Expr def = f.optional("default");
        if (def != null) {
            sql.append(" DEFAULT ").append(defaultValue(def, b));
        }
        Expr as = f.optional("as");
        if (as != null) {
            sql.append(" GENERATED ALWAYS AS (").append(string(as, "column as", b)).append(") STORED");
        }
        for (Block inner : f.blocks()) {
            switch (inner.type()) {
                case "identity" -> sql.append(identity(inner));
                case "as" -> {
                    if (as != null) {
                        throw new Untranslated("column with both an as attribute and an as block", where(inner));
                    }
                    Fields g = new Fields(inner, "column as");
                    String expr = string(g.required("expr"), "as expr", inner);
                    Expr kind = g.optional("type");
                    if (kind != null && !name(kind, "as type", inner).equalsIgnoreCase("STORED")) {
                        throw new Untranslated("generated column type " + name(kind, "as type", inner), where(inner));
                    }
                    g.done();
                    sql.append(" GENERATED ALWAYS AS (").append(expr).append(") STORED");
                }
                default -> throw new Untranslated("column " + inner.type() + " block", where(inner));
            }
        }
        Expr comment = f.optional("comment");
        if (comment != null) {
            comments.add("COMMENT ON COLUMN " + q(table) + "." + q(name) + " IS " + literal(string(comment, "column comment", b)));
        }
        f.done();
        return sql.toString();
    }

    private static String identity(Block b) {
        Fields f = new Fields(b, "identity");
        Expr generated = f.optional("generated");
        String how = "BY DEFAULT";
        if (generated != null) {
            String g = name(generated, "identity generated", b).toUpperCase(Locale.ROOT);
            if (!g.equals("ALWAYS") && !g.equals("BY_DEFAULT")) {
                throw new Untranslated("identity generated = " + g, where(b));
            }
            how = g.replace('_', ' ');
        }
        List<String> options = new ArrayList<>();
        Expr start = f.optional("start");
        if (start != null) {
            options.add("START WITH " + number(start, "identity start", b));
        }
        Expr increment = f.optional("increment");
        if (increment != null) {
            options.add("INCREMENT BY " + number(increment, "identity increment", b));
        }
        f.done();
        return " GENERATED " + how + " AS IDENTITY" + (options.isEmpty() ? "" : " (" + String.join(" ", options) + ")");
    }

    private static String primaryKey(Block b, String table) {
        Fields f = new Fields(b, "primary_key");
        String sql = constraintName(b) + "PRIMARY KEY (" + columns(f.required("columns"), table, b) + ")"
                + include(f, table, b);
        f.done();
        return sql;
    }

    private static String unique(Block b, String table) {
        Fields f = new Fields(b, "unique");
        String sql = constraintName(b) + "UNIQUE" + nullsNotDistinct(f, b) + " (" + columns(f.required("columns"), table, b)
                + ")" + include(f, table, b);
        f.done();
        return sql;
    }

    private static String check(Block b) {
        Fields f = new Fields(b, "check");
        String sql = constraintName(b) + "CHECK (" + string(f.required("expr"), "check expr", b) + ")";
        f.done();
        return sql;
    }

    private static String index(Block b, String table) {
        Fields f = new Fields(b, "index");
        String name = single(b);
        Expr unique = f.optional("unique");
        boolean isUnique = unique != null && bool(unique, "index unique", b);
        Expr type = f.optional("type");
        String using = "";
        if (type != null) {
            String t = name(type, "index type", b).toUpperCase(Locale.ROOT);
            if (!INDEX_TYPES.contains(t)) {
                throw new Untranslated("index type " + t, where(b));
            }
            using = " USING " + t.toLowerCase(Locale.ROOT);
        }
        Expr columns = f.optional("columns");
        List<String> parts = new ArrayList<>();
        if (columns != null) {
            parts.add(columns(columns, table, b));
        }
        for (Block on : f.blocks()) {
            if (!on.type().equals("on")) {
                throw new Untranslated("index " + on.type() + " block", where(on));
            }
            if (columns != null) {
                throw new Untranslated("index with both columns and on blocks", where(on));
            }
            parts.add(indexPart(on, table));
        }
        if (parts.isEmpty()) {
            throw new Untranslated("index without columns", where(b));
        }
        String include = include(f, table, b);
        String nulls = nullsNotDistinct(f, b);
        Expr pages = f.optional("page_per_range");
        String with = pages == null ? "" : " WITH (pages_per_range = " + number(pages, "index page_per_range", b) + ")";
        Expr where = f.optional("where");
        String predicate = where == null ? "" : " WHERE " + string(where, "index where", b);
        f.done();
        return "CREATE " + (isUnique ? "UNIQUE " : "") + "INDEX " + q(name) + " ON " + q(table) + using
                + " (" + String.join(", ", parts) + ")" + include + nulls + with + predicate;
    }

    private static String indexPart(Block on, String table) {
        Fields f = new Fields(on, "index on");
        Expr column = f.optional("column");
        Expr expr = f.optional("expr");
        String part;
        if (column != null && expr == null) {
            part = q(columnName(column, table, on));
        } else if (expr != null && column == null) {
            part = "(" + string(expr, "index on expr", on) + ")";
        } else {
            throw new Untranslated("index on block without exactly one of column and expr", where(on));
        }
        Expr ops = f.optional("ops");
        if (ops != null) {
            if (ops instanceof Ref r && r.parts().size() == 1) {
                part += " " + r.parts().get(0);
            } else if (ops instanceof Call c && c.name().equals("sql") && c.args().size() == 1 && c.args().get(0) instanceof Str s) {
                part += " " + s.value();
            } else {
                throw new Untranslated("index ops that is neither a name nor sql(\"...\")", where(on));
            }
        }
        Expr desc = f.optional("desc");
        if (desc != null && bool(desc, "index on desc", on)) {
            part += " DESC";
        }
        f.done();
        return part;
    }

    private static String foreignKey(Block b, String table) {
        Fields f = new Fields(b, "foreign_key");
        String name = single(b);
        String columns = columns(f.required("columns"), table, b);
        Expr refs = f.required("ref_columns");
        if (!(refs instanceof ListExpr list) || list.items().isEmpty()) {
            throw new Untranslated("foreign_key ref_columns that is not a list of columns", where(b));
        }
        String refTable = null;
        List<String> refColumns = new ArrayList<>();
        for (Expr e : list.items()) {
            if (!(e instanceof Ref r) || r.parts().size() != 4 || !r.parts().get(0).equals("table")
                    || !r.parts().get(2).equals("column")) {
                throw new Untranslated("foreign_key ref_columns entry other than table.T.column.C", where(b));
            }
            if (refTable != null && !refTable.equals(r.parts().get(1))) {
                throw new Untranslated("foreign_key ref_columns naming several tables", where(b));
            }
            refTable = r.parts().get(1);
            refColumns.add(q(r.parts().get(3)));
        }
        StringBuilder sql = new StringBuilder("ALTER TABLE ").append(q(table)).append(" ADD CONSTRAINT ").append(q(name))
                .append(" FOREIGN KEY (").append(columns).append(") REFERENCES ").append(q(refTable))
                .append(" (").append(String.join(", ", refColumns)).append(')');
        for (String event : List.of("update", "delete")) {
            Expr action = f.optional("on_" + event);
            if (action != null) {
                String a = (action instanceof Str s ? s.value() : name(action, "foreign_key on_" + event, b))
                        .toUpperCase(Locale.ROOT).replace(' ', '_');
                if (!FK_ACTIONS.contains(a)) {
                    throw new Untranslated("foreign_key on_" + event + " = " + a, where(b));
                }
                sql.append(" ON ").append(event.toUpperCase(Locale.ROOT)).append(' ').append(a.replace('_', ' '));
            }
        }
        f.done();
        return sql.toString();
    }

    private static String partition(Block b, String table) {
        Fields f = new Fields(b, "partition");
        String type = name(f.required("type"), "partition type", b).toUpperCase(Locale.ROOT);
        if (!Set.of("LIST", "RANGE", "HASH").contains(type)) {
            throw new Untranslated("partition type " + type, where(b));
        }
        Expr columns = f.optional("columns");
        List<String> keys = new ArrayList<>();
        if (columns != null) {
            keys.add(columns(columns, table, b));
        }
        for (Block by : f.blocks()) {
            if (!by.type().equals("by")) {
                throw new Untranslated("partition " + by.type() + " block", where(by));
            }
            if (columns != null) {
                throw new Untranslated("partition with both columns and by blocks", where(by));
            }
            Fields g = new Fields(by, "partition by");
            Expr column = g.optional("column");
            Expr expr = g.optional("expr");
            if (column != null && expr == null) {
                keys.add(q(columnName(column, table, by)));
            } else if (expr != null && column == null) {
                keys.add("(" + string(expr, "partition by expr", by) + ")");
            } else {
                throw new Untranslated("partition by block without exactly one of column and expr", where(by));
            }
            g.done();
        }
        if (keys.isEmpty()) {
            throw new Untranslated("partition without columns", where(b));
        }
        f.done();
        return " PARTITION BY " + type + " (" + String.join(", ", keys) + ")";
    }

    /** A column type: a name ({@code int}, {@code bit_varying}), a call ({@code varchar(128)}), {@code sql("...")} or {@code enum.x}. */
    static String type(Expr e, Block where) {
        if (e instanceof Ref r) {
            if (r.parts().size() == 1) {
                return typeName(r.parts().get(0));
            }
            if (r.parts().size() == 2 && r.parts().get(0).equals("enum")) {
                return q(r.parts().get(1));
            }
            throw new Untranslated("column type reference " + r.text(), where(where));
        }
        if (e instanceof Call c) {
            if (c.name().equals("sql")) {
                return sqlArgument(c, "column type", where);
            }
            List<String> args = new ArrayList<>();
            for (Expr a : c.args()) {
                args.add(number(a, "column type argument", where));
            }
            if (TIME_TYPES.contains(c.name()) && args.equals(List.of(String.valueOf(DEFAULT_TIME_PRECISION)))) {
                return typeName(c.name());
            }
            String name = typeName(c.name());
            int space = name.indexOf(' ');
            if (TIME_TYPES.contains(c.name()) && space > 0) {
                // timestamp_with_time_zone(4) is timestamp(4) with time zone
                return name.substring(0, space) + "(" + String.join(",", args) + ")" + name.substring(space);
            }
            return name + "(" + String.join(",", args) + ")";
        }
        throw new Untranslated("column type that is not a name, a call or sql(\"...\")", where(where));
    }

    private static String typeName(String name) {
        if (INTERVAL_FIELDS.contains(name)) {
            return "interval " + name.replace('_', ' ');
        }
        if (MULTI_WORD_TYPES.contains(name)) {
            return name.replace('_', ' ');
        }
        return name;
    }

    private static String defaultValue(Expr e, Block where) {
        if (e instanceof Str s) {
            return literal(s.value());
        }
        if (e instanceof Num n) {
            return n.text();
        }
        if (e instanceof Bool b) {
            return String.valueOf(b.value());
        }
        if (e instanceof Call c && c.name().equals("sql")) {
            return sqlArgument(c, "column default", where);
        }
        throw new Untranslated("column default that is not a literal or sql(\"...\")", where(where));
    }

    private static String sqlArgument(Call c, String what, Block where) {
        if (c.args().size() != 1 || !(c.args().get(0) instanceof Str s)) {
            throw new Untranslated(what + " sql(...) without one string", where(where));
        }
        return s.value();
    }

    /** {@code [column.a, table.t.column.b]} of the table itself, as a quoted column list. */
    private static String columns(Expr e, String table, Block where) {
        if (!(e instanceof ListExpr list) || list.items().isEmpty()) {
            throw new Untranslated(where.type() + " columns that is not a list of columns", where(where));
        }
        List<String> names = new ArrayList<>();
        for (Expr item : list.items()) {
            names.add(q(columnName(item, table, where)));
        }
        return String.join(", ", names);
    }

    private static String columnName(Expr e, String table, Block where) {
        if (e instanceof Ref r) {
            List<String> p = r.parts();
            if (p.size() == 2 && p.get(0).equals("column")) {
                return p.get(1);
            }
            if (p.size() == 4 && p.get(0).equals("table") && p.get(1).equals(table) && p.get(2).equals("column")) {
                return p.get(3);
            }
        }
        throw new Untranslated(where.type() + " column reference other than column.x of the table itself", where(where));
    }

    private static String include(Fields f, String table, Block b) {
        Expr include = f.optional("include");
        return include == null ? "" : " INCLUDE (" + columns(include, table, b) + ")";
    }

    private static String nullsNotDistinct(Fields f, Block b) {
        Expr distinct = f.optional("nulls_distinct");
        return distinct == null || bool(distinct, b.type() + " nulls_distinct", b) ? "" : " NULLS NOT DISTINCT";
    }

    private static String constraintName(Block b) {
        if (b.labels().isEmpty()) {
            return "";
        }
        return "CONSTRAINT " + q(single(b)) + " ";
    }

    private static void inSchema(Fields f, Block b, String schema) {
        Expr s = f.required("schema");
        if (!(s instanceof Ref r) || r.parts().size() != 2 || !r.parts().get(0).equals("schema")) {
            throw new Untranslated(b.type() + " schema that is not schema.x", where(b));
        }
        if (!r.parts().get(1).equals(schema)) {
            throw new Untranslated(b.type() + " in schema other than the case's", where(b));
        }
    }

    private static String single(Block b) {
        if (b.labels().size() != 1) {
            throw new Untranslated(b.type() + " block with " + b.labels().size() + " labels", where(b));
        }
        return b.label();
    }

    private static String string(Expr e, String what, Block where) {
        if (e instanceof Str s) {
            return s.value();
        }
        throw new Untranslated(what + " that is not a string", where(where));
    }

    private static boolean bool(Expr e, String what, Block where) {
        if (e instanceof Bool b) {
            return b.value();
        }
        throw new Untranslated(what + " that is not true or false", where(where));
    }

    private static String number(Expr e, String what, Block where) {
        if (e instanceof Num n) {
            return n.text();
        }
        throw new Untranslated(what + " that is not a number", where(where));
    }

    private static String name(Expr e, String what, Block where) {
        if (e instanceof Ref r && r.parts().size() == 1) {
            return r.parts().get(0);
        }
        throw new Untranslated(what + " that is not a name", where(where));
    }

    static String q(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static String where(Block b) {
        return b.describe() + " at line " + b.line();
    }

    /**
     * The attributes and blocks of one block, each taken at most once; {@link #done()} refuses
     * what was not taken, so nothing the file says is silently dropped.
     */
    private static final class Fields {
        private final Block block;
        private final String kind;
        private final Map<String, Attribute> attributes = new LinkedHashMap<>();
        private boolean blocksTaken;

        Fields(Block block, String kind) {
            this.block = block;
            this.kind = kind;
            for (Attribute a : block.attributes()) {
                if (attributes.put(a.name(), a) != null) {
                    throw new Untranslated(kind + " attribute " + a.name() + " given twice", where(block));
                }
            }
        }

        Expr optional(String name) {
            Attribute a = attributes.remove(name);
            return a == null ? null : a.value();
        }

        Expr required(String name) {
            Expr e = optional(name);
            if (e == null) {
                throw new Untranslated(kind + " without " + name, where(block));
            }
            return e;
        }

        List<Block> blocks() {
            blocksTaken = true;
            return block.blocks();
        }

        void done() {
            if (!attributes.isEmpty()) {
                throw new Untranslated(kind + " attribute " + attributes.keySet().iterator().next(), where(block));
            }
            if (!blocksTaken && !block.blocks().isEmpty()) {
                throw new Untranslated(kind + " " + block.blocks().get(0).type() + " block", where(block.blocks().get(0)));
            }
        }
    }
}
