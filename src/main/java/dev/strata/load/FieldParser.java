package dev.strata.load;

import dev.strata.edn.EdnMap;
import dev.strata.edn.EdnPrinter;
import dev.strata.edn.EdnVector;
import dev.strata.model.Column;
import dev.strata.sql.Identifiers;
import dev.strata.model.Constraint;
import dev.strata.model.QualifiedName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import us.bpsm.edn.Keyword;

/**
 * FieldParser turns one model field into a {@link Column} and its column-level constraints. It
 * reads the option-map form ({@code {:type [:varchar 255] :null false}}, as in seed models and in
 * migration actions' {@code :column-spec}) and the Automigrate form ({@code [type]} or
 * {@code [type {options}]}, the field vector without its name). Enum references stay unresolved:
 * a bare keyword that is no built-in type is taken as an enum name.
 */
public final class FieldParser {
    static final Keyword TYPE = kw("type");
    static final Set<String> OPTIONS = Set.of("type", "null", "primary-key", "unique", "default", "foreign-key",
            "on-delete", "on-update", "check", "array", "comment", "collate", "identity", "generated", "using",
            "renamed-from", "length", "precision", "scale", "constraint-name", "constraint-comment", "statistics",
            "storage", "compression", "options", "fdw-options");

    private FieldParser() {
    }

    /**
     * Parses one field of table {@code tableName}.
     *
     * @param tableName the table's SQL name (used for constraint names)
     * @param fieldName the field name: a keyword ({@code :billing-email} becomes {@code billing_email})
     *                  or a string taken as written
     * @param spec      an option map with {@code :type}, or an Automigrate vector {@code [type]} /
     *                  {@code [type {options}]}
     * @return the column, its constraints with default names, and its hints
     * @throws dev.strata.StrataException {@code INVALID_MODEL} listing every problem of the spec
     */
    public static ParsedField parse(String tableName, Object fieldName, Object spec) {
        Problems problems = new Problems();
        String subject = "table " + tableName + ", field " + EdnPrinter.flat(fieldName);
        Draft draft = draft(tableName, fieldName, spec, null, subject, problems);
        problems.throwIfAny("Invalid column spec for " + subject);
        List<Constraint> constraints = new ArrayList<>();
        if (draft.primaryKey()) {
            constraints.add(new Constraint.PrimaryKey(draft.constraintName() != null ? draft.constraintName()
                    : Names.objectName(tableName, null, "pkey"), List.of(draft.column().name()))
                    .withComment(draft.constraintComment()));
        }
        for (ConstraintDraft c : draft.constraints()) {
            constraints.add(c.build().apply(c.name().defaultName()));
        }
        ForeignKeyDraft fk = draft.foreignKey();
        if (fk != null) {
            String refColumn = fk.refFields().isEmpty() ? "id" : Names.snake(fk.refFields().get(0));
            constraints.add(constraints.size() - (draft.hasCheck() ? 1 : 0), new Constraint.ForeignKey(
                    fk.name().defaultName(), fk.columns(), Names.tableOf(fk.refModel()),
                    List.of(refColumn), fk.onDelete(), fk.onUpdate(), false, false));
        }
        return new ParsedField(draft.column(), constraints, draft.renamedFrom(), draft.using());
    }

    /**
     * Draft represents a parsed field with what the loader needs beyond {@link ParsedField}. Its
     * constraints leave out the primary key, which the table combines over all its fields.
     *
     * @param normalForm     the field as {@code [name type {options}]} for the processed model
     * @param constraintName the {@code :constraint-name} when the field's one constraint is its
     *                       primary key (the table names the key), else {@code null}
     */
    record Draft(Object key, Column column, Types.ParsedType type, boolean primaryKey, boolean unique,
                 List<ConstraintDraft> constraints, ForeignKeyDraft foreignKey, boolean hasCheck,
                 String renamedFrom, String using, Location where, String subject, EdnVector normalForm,
                 String constraintName, String constraintComment) {
    }

