package dev.strata.load;

import dev.strata.edn.EdnMap;
import dev.strata.edn.EdnPrinter;
import dev.strata.edn.EdnVector;
import dev.strata.model.Constraint;
import dev.strata.model.Extension;
import dev.strata.model.QualifiedName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import us.bpsm.edn.Keyword;

/**
 * ModelParser reads the entries of the merged models map: tables in the three syntaxes, enums
 * ({@code {:type :enum :choices [...]}}) and extensions ({@code {:type :extension}}).
 */
final class ModelParser {
    static final Set<String> TABLE_OPTIONS = Set.of("fields", "table-name", "indexes", "constraints",
            "primary-key", "unique", "foreign-keys", "comment", "types", "renamed-from", "triggers");
    static final Set<String> ENUM_OPTIONS = Set.of("type", "choices", "comment", "renamed-from", "model-name");
    static final Set<String> DOMAIN_OPTIONS = Set.of("type", "base", "null", "default", "collate", "checks",
            "comment");
    static final Set<String> DOMAIN_CHECK_OPTIONS = Set.of("name", "check");
    static final Set<String> COMPOSITE_OPTIONS = Set.of("type", "fields", "comment");
    static final Set<String> ATTRIBUTE_OPTIONS = Set.of("type", "collate", "array", "length", "precision", "scale");
    static final Set<String> FOREIGN_KEY_OPTIONS = Set.of("fields", "references", "ref-fields", "on-delete",
            "on-update", "name");
    private static final Pattern IDENTIFIER = Pattern.compile("'(?:[^']|'')*'|\"((?:[^\"]|\"\")+)\"|([A-Za-z_][A-Za-z0-9_$]*)");

    final List<TableDraft> tables = new ArrayList<>();
    final List<EnumDraft> enums = new ArrayList<>();
    final List<Extension> extensions = new ArrayList<>();
    final List<DomainDraft> domains = new ArrayList<>();
    final List<CompositeDraft> composites = new ArrayList<>();
    /** Processed form of every entry, by key, in merge order. */
    final Map<Object, Object> processed = new LinkedHashMap<>();
    private final Problems problems;

    ModelParser(Problems problems) {
        this.problems = problems;
    }

    void parse(Object key, Object value, Location where) {
        String subject = "model " + EdnPrinter.flat(key);
        if (!(key instanceof Keyword || key instanceof String)) {
            problems.add(where, subject, "model keys must be keywords", "write :model-name");
            return;
        }
        if (value instanceof List<?> fields) {
            table(key, Map.of(), fields, where, subject);
        } else if (value instanceof Map<?, ?> m && m.containsKey(FieldParser.TYPE)) {
            Object type = m.get(FieldParser.TYPE);
            if (FieldParser.kw("enum").equals(type)) {
                enumType(key, m, where, "enum " + EdnPrinter.flat(key));
                processed.put(key, value);
            } else if (FieldParser.kw("domain").equals(type)) {
                domain(key, m, where, "domain " + EdnPrinter.flat(key));
                processed.put(key, value);
            } else if (FieldParser.kw("composite").equals(type)) {
                composite(key, m, where, "composite type " + EdnPrinter.flat(key));
                processed.put(key, value);
            } else if (FieldParser.kw("extension").equals(type)) {
                extension(key, m, where, "extension " + EdnPrinter.flat(key));
                processed.put(key, value);
            } else {
                problems.add(where, subject, "unknown model kind :type " + EdnPrinter.flat(type),
                        "a top-level :type is :enum, :domain, :composite or :extension; tables have :fields");
            }
        } else if (value instanceof Map<?, ?> m && m.containsKey(FieldParser.kw("fields"))) {
            table(key, m, m.get(FieldParser.kw("fields")), where, subject);
        } else {
            problems.add(where, subject, "cannot tell what this model is",
                    "write a table as [[:field type {options}] ...] or {:fields ...}, an enum as "
                            + "{:type :enum :choices [...]}, an extension as {:type :extension}");
        }
    }

