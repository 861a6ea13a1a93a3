package dev.strata.load;

import dev.strata.edn.EdnPrinter;
import dev.strata.model.Index;
import dev.strata.model.QualifiedName;
import dev.strata.sql.Identifiers;
import dev.strata.sql.IndexKeyParts;
import dev.strata.sql.SqlText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import us.bpsm.edn.Keyword;

/**
 * IndexParser reads index specs: the Automigrate vector {@code [:name :method {:fields [...] ...}]}
 * and the map {@code {:fields [...] :name ... :method ... :unique ... :where ... :include [...]}}.
 * A key is a field keyword, an expression {@code [:raw "lower(email)"]}, or a map with the key's
 * options: {@code {:field :email :opclass :text-pattern-ops :collate "C" :order :desc :nulls :last}}
 * or {@code {:expression [:raw "lower(email)"] ...}}.
 */
final class IndexParser {
    static final Set<String> OPTIONS = Set.of("name", "fields", "method", "unique", "where", "include", "with",
            "comment", "nulls-not-distinct");
    static final Set<String> KEY_OPTIONS_MAP = Set.of("field", "expression", "opclass", "collate", "order", "nulls");
    /** A raw index key split into its expression and trailing ordering options. */
    private static final Pattern KEY_OPTIONS = Pattern.compile(
            "(?is)^(.*?)((?:\\s+(?:ASC|DESC))?(?:\\s+NULLS\\s+(?:FIRST|LAST))?)$");
    private static final Pattern PLAIN_COLUMN = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*|\"(?:[^\"]|\"\")+\"");
    private static final Pattern FUNCTION_CALL = Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\(");

    private IndexParser() {
    }

    /**
     * A key written as a map: {@code :field} or {@code :expression}, and the options {@code :opclass}
     * (keyword, string or {@code [:raw "ops(param=1)"]}), {@code :collate}, {@code :order} and
     * {@code :nulls}. Null after adding a problem.
     */
    private static IndexKeyParts mapKey(Map<?, ?> key, Location where, String subject, Problems problems) {
        int before = problems.size();
        String shown = EdnPrinter.flat(key);
        for (Object k : key.keySet()) {
            if (!(k instanceof Keyword kw) || !KEY_OPTIONS_MAP.contains(kw.getName())) {
                problems.add(where, subject, "unknown index key option " + EdnPrinter.flat(k) + " in " + shown,
                        "use :field or :expression, with :opclass :collate :order :nulls");
            }
        }
        Object field = key.get(FieldParser.kw("field"));
        Object expression = key.get(FieldParser.kw("expression"));
        String expr = null;
        if ((field == null) == (expression == null)) {
            problems.add(where, subject, "index key " + shown + " needs exactly one of :field and :expression",
                    "write {:field :column ...} or {:expression [:raw \"lower(email)\"] ...}");
        } else if (field != null) {
            if (field instanceof Keyword || field instanceof String) {
                expr = Identifiers.quote(Names.identifier(field));
            } else {
                problems.add(where, subject, "bad :field " + EdnPrinter.flat(field) + " in index key " + shown,
                        "name the column with a keyword, such as :field :email");
            }
        } else {
            try {
                String sql = SqlExpressions.condition(expression);
                expr = SqlText.enclosed(sql) ? sql : "(" + sql + ")";
            } catch (InvalidSpec e) {
                problems.add(where, subject, ":expression: " + e.what(), e.fix());
            }
        }
        String opclass = null;
        Object op = key.get(FieldParser.kw("opclass"));
        if (op instanceof Keyword k) {
            opclass = Identifiers.quote(Names.identifier(k));
        } else if (op instanceof String str && !str.isBlank()) {
            opclass = str.strip();
        } else if (op instanceof List<?> raw && raw.size() == 2 && FieldParser.kw("raw").equals(raw.get(0))
                && raw.get(1) instanceof String str && !str.isBlank()) {
            opclass = str.strip();
        } else if (op != null) {
            problems.add(where, subject, "bad :opclass " + EdnPrinter.flat(op) + " in index key " + shown,
                    "write :opclass :text-pattern-ops, or :opclass [:raw \"gist_trgm_ops(siglen=32)\"] for one with parameters");
        }
        String collation = null;
        Object coll = key.get(FieldParser.kw("collate"));
        if (coll instanceof Keyword || coll instanceof String str && !str.isBlank()) {
            // Records hold collations as SQL, as the catalog prints them ("C"); same rule as a field's :collate.
            collation = Identifiers.quote(coll instanceof Keyword k ? k.getName() : (String) coll);
        } else if (coll != null) {
            problems.add(where, subject, "bad :collate " + EdnPrinter.flat(coll) + " in index key " + shown,
                    "write the collation name, such as :collate \"C\"");
        }
        String order = null;
        Object ord = key.get(FieldParser.kw("order"));
        if (FieldParser.kw("asc").equals(ord) || FieldParser.kw("desc").equals(ord)) {
            order = ((Keyword) ord).getName().toUpperCase(java.util.Locale.ROOT);
        } else if (ord != null) {
            problems.add(where, subject, "bad :order " + EdnPrinter.flat(ord) + " in index key " + shown,
                    "write :order :asc or :order :desc");
        }
        String nulls = null;
        Object nl = key.get(FieldParser.kw("nulls"));
        if (FieldParser.kw("first").equals(nl) || FieldParser.kw("last").equals(nl)) {
            nulls = ((Keyword) nl).getName().toUpperCase(java.util.Locale.ROOT);
        } else if (nl != null) {
            problems.add(where, subject, "bad :nulls " + EdnPrinter.flat(nl) + " in index key " + shown,
                    "write :nulls :first or :nulls :last");
        }
        return problems.size() > before ? null : new IndexKeyParts(expr, collation, opclass, order, nulls);
    }

    /** The index, or null after adding a problem. */
    static IndexDraft parse(QualifiedName table, Object spec, Location where, String modelSubject,
                            Problems problems) {
        Object name = null;
        Object method = null;
        Map<?, ?> options;
        if (spec instanceof List<?> v && v.size() >= 2 && v.size() <= 3
                && (v.size() == 2 || v.get(2) instanceof Map)) {
            name = v.get(0);
            method = v.get(1);
            options = v.size() == 3 ? (Map<?, ?>) v.get(2) : Map.of();
            if (options.containsKey(FieldParser.kw("name")) || options.containsKey(FieldParser.kw("method"))) {
                problems.add(where, modelSubject + ", index " + EdnPrinter.flat(name),
                        ":name / :method given twice", "give them only in the vector");
                return null;
            }
        } else if (spec instanceof Map<?, ?> m) {
            options = m;
            name = m.get(FieldParser.kw("name"));
            method = m.get(FieldParser.kw("method"));
        } else {
            problems.add(where, modelSubject, "cannot read index " + EdnPrinter.flat(spec),
                    "write {:fields [:a :b] ...} or [:index-name :btree {:fields [:a :b]}]");
            return null;
        }
        String subject = modelSubject + ", index " + (name == null ? EdnPrinter.flat(options.get(FieldParser.kw("fields")))
                : EdnPrinter.flat(name));
        int before = problems.size();
        for (Object key : options.keySet()) {
            if (!(key instanceof Keyword k) || !OPTIONS.contains(k.getName())) {
                problems.add(where, subject, "unknown index option " + EdnPrinter.flat(key),
                        "use :fields :name :method :unique :where :include :with :comment :nulls-not-distinct");
            }
        }
        String explicitName = null;
        if (name != null) {
            if (name instanceof Keyword || name instanceof String) {
                explicitName = Names.identifier(name);
                if (Names.bytes(explicitName) > Names.MAX_BYTES) {
                    problems.add(where, subject, FieldParser.tooLong(explicitName), "use a shorter index name");
                }
            } else {
                problems.add(where, subject, "bad index name " + EdnPrinter.flat(name), "use a keyword");
            }
        }
        String methodName = "btree";
        if (method != null) {
            if (method instanceof Keyword k) {
                methodName = k.getName();
            } else {
                problems.add(where, subject, "bad index method " + EdnPrinter.flat(method),
                        "use a keyword such as :btree, :gin, :gist, :hash or :brin");
            }
        }
        Object fields = options.get(FieldParser.kw("fields"));
        List<String> keys = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        List<String> nameParts = new ArrayList<>();
        if (!(fields instanceof List<?> fl) || fl.isEmpty()) {
            problems.add(where, subject, "index has no :fields", "add :fields [:column ...]");
        } else {
            for (Object f : fl) {
                if (f instanceof Keyword || f instanceof String) {
                    String col = Names.identifier(f);
                    keys.add(Identifiers.quote(col));
                    columns.add(col);
                    nameParts.add(col);
                } else if (f instanceof List<?> raw && raw.size() == 2 && FieldParser.kw("raw").equals(raw.get(0))
                        && raw.get(1) instanceof String sql && !sql.isBlank()) {
                    Matcher ordering = KEY_OPTIONS.matcher(sql.trim());
                    ordering.matches();
                    String expression = ordering.group(1).trim();
                    if (PLAIN_COLUMN.matcher(expression).matches()) {
                        // A column with ordering options ("created_at DESC NULLS LAST") stays a column key.
                        keys.add(expression + ordering.group(2));
                        nameParts.add(expression.startsWith("\"") ? Names.identifier(expression.substring(1,
                                expression.length() - 1)) : expression.toLowerCase(java.util.Locale.ROOT));
                    } else {
                        keys.add((SqlText.enclosed(expression) ? expression : "(" + expression + ")") + ordering.group(2));
                        Matcher m = FUNCTION_CALL.matcher(sql);
                        nameParts.add(m.find() ? m.group(1).toLowerCase(java.util.Locale.ROOT) : "expr");
                    }
                } else if (f instanceof Map<?, ?> km) {
                    IndexKeyParts parts = mapKey(km, where, subject, problems);
                    if (parts != null) {
                        keys.add(parts.sql());
                        if (km.containsKey(FieldParser.kw("field"))) {
                            String col = Names.identifier(km.get(FieldParser.kw("field")));
                            columns.add(col);
                            nameParts.add(col);
                        } else {
                            Matcher m = FUNCTION_CALL.matcher(SqlText.unwrap(parts.expression()));
                            nameParts.add(m.find() ? m.group(1).toLowerCase(java.util.Locale.ROOT) : "expr");
                        }
                    }
                } else {
                    problems.add(where, subject, "bad index key " + EdnPrinter.flat(f),
                            "use a field keyword, [:raw \"expression\"] or a map such as "
                                    + "{:field :email :opclass :text-pattern-ops :order :desc}");
                }
            }
        }
        List<String> keyColumns = nameParts.size() == columns.size() ? List.copyOf(columns) : List.of();
        List<String> include = new ArrayList<>();
        Object inc = options.get(FieldParser.kw("include"));
        if (inc != null) {
            if (inc instanceof List<?> il && il.stream().allMatch(i -> i instanceof Keyword || i instanceof String)) {
                for (Object i : il) {
                    include.add(Names.identifier(i));
                }
                columns.addAll(include);
                // PostgreSQL's default index name lists the INCLUDE columns too.
                nameParts.addAll(include);
            } else {
                problems.add(where, subject, "bad :include " + EdnPrinter.flat(inc), "write :include [:column ...] (a string names a column as written)");
            }
        }
        Object uniqueOpt = options.get(FieldParser.kw("unique"));
        if (uniqueOpt != null && !(uniqueOpt instanceof Boolean)) {
            problems.add(where, subject, ":unique must be true or false", "write :unique true");
        }
        boolean unique = Boolean.TRUE.equals(uniqueOpt);
        Object nndOpt = options.get(FieldParser.kw("nulls-not-distinct"));
        if (nndOpt != null && !(nndOpt instanceof Boolean)) {
            problems.add(where, subject, ":nulls-not-distinct must be true or false, not " + EdnPrinter.flat(nndOpt),
                    "write :nulls-not-distinct true");
        } else if (Boolean.TRUE.equals(nndOpt) && !unique) {
            problems.add(where, subject, ":nulls-not-distinct true on an index that is not unique",
                    "add :unique true, or remove :nulls-not-distinct");
        }
        boolean nullsNotDistinct = Boolean.TRUE.equals(nndOpt) && unique;
        String whereSql = null;
        Object w = options.get(FieldParser.kw("where"));
        if (w != null) {
            try {
                whereSql = SqlExpressions.condition(w);
            } catch (InvalidSpec e) {
                problems.add(where, subject, ":where: " + e.what(), e.fix());
            }
        }
        Map<String, String> storage = StorageParser.parse(options.get(FieldParser.kw("with")), where, subject, problems);
        Object commentOpt = options.get(FieldParser.kw("comment"));
        if (commentOpt != null && !(commentOpt instanceof String)) {
            problems.add(where, subject, ":comment must be a string, not " + EdnPrinter.flat(commentOpt),
                    "write :comment \"...\"");
        }
        String comment = commentOpt instanceof String c ? c : null;
        if (problems.size() > before) {
            return null;
        }
        NameSpec nameSpec = explicitName != null ? NameSpec.explicit(explicitName)
                : NameSpec.generated(table.name(), Names.columnsPart(nameParts), "idx");
        String method1 = methodName;
        String predicate = whereSql;
        return new IndexDraft(nameSpec, columns, predicate != null, keyColumns, keys, unique,
                n -> new Index(n, table, unique, method1, keys, include, predicate, new TreeMap<>(storage), comment,
                        nullsNotDistinct),
                where, subject);
    }
}