    /** Parses a field, adding every problem to {@code problems}; never throws for model errors. */
    static Draft draft(String table, Object fieldName, Object spec, Location where, String subject,
                       Problems problems) {
        String column = fieldName instanceof Keyword || fieldName instanceof String
                ? Names.identifier(fieldName) : null;
        if (column == null || column.isEmpty()) {
            problems.add(where, subject, "field name " + EdnPrinter.flat(fieldName) + " is not a keyword",
                    "name fields with keywords such as :created-at");
            column = "?";
        } else if (Names.bytes(column) > Names.MAX_BYTES) {
            problems.add(where, subject, tooLong(column), "use a shorter field name");
        }
        Object typeForm;
        Map<?, ?> options;
        if (spec instanceof Map<?, ?> m) {
            typeForm = m.get(TYPE);
            options = m;
            if (typeForm == null) {
                problems.add(where, subject, "field has no :type", "add :type, e.g. {:type :text}");
            }
        } else if (spec instanceof List<?> v && !v.isEmpty()) {
            Object last = v.get(v.size() - 1);
            if (last instanceof Map<?, ?> m && v.size() == 2) {
                typeForm = v.get(0);
                options = m;
            } else if (last instanceof Map) {
                typeForm = null;
                options = Map.of();
                problems.add(where, subject, "cannot read field " + EdnPrinter.flat(spec),
                        "write [:name type {options}], e.g. [:title [:varchar 255] {:null false}]");
            } else {
                typeForm = v.size() == 1 ? v.get(0) : v;
                options = Map.of();
            }
            if (options.containsKey(TYPE)) {
                problems.add(where, subject, ":type given both in the vector and in the options",
                        "remove :type from the options");
            }
        } else {
            problems.add(where, subject, "cannot read field " + EdnPrinter.flat(spec),
                    "write [:name type {options}] or {:type type ...options}");
            typeForm = null;
            options = Map.of();
        }
        for (Object key : options.keySet()) {
            if (key instanceof Keyword k && !hasPrefix(k) && ConstraintOptions.ALL.contains(k.getName())) {
                problems.add(where, subject, ":" + k.getName() + " is a constraint option, not a field option",
                        "write the constraint at table level, where it takes options: :primary-key {:fields [:id] "
                                + ":deferrable true}, :unique [{:fields [:c] :nulls-not-distinct true}], :constraints "
                                + "[{:check ... :not-valid true}] or :foreign-keys [{... :match :full}]");
            } else if (!(key instanceof Keyword k) || hasPrefix(k) || !OPTIONS.contains(k.getName())) {
                problems.add(where, subject, "unknown field option " + EdnPrinter.flat(key),
                        "use one of " + String.join(" ", OPTIONS.stream().sorted().map(o -> ":" + o).toList())
                                + ", or add the key to the strip list if it is application metadata");
            }
        }
        return new FieldReader(table, column, fieldName, typeForm, options, where, subject, problems).read();
    }

    static String tooLong(String identifier) {
        return "identifier \"" + identifier + "\" is " + Names.bytes(identifier)
                + " bytes, over PostgreSQL's 63-byte limit";
    }

    static boolean hasPrefix(Keyword k) {
        return k.getPrefix() != null && !k.getPrefix().isEmpty();
    }

    static Keyword kw(String name) {
        return Keyword.newKeyword(name);
    }

    /** Reads the options of one field; a helper object so that the many options share their context. */
    private static final class FieldReader {
        private final String table;
        private final String column;
        private final Object fieldName;
        private final Object typeForm;
        private final Map<?, ?> options;
        private final Location where;
        private final String subject;
        private final Problems problems;

        FieldReader(String table, String column, Object fieldName, Object typeForm, Map<?, ?> options,
                    Location where, String subject, Problems problems) {
            this.table = table;
            this.column = column;
            this.fieldName = fieldName;
            this.typeForm = typeForm;
            this.options = options;
            this.where = where;
            this.subject = subject;
            this.problems = problems;
        }

        private Object opt(String name) {
            return options.get(kw(name));
        }