    private void extension(Object key, Map<?, ?> m, Location where, String subject) {
        Object name = m.get(FieldParser.kw("name"));
        for (Object k : m.keySet()) {
            if (!Set.of(FieldParser.TYPE, FieldParser.kw("name")).contains(k)) {
                problems.add(where, subject, "unknown extension option " + EdnPrinter.flat(k), "use :type and :name");
            }
        }
        if (name != null && !(name instanceof String)) {
            problems.add(where, subject, ":name must be a string", "write :name \"uuid-ossp\"");
            return;
        }
        extensions.add(new Extension(name != null ? (String) name
                : key instanceof Keyword k ? k.getName() : (String) key));
    }

    private void domain(Object key, Map<?, ?> m, Location where, String subject) {
        for (Object k : m.keySet()) {
            if (!(k instanceof Keyword kw) || !DOMAIN_OPTIONS.contains(kw.getName())) {
                problems.add(where, subject, "unknown domain option " + EdnPrinter.flat(k),
                        "use " + String.join(" ", DOMAIN_OPTIONS.stream().sorted().map(o -> ":" + o).toList()));
            }
        }
        String name = typeName(key, where, subject, "domain");
        Object baseForm = opt(m, "base");
        Types.ParsedType base = null;
        if (baseForm == null) {
            problems.add(where, subject, "domain has no :base type", "add :base, e.g. :base :integer");
        } else {
            try {
                base = Types.parse(baseForm, null, null, null, null);
            } catch (InvalidSpec e) {
                problems.add(where, subject, "bad :base: " + e.what(), e.fix());
            }
        }
        Object nullable = opt(m, "null");
        if (nullable != null && !(nullable instanceof Boolean)) {
            problems.add(where, subject, ":null must be true or false", "write :null false for NOT NULL");
        }
        String defaultExpr = null;
        try {
            defaultExpr = SqlExpressions.defaultExpr(opt(m, "default"));
        } catch (InvalidSpec e) {
            problems.add(where, subject, e.what(), e.fix());
        }
        Object collate = opt(m, "collate");
        String collation = null;
        if (collate instanceof String || collate instanceof Keyword) {
            collation = dev.strata.sql.Identifiers.quote(collate instanceof Keyword k ? k.getName() : (String) collate);
        } else if (collate != null) {
            problems.add(where, subject, "bad :collate " + EdnPrinter.flat(collate), "write :collate \"C\"");
        }
        List<DomainDraft.CheckDraft> checks = new ArrayList<>();
        Object checkForms = opt(m, "checks");
        if (checkForms instanceof List<?> cl) {
            for (Object c : cl) {
                DomainDraft.CheckDraft d = domainCheck(c, where, subject);
                if (d != null) {
                    checks.add(d);
                }
            }
        } else if (checkForms != null) {
            problems.add(where, subject, ":checks must be a vector of maps, not " + EdnPrinter.flat(checkForms),
                    "write :checks [{:name \"positive\" :check [:raw \"VALUE > 0\"]}]");
        }
        Set<String> checkNames = new LinkedHashSet<>();
        for (DomainDraft.CheckDraft c : checks) {
            if (c.name() != null && !checkNames.add(c.name())) {
                problems.add(where, subject, "check name " + c.name() + " is used twice", "give one check another :name");
            }
        }
        domains.add(new DomainDraft(name, base, collation, Boolean.FALSE.equals(nullable), defaultExpr, checks,
                comment(m, where, subject), where, subject));
    }

    private DomainDraft.CheckDraft domainCheck(Object form, Location where, String subject) {
        Location at = form instanceof EdnMap em && em.line() > 0 ? new Location(where.file(), em.line()) : where;
        if (!(form instanceof Map<?, ?> m) || !m.containsKey(FieldParser.kw("check"))) {
            problems.add(at, subject, "bad domain check " + EdnPrinter.flat(form),
                    "write {:name \"positive\" :check [:raw \"VALUE > 0\"]}");
            return null;
        }
        for (Object k : m.keySet()) {
            if (!(k instanceof Keyword kw) || !DOMAIN_CHECK_OPTIONS.contains(kw.getName())) {
                problems.add(at, subject, "unknown domain check option " + EdnPrinter.flat(k), "use :name and :check");
            }
        }
        Object name = opt(m, "name");
        String checkName = null;
        if (name instanceof String || name instanceof Keyword) {
            checkName = Names.identifier(name);
            if (Names.bytes(checkName) > Names.MAX_BYTES) {
                problems.add(at, subject, FieldParser.tooLong(checkName), "use a shorter check name");
            }
        } else if (name != null) {
            problems.add(at, subject, "bad check :name " + EdnPrinter.flat(name), "write :name \"check_name\"");
        }
        try {
            return new DomainDraft.CheckDraft(checkName, SqlExpressions.condition(opt(m, "check")));
        } catch (InvalidSpec e) {
            problems.add(at, subject, e.what(), e.fix());
            return null;
        }
    }