        private boolean has(String name) {
            return options.containsKey(kw(name));
        }

        private boolean flag(String name) {
            Object v = opt(name);
            if (v == null || v instanceof Boolean) {
                return Boolean.TRUE.equals(v);
            }
            problems.add(where, subject, ":" + name + " must be true or false, not " + EdnPrinter.flat(v),
                    "write :" + name + " true");
            return false;
        }

        private void problem(String what, String fix) {
            problems.add(where, subject, what, fix);
        }

        Draft read() {
            Types.ParsedType type = null;
            if (typeForm != null) {
                try {
                    type = Types.parse(typeForm, opt("length"), opt("precision"), opt("scale"), opt("array"));
                } catch (InvalidSpec e) {
                    problem(e.what(), e.fix());
                }
            }
            boolean primaryKey = flag("primary-key");
            boolean unique = flag("unique");
            boolean notNull = has("null") && !flag("null") && opt("null") != null || primaryKey;
            if (has("null") && opt("null") == null) {
                problem(":null must be true or false, not nil", "write :null false for NOT NULL");
            }
            String defaultExpr = null;
            if (has("default")) {
                try {
                    defaultExpr = SqlExpressions.defaultExpr(opt("default"));
                } catch (InvalidSpec e) {
                    problem(e.what(), e.fix());
                }
                if (opt("default") == null && has("null") && Boolean.FALSE.equals(opt("null"))) {
                    problem("field is NOT NULL (:null false) but has :default nil",
                            "remove :default nil, or give a non-nil :default");
                }
            }
            Column.Identity identity = identity();
            if (identity != null) {
                notNull = true;
                if (defaultExpr != null) {
                    problem("an identity column cannot have a :default", "remove :default or :identity");
                }
            }
            String generated = expression("generated");
            if (generated != null && (defaultExpr != null || identity != null)) {
                problem("a generated column cannot have a :default or :identity",
                        "remove :default / :identity or :generated");
            }
            String collationName = name("collate");
            // Records hold collations as SQL, as the catalog prints them ("C").
            String collation = collationName == null ? null : Identifiers.quote(collationName);
            String comment = string("comment");
            String using = expression("using");
            String renamedFrom = opt("renamed-from") == null ? null : nameOf("renamed-from", opt("renamed-from"));

            String constraintName = constraintName();
            int made = (primaryKey ? 1 : 0) + (unique ? 1 : 0) + (opt("foreign-key") != null ? 1 : 0)
                    + (opt("check") != null ? 1 : 0);
            if (constraintName != null && made != 1) {
                if (made == 0) {
                    problem(":constraint-name names no constraint: the field has no :primary-key, :unique, :check "
                            + "or :foreign-key", "remove :constraint-name, or add the constraint it names");
                } else {
                    problem(":constraint-name is ambiguous: the field makes " + made + " constraints ("
                                    + String.join(", ", made(primaryKey, unique)) + ")",
                            "keep one of them on the field, and write the others at table level with their own "
                                    + ":name (:unique [{:fields [...] :name \"...\"}], :constraints [{:check ... "
                                    + ":name \"...\"}], :foreign-keys [{... :name \"...\"}])");
                }
                constraintName = null;
            }
            String constraintComment = string("constraint-comment");
            if (constraintComment != null && made != 1) {
                problem(made == 0 ? ":constraint-comment comments on no constraint: the field has no :primary-key, "
                                + ":unique, :check or :foreign-key"
                                : ":constraint-comment is ambiguous: the field makes " + made + " constraints ("
                                + String.join(", ", made(primaryKey, unique)) + ")",
                        made == 0 ? "remove :constraint-comment, or add the constraint it comments on"
                                : "keep one of them on the field, and write the others at table level with their own "
                                + ":comment");
                constraintComment = null;
            }
            String named = constraintName;
            String remark = constraintComment;
            List<ConstraintDraft> constraints = new ArrayList<>();
            if (unique) {
                constraints.add(new ConstraintDraft(spec(named, "key"),
                        n -> new Constraint.Unique(n, List.of(column), false), true, where, subject).withComment(remark));
            }
            ForeignKeyDraft fk = foreignKey(notNull, named, remark);
            boolean hasCheck = false;
            if (opt("check") != null) {
                try {
                    String check = SqlExpressions.condition(opt("check"));
                    constraints.add(new ConstraintDraft(spec(named, "check"),
                            n -> new Constraint.Check(n, check), false, where, subject).withComment(remark));
                    hasCheck = true;
                } catch (InvalidSpec e) {
                    problem(e.what(), e.fix());
                }
            }
            Column col = new Column(column, type == null ? dev.strata.model.ColumnType.builtin("?") : type.type(),
                    notNull, defaultExpr, identity, generated, collation, comment);
            ColumnSettingsParser settings = new ColumnSettingsParser(where, subject, problems);
            dev.strata.model.IdentitySequence sequence = identity == null ? null
                    : opt("identity") instanceof Map<?, ?> im
                    ? settings.identitySequence(im, table, column, type == null ? null : type.type())
                    : dev.strata.model.IdentitySequence.defaults(Names.objectName(table, column, "seq"), col.type());
            col = col.withSettings(sequence, settings.statistics(opt("statistics")), settings.storage(opt("storage")),
                    settings.compression(opt("compression")), settings.options(opt("options")))
                    .withFdwOptions(SqlMedParser.options(opt("fdw-options"), ":fdw-options", where, subject, problems));
            return new Draft(fieldName, col, type, primaryKey, unique, constraints, fk, hasCheck, renamedFrom,
                    using, where, subject, normalForm(), primaryKey ? named : null, primaryKey ? remark : null);
        }

        /** The name a field's constraint gets: the {@code :constraint-name}, else PostgreSQL's default. */
        private NameSpec spec(String named, String label) {
            return named != null ? NameSpec.explicit(named) : NameSpec.generated(table, column, label);
        }

        private List<String> made(boolean primaryKey, boolean unique) {
            List<String> kinds = new ArrayList<>();
            if (primaryKey) {
                kinds.add(":primary-key");
            }
            if (unique) {
                kinds.add(":unique");
            }
            if (opt("foreign-key") != null) {
                kinds.add(":foreign-key");
            }
            if (opt("check") != null) {
                kinds.add(":check");
            }
            return kinds;
        }

        private String constraintName() {
            Object v = opt("constraint-name");
            if (v == null) {
                return null;
            }
            if (v instanceof Keyword || v instanceof String s && !s.isEmpty()) {
                return Names.identifier(v);
            }
            problem("bad :constraint-name " + EdnPrinter.flat(v), "write :constraint-name \"name\"");
            return null;
        }

        private Column.Identity identity() {
            Object v = opt("identity");
            if (v == null || Boolean.FALSE.equals(v)) {
                return null;
            }
            if (v instanceof Map<?, ?> m) {
                Object generated = m.get(kw("generated"));
                if (generated == null || kw("always").equals(generated)) {
                    return Column.Identity.ALWAYS;
                } else if (kw("by-default").equals(generated)) {
                    return Column.Identity.BY_DEFAULT;
                }
                problem("bad :generated " + EdnPrinter.flat(generated) + " in :identity",
                        "write :identity {:generated :always ...} or {:generated :by-default ...}");
                return null;
            }
            if (Boolean.TRUE.equals(v) || kw("always").equals(v)) {
                return Column.Identity.ALWAYS;
            }
            if (kw("by-default").equals(v)) {
                return Column.Identity.BY_DEFAULT;
            }
            problem("bad :identity " + EdnPrinter.flat(v), "write :identity true, :always, :by-default or a map "
                    + "{:generated :always :sequence-name :s :start 1 :increment 1 :min-value 1 :max-value 100 "
                    + ":cache 1 :cycle false}");
            return null;
        }