    private void composite(Object key, Map<?, ?> m, Location where, String subject) {
        for (Object k : m.keySet()) {
            if (!(k instanceof Keyword kw) || !COMPOSITE_OPTIONS.contains(kw.getName())) {
                problems.add(where, subject, "unknown composite type option " + EdnPrinter.flat(k),
                        "use :type :composite, :fields and :comment");
            }
        }
        String name = typeName(key, where, subject, "composite type");
        List<FieldParser.Draft> attributes = new ArrayList<>();
        Object fields = opt(m, "fields");
        if (fields instanceof Map<?, ?> fm && !fm.isEmpty()) {
            EdnMap lines = fm instanceof EdnMap em ? em : null;
            fm.forEach((fk, spec) -> {
                Location at = lines == null ? where : new Location(where.file(), lines.lineOf(fk));
                String sub = subject + ", field " + EdnPrinter.flat(fk);
                if (spec instanceof Map<?, ?> sm) {
                    for (Object k : sm.keySet()) {
                        if (!(k instanceof Keyword kw) || !ATTRIBUTE_OPTIONS.contains(kw.getName())) {
                            problems.add(at, sub, "composite type fields take no option " + EdnPrinter.flat(k),
                                    "use " + String.join(" ", ATTRIBUTE_OPTIONS.stream().sorted()
                                            .map(o -> ":" + o).toList()));
                        }
                    }
                }
                attributes.add(FieldParser.draft(name, fk, spec, at, sub, problems));
            });
        } else {
            problems.add(where, subject, "composite type needs :fields, a non-empty map of field name to "
                    + "{:type ...}, not " + EdnPrinter.flat(fields), "write :fields {:street {:type :text}}");
        }
        Set<String> seen = new LinkedHashSet<>();
        for (FieldParser.Draft a : attributes) {
            if (!seen.add(a.column().name())) {
                problems.add(a.where(), a.subject(), "field " + a.column().name() + " is defined twice",
                        "rename or remove one of the fields");
            }
        }
        composites.add(new CompositeDraft(name, attributes, comment(m, where, subject), where, subject));
    }

    private String typeName(Object key, Location where, String subject, String kind) {
        String name = Names.identifier(key);
        if (Names.bytes(name) > Names.MAX_BYTES) {
            problems.add(where, subject, FieldParser.tooLong(name), "use a shorter " + kind + " name");
        }
        return name;
    }

    private String comment(Map<?, ?> m, Location where, String subject) {
        Object comment = opt(m, "comment");
        if (comment != null && !(comment instanceof String)) {
            problems.add(where, subject, ":comment must be a string", "write :comment \"...\"");
            return null;
        }
        return (String) comment;
    }