        private String expression(String option) {
            Object v = opt(option);
            if (v == null) {
                return null;
            }
            try {
                return SqlExpressions.condition(v);
            } catch (InvalidSpec e) {
                problem(":" + option + ": " + e.what(), e.fix());
                return null;
            }
        }

        private String string(String option) {
            Object v = opt(option);
            if (v == null || v instanceof String) {
                return (String) v;
            }
            problem(":" + option + " must be a string, not " + EdnPrinter.flat(v), "write :" + option + " \"...\"");
            return null;
        }

        private String name(String option) {
            Object v = opt(option);
            if (v instanceof Keyword k) {
                return k.getName();
            }
            return string(option);
        }

        private String nameOf(String option, Object v) {
            if (v instanceof Keyword || v instanceof String) {
                return Names.identifier(v);
            }
            problem(":" + option + " must be a keyword or string, not " + EdnPrinter.flat(v),
                    "write :" + option + " :old-name");
            return null;
        }

        private ForeignKeyDraft foreignKey(boolean notNull, String named, String comment) {
            Object ref = opt("foreign-key");
            Constraint.Action onDelete = action("on-delete");
            Constraint.Action onUpdate = action("on-update");
            if (ref == null) {
                if (has("on-delete") || has("on-update")) {
                    problem(":on-delete / :on-update without :foreign-key", "add :foreign-key :table/column");
                }
                return null;
            }
            String refModel;
            String refField;
            if (ref instanceof List<?> v && v.size() == 2 && v.get(0) instanceof Keyword model
                    && v.get(1) instanceof Keyword field && !hasPrefix(field)) {
                // [:auth/users :id]: a model whose key has a schema, which :model/field cannot spell.
                refModel = Names.modelKey(model);
                refField = field.getName();
            } else if (ref instanceof Keyword k && hasPrefix(k)) {
                refModel = k.getPrefix();
                refField = k.getName();
            } else {
                problem("bad :foreign-key " + EdnPrinter.flat(ref), "write :foreign-key :model/field, e.g. :account/id,"
                        + " or [:schema/model :field] for a model in another schema, e.g. [:auth/users :id]");
                return null;
            }
            if (notNull && onDelete == Constraint.Action.SET_NULL) {
                problem(":on-delete :set-null on a NOT NULL column",
                        "allow NULL (remove :null false) or use another :on-delete action such as :cascade");
            }
            if (notNull && onUpdate == Constraint.Action.SET_NULL) {
                problem(":on-update :set-null on a NOT NULL column",
                        "allow NULL (remove :null false) or use another :on-update action such as :cascade");
            }
            return new ForeignKeyDraft(spec(named, "fkey"), List.of(column), refModel,
                    List.of(refField), onDelete, onUpdate, ConstraintOptions.NONE, EdnPrinter.flat(ref), where,
                    subject, comment);
        }

        private Constraint.Action action(String option) {
            Object v = opt(option);
            if (v == null) {
                return null;
            }
            Constraint.Action a = Actions.parse(v);
            if (a == null) {
                problem("bad :" + option + " " + EdnPrinter.flat(v),
                        "write :cascade, :set-null, :set-default, :restrict or :no-action");
            }
            return a;
        }

        private EdnVector normalForm() {
            Object t = typeForm;
            if (typeForm instanceof Keyword k && (has("length") || has("precision") || has("scale"))) {
                List<Object> v = new ArrayList<>();
                v.add(k);
                for (String p : List.of("length", "precision", "scale")) {
                    if (opt(p) != null) {
                        v.add(opt(p));
                    }
                }
                t = new EdnVector(v, 0);
            }
            Map<Object, Object> rest = new LinkedHashMap<>();
            options.forEach((k, v) -> {
                if (!Set.of(TYPE, kw("length"), kw("precision"), kw("scale")).contains(k)) {
                    rest.put(k, v);
                }
            });
            List<Object> field = new ArrayList<>();
            field.add(fieldName);
            field.add(t);
            if (!rest.isEmpty()) {
                field.add(EdnMap.of(rest));
            }
            return new EdnVector(field, 0);
        }
    }
}