    private void enumType(Object key, Map<?, ?> m, Location where, String subject) {
        for (Object k : m.keySet()) {
            if (!(k instanceof Keyword kw) || !ENUM_OPTIONS.contains(kw.getName())) {
                problems.add(where, subject, "unknown enum option " + EdnPrinter.flat(k),
                        "use :choices, :comment and :renamed-from");
            }
        }
        String name = Names.identifier(key);
        if (Names.bytes(name) > Names.MAX_BYTES) {
            problems.add(where, subject, FieldParser.tooLong(name), "use a shorter enum name");
        }
        Object choices = m.get(FieldParser.kw("choices"));
        List<String> labels = new ArrayList<>();
        if (!(choices instanceof List<?> cl) || cl.isEmpty()) {
            problems.add(where, subject, "enum has no :choices", "add :choices [\"a\" \"b\"]");
        } else {
            for (Object c : cl) {
                String label = c instanceof String s ? s : c instanceof Keyword k ? k.getName() : null;
                if (label == null) {
                    problems.add(where, subject, "enum choice " + EdnPrinter.flat(c) + " is not a string",
                            "write the choices as strings");
                } else if (labels.contains(label)) {
                    problems.add(where, subject, "enum choice \"" + label + "\" is listed twice", "remove one");
                } else {
                    if (Names.bytes(label) > Names.MAX_BYTES) {
                        problems.add(where, subject, "enum choice \"" + label + "\" is " + Names.bytes(label)
                                + " bytes, over PostgreSQL's 63-byte limit", "use a shorter choice");
                    }
                    labels.add(label);
                }
            }
        }
        Map<String, String> renames = new LinkedHashMap<>();
        Object renamed = m.get(FieldParser.kw("renamed-from"));
        if (renamed instanceof Map<?, ?> rm && rm.keySet().stream().allMatch(String.class::isInstance)
                && rm.values().stream().allMatch(String.class::isInstance)) {
            rm.forEach((k, v) -> renames.put((String) k, (String) v));
        } else if (renamed != null) {
            problems.add(where, subject, "enum :renamed-from must map new choices to old ones",
                    "write :renamed-from {\"new\" \"old\"}");
        }
        Object comment = m.get(FieldParser.kw("comment"));
        if (comment != null && !(comment instanceof String)) {
            problems.add(where, subject, ":comment must be a string", "write :comment \"...\"");
            comment = null;
        }
        enums.add(new EnumDraft(name, labels, (String) comment, renames, where, subject));
    }

    private Object opt(Map<?, ?> m, String name) {
        return m.get(FieldParser.kw(name));
    }

    private void table(Object key, Map<?, ?> options, Object fieldsForm, Location where, String subject) {
        for (Object k : options.keySet()) {
            if (!(k instanceof Keyword kw) || !TABLE_OPTIONS.contains(kw.getName())) {
                problems.add(where, subject, "unknown model option " + EdnPrinter.flat(k),
                        "use one of " + String.join(" ", TABLE_OPTIONS.stream().sorted().map(o -> ":" + o).toList())
                                + ", or add the key to the strip list if it is application metadata");
            }
        }
        Object tableNameOpt = opt(options, "table-name");
        String tableName;
        if (tableNameOpt instanceof String || tableNameOpt instanceof Keyword) {
            tableName = Names.identifier(tableNameOpt);
        } else {
            if (tableNameOpt != null) {
                problems.add(where, subject, "bad :table-name " + EdnPrinter.flat(tableNameOpt),
                        "write :table-name \"name\"");
            }
            tableName = Names.identifier(key);
        }
        if (Names.bytes(tableName) > Names.MAX_BYTES) {
            problems.add(where, subject, FieldParser.tooLong(tableName), "use a shorter model key or :table-name");
        }
        QualifiedName table = QualifiedName.of(tableName);

        List<FieldParser.Draft> fields = new ArrayList<>();
        List<Object> normalFields = new ArrayList<>();
        if (fieldsForm instanceof Map<?, ?> fm) {
            EdnMap lines = fm instanceof EdnMap em ? em : null;
            fm.forEach((fk, spec) -> {
                Location at = lines == null ? where : new Location(where.file(), lines.lineOf(fk));
                FieldParser.Draft d = FieldParser.draft(tableName, fk, spec, at,
                        subject + ", field " + EdnPrinter.flat(fk), problems);
                fields.add(d);
                normalFields.add(d.normalForm());
            });
        } else if (fieldsForm instanceof List<?> fl) {
            for (Object f : fl) {
                Location at = f instanceof EdnVector ev && ev.line() > 0 ? new Location(where.file(), ev.line()) : where;
                if (!(f instanceof List<?> fv) || fv.isEmpty()) {
                    problems.add(at, subject, "cannot read field " + EdnPrinter.flat(f),
                            "write [:name type {options}]");
                    continue;
                }
                Object spec = fv.size() == 1 ? List.of() : fv.subList(1, fv.size());
                if (fv.size() == 1) {
                    problems.add(at, subject + ", field " + EdnPrinter.flat(fv.get(0)), "field has no type",
                            "write [:name type {options}]");
                    continue;
                }
                FieldParser.Draft d = FieldParser.draft(tableName, fv.get(0), spec, at,
                        subject + ", field " + EdnPrinter.flat(fv.get(0)), problems);
                fields.add(d);
                normalFields.add(d.normalForm());
            }
        } else {
            problems.add(where, subject, "bad :fields " + EdnPrinter.flat(fieldsForm),
                    "write :fields [[:name type {options}] ...] or :fields {:name {:type type ...}}");
        }
        if (fields.isEmpty() && (fieldsForm instanceof Map || fieldsForm instanceof List)) {
            problems.add(where, subject, "model has no fields", "add at least one field");
        }
        Set<String> seen = new LinkedHashSet<>();
        for (FieldParser.Draft f : fields) {
            if (!seen.add(f.column().name())) {
                problems.add(f.where(), f.subject(), "column " + f.column().name() + " is defined twice",
                        "rename or remove one of the fields");
            }
        }
        Set<String> columns = seen;

        List<ConstraintDraft> constraints = new ArrayList<>();
        List<ForeignKeyDraft> foreignKeys = new ArrayList<>();
        List<String> pkColumns = new ArrayList<>();
        for (FieldParser.Draft f : fields) {
            if (f.primaryKey()) {
                pkColumns.add(f.column().name());
            }
        }
        Object tablePk = opt(options, "primary-key");
        if (tablePk != null) {
            List<String> cols = columnList(tablePk, where, subject, ":primary-key");
            if (!pkColumns.isEmpty()) {
                problems.add(where, subject, "primary key given both on fields and as :primary-key",
                        "keep one of the two");
            } else if (cols != null) {
                pkColumns.addAll(cols);
            }
        }
        if (!pkColumns.isEmpty()) {
            List<String> pk = List.copyOf(pkColumns);
            constraints.add(new ConstraintDraft(NameSpec.generated(tableName, null, "pkey"),
                    n -> new Constraint.PrimaryKey(n, pk), true, where, subject));
        }
        for (FieldParser.Draft f : fields) {
            constraints.addAll(f.constraints());
            if (f.foreignKey() != null) {
                foreignKeys.add(f.foreignKey());
            }
        }
        Object uniques = opt(options, "unique");
        if (uniques instanceof List<?> ul && !ul.isEmpty()) {
            List<?> groups = ul.stream().allMatch(u -> u instanceof Keyword) ? List.of(ul) : ul;
            for (Object g : groups) {
                List<String> cols = columnList(g, where, subject, ":unique");
                if (cols != null) {
                    constraints.add(new ConstraintDraft(NameSpec.generated(tableName, Names.columnsPart(cols), "key"),
                            n -> new Constraint.Unique(n, cols, false), true, where, subject));
                }
            }
        } else if (uniques != null) {
            problems.add(where, subject, "bad :unique " + EdnPrinter.flat(uniques), "write :unique [[:a :b] ...]");
        }
        Object fks = opt(options, "foreign-keys");
        if (fks instanceof List<?> fl) {
            for (Object fk : fl) {
                ForeignKeyDraft d = tableForeignKey(tableName, fk, where, subject);
                if (d != null) {
                    foreignKeys.add(d);
                }
            }
        } else if (fks != null) {
            problems.add(where, subject, "bad :foreign-keys " + EdnPrinter.flat(fks),
                    "write :foreign-keys [{:fields [:a] :references :model :ref-fields [:id]}]");
        }
        Object extra = opt(options, "constraints");
        if (extra instanceof List<?> cl) {
            for (Object c : cl) {
                ConstraintDraft d = tableConstraint(tableName, columns, c, where, subject);
                if (d != null) {
                    constraints.add(d);
                }
            }
        } else if (extra != null) {
            problems.add(where, subject, "bad :constraints " + EdnPrinter.flat(extra),
                    "write :constraints [{:check [:raw \"...\"]}]");
        }
        List<IndexDraft> indexes = new ArrayList<>();
        Object idx = opt(options, "indexes");
        if (idx instanceof List<?> il) {
            for (Object i : il) {
                Location at = i instanceof EdnVector ev && ev.line() > 0 ? new Location(where.file(), ev.line())
                        : i instanceof EdnMap em && em.line() > 0 ? new Location(where.file(), em.line()) : where;
                IndexDraft d = IndexParser.parse(table, i, at, subject, problems);
                if (d != null) {
                    indexes.add(d);
                }
            }
        } else if (idx != null) {
            problems.add(where, subject, "bad :indexes " + EdnPrinter.flat(idx), "write :indexes [{:fields [:a]}]");
        }
        Object types = opt(options, "types");
        if (types instanceof List<?> tl) {
            for (Object t : tl) {
                if (t instanceof List<?> tv && tv.size() == 3 && FieldParser.kw("enum").equals(tv.get(1))
                        && tv.get(2) instanceof Map<?, ?> tm && !tm.containsKey(FieldParser.TYPE)) {
                    Map<Object, Object> withType = new LinkedHashMap<>(tm);
                    withType.put(FieldParser.TYPE, FieldParser.kw("enum"));
                    enumType(tv.get(0), withType, where, subject + ", enum " + EdnPrinter.flat(tv.get(0)));
                } else {
                    problems.add(where, subject, "bad :types entry " + EdnPrinter.flat(t),
                            "write :types [[:type-name :enum {:choices [\"a\" \"b\"]}]]");
                }
            }
        } else if (types != null) {
            problems.add(where, subject, "bad :types " + EdnPrinter.flat(types),
                    "write :types [[:type-name :enum {:choices [...]}]]");
        }
        Object comment = opt(options, "comment");
        if (comment != null && !(comment instanceof String)) {
            problems.add(where, subject, ":comment must be a string", "write :comment \"...\"");
            comment = null;
        }
        Object renamed = opt(options, "renamed-from");
        String renamedFrom = null;
        if (renamed instanceof Keyword || renamed instanceof String) {
            renamedFrom = Names.identifier(renamed);
        } else if (renamed != null) {
            problems.add(where, subject, "bad :renamed-from " + EdnPrinter.flat(renamed),
                    "write :renamed-from :old-model-name");
        }
        EdnMap.Builder normal = new EdnMap.Builder(0);
        options.forEach((k, v) -> normal.put(k, v, 0));
        normal.put(FieldParser.kw("fields"), new EdnVector(normalFields, 0), 0);
        processed.put(key, normal.build());
        tables.add(new TableDraft(key, table, fields, pkColumns, constraints, foreignKeys, indexes, (String) comment,
                renamedFrom, where, subject, normal.build()));
    }

    private List<String> columnList(Object form, Location where, String subject, String option) {
        if (form instanceof List<?> l && !l.isEmpty() && l.stream().allMatch(c -> c instanceof Keyword)) {
            return l.stream().map(Names::identifier).toList();
        }
        problems.add(where, subject, "bad " + option + " " + EdnPrinter.flat(form),
                "write " + option + " [:column ...]");
        return null;
    }

    private ForeignKeyDraft tableForeignKey(String tableName, Object form, Location where, String subject) {
        if (!(form instanceof Map<?, ?> m)) {
            problems.add(where, subject, "bad foreign key " + EdnPrinter.flat(form),
                    "write {:fields [:a] :references :model :ref-fields [:id]}");
            return null;
        }
        for (Object k : m.keySet()) {
            if (!(k instanceof Keyword kw) || !FOREIGN_KEY_OPTIONS.contains(kw.getName())) {
                problems.add(where, subject, "unknown foreign key option " + EdnPrinter.flat(k),
                        "use :fields :references :ref-fields :on-delete :on-update :name");
            }
        }
        List<String> cols = columnList(opt(m, "fields"), where, subject, ":fields");
        Object ref = opt(m, "references");
        if (!(ref instanceof Keyword || ref instanceof String)) {
            problems.add(where, subject, "foreign key has no :references", "add :references :model-name");
            return null;
        }
        List<String> refFields = List.of();
        if (opt(m, "ref-fields") != null) {
            List<String> rf = columnList(opt(m, "ref-fields"), where, subject, ":ref-fields");
            if (rf == null) {
                return null;
            }
            refFields = ((List<?>) opt(m, "ref-fields")).stream().map(f -> ((Keyword) f).getName()).toList();
        }
        Constraint.Action onDelete = action(m, "on-delete", where, subject);
        Constraint.Action onUpdate = action(m, "on-update", where, subject);
        Object name = opt(m, "name");
        if (cols == null) {
            return null;
        }
        NameSpec spec = name instanceof Keyword || name instanceof String ? NameSpec.explicit(Names.identifier(name))
                : NameSpec.generated(tableName, Names.columnsPart(cols), "fkey");
        String refName = ref instanceof Keyword k ? k.getName() : (String) ref;
        String written = "to " + EdnPrinter.flat(ref) + (refFields.isEmpty() ? "" : " " + EdnPrinter.flat(opt(m, "ref-fields")));
        return new ForeignKeyDraft(spec, cols, refName, refFields, onDelete, onUpdate, written, where,
                subject + ", foreign key " + EdnPrinter.flat(opt(m, "fields")));
    }

    private Constraint.Action action(Map<?, ?> m, String option, Location where, String subject) {
        Object v = opt(m, option);
        if (v == null) {
            return null;
        }
        Constraint.Action a = Actions.parse(v);
        if (a == null) {
            problems.add(where, subject, "bad :" + option + " " + EdnPrinter.flat(v),
                    "write :cascade, :set-null, :set-default, :restrict or :no-action");
        }
        return a;
    }

    private ConstraintDraft tableConstraint(String tableName, Set<String> columns, Object form, Location where,
                                            String subject) {
        Location at = form instanceof EdnMap em && em.line() > 0 ? new Location(where.file(), em.line()) : where;
        if (!(form instanceof Map<?, ?> m)) {
            problems.add(at, subject, "bad constraint " + EdnPrinter.flat(form),
                    "write {:check [:raw \"...\"]}, {:unique [:a :b]} or {:exclude \"EXCLUDE USING ...\"}");
            return null;
        }
        Object name = opt(m, "name");
        String explicit = name instanceof Keyword || name instanceof String ? Names.identifier(name) : null;
        Set<Object> keys = new LinkedHashSet<>(m.keySet());
        keys.remove(FieldParser.kw("name"));
        if (keys.size() != 1) {
            problems.add(at, subject, "constraint " + EdnPrinter.flat(form) + " must have exactly one of :check, "
                    + ":unique, :exclude", "split it into one map per constraint");
            return null;
        }
        Object kind = keys.iterator().next();
        Object body = m.get(kind);
        String sub = subject + ", constraint " + (explicit != null ? explicit : EdnPrinter.flat(kind));
        if (FieldParser.kw("check").equals(kind)) {
            String sql;
            try {
                sql = SqlExpressions.condition(body);
            } catch (InvalidSpec e) {
                problems.add(at, sub, e.what(), e.fix());
                return null;
            }
            List<String> referenced = referencedColumns(sql, columns);
            NameSpec spec = explicit != null ? NameSpec.explicit(explicit)
                    : NameSpec.generated(tableName, referenced.isEmpty() ? null : referenced.get(0), "check");
            return new ConstraintDraft(spec, n -> new Constraint.Check(n, sql), false, at, sub);
        }
        if (FieldParser.kw("unique").equals(kind)) {
            List<String> cols = columnList(body, at, sub, ":unique");
            if (cols == null) {
                return null;
            }
            NameSpec spec = explicit != null ? NameSpec.explicit(explicit)
                    : NameSpec.generated(tableName, Names.columnsPart(cols), "key");
            return new ConstraintDraft(spec, n -> new Constraint.Unique(n, cols, false), true, at, sub);
        }
        if (FieldParser.kw("exclude").equals(kind) && body instanceof String sql && !sql.isBlank()) {
            List<String> referenced = referencedColumns(sql, columns);
            NameSpec spec = explicit != null ? NameSpec.explicit(explicit)
                    : NameSpec.generated(tableName, referenced.isEmpty() ? null : Names.columnsPart(referenced), "excl");
            String definition = sql.trim();
            return new ConstraintDraft(spec, n -> new Constraint.Exclusion(n, definition), true, at, sub);
        }
        problems.add(at, sub, "cannot read constraint " + EdnPrinter.flat(form),
                "write {:check [:raw \"...\"]}, {:unique [:a :b]} or {:exclude \"EXCLUDE USING gist (...)\"}");
        return null;
    }

    /**
     * The table's columns an SQL expression mentions, in order of first appearance; PostgreSQL names
     * an unnamed CHECK after the first.
     */
    static List<String> referencedColumns(String sql, Set<String> columns) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = IDENTIFIER.matcher(sql);
        while (m.find()) {
            String id = m.group(1) != null ? m.group(1).replace("\"\"", "\"")
                    : m.group(2) != null ? m.group(2).toLowerCase(java.util.Locale.ROOT) : null;
            if (id != null && columns.contains(id)) {
                found.add(id);
            }
        }
        return List.copyOf(found);
    }
}
