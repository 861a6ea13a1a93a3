package dev.strata.inspect;

import dev.strata.sql.SqlText;
import dev.strata.catalog.Dependency;
import dev.strata.catalog.Dependency.ObjectKind;
import dev.strata.catalog.Dependency.ObjectRef;
import dev.strata.load.Names;
import dev.strata.model.Column;
import dev.strata.model.Constraint;
import dev.strata.model.EnumType;
import dev.strata.model.Extension;
import dev.strata.model.Function;
import dev.strata.model.Index;
import dev.strata.model.Policy;
import dev.strata.model.QualifiedName;
import dev.strata.model.Schema;
import dev.strata.model.Sequence;
import dev.strata.model.SequenceOwner;
import dev.strata.model.Table;
import dev.strata.model.Trigger;
import dev.strata.model.View;
import dev.strata.sql.Identifiers;
import dev.strata.sql.IndexKeyParts;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import us.bpsm.edn.Keyword;

/**
 * TreeBuilder turns an inspected schema into the data of the five model files, and collects what
 * the model cannot say. It first decides what is left out: the objects {@code unmodelled.sql}
 * reports, sequences owned by a column of another schema, and then, to a fixed point, everything that depends on
 * something left out (pg_depend edges, plus the columns a constraint, index, view, trigger or
 * policy names). Then it writes what remains.
 */
final class TreeBuilder {
    private static final Keyword TYPE = ModelNames.kw("type");
    private static final Keyword RAW = ModelNames.kw("raw");
    private static final Pattern NEXTVAL = Pattern.compile("nextval\\('(?:[^']|'')+'::regclass\\)");

    private final Schema schema;
    private final List<Dependency> dependencies;
    private final List<Unsupported> unsupported = new ArrayList<>();
    /** Objects left out of the tree, with what they are left out for. */
    private final Map<ObjectRef, String> leftOut = new LinkedHashMap<>();
    /** Why each object in {@link #leftOut} that was not reported by unmodelled.sql is left out. */
    private final Map<ObjectRef, String> reasons = new HashMap<>();
    /** Objects reported by unmodelled.sql (reported there, not again). */
    private final Set<ObjectRef> reported = new HashSet<>();
    /** table.column -> the reason its default is not written. */
    private final Map<String, String> droppedDefaults = new HashMap<>();
    /** Sequences that are not the implicit sequence of a serial column, written as {@code :type :sequence}. */
    private final List<Sequence> standalone = new ArrayList<>();
    /** table.column -> :serial / :bigserial / :smallserial. */
    private final Map<String, String> serials = new HashMap<>();
    /** How many constraints of the schema have each name, and the schema's relation names (see keepsName). */
    private Map<String, Integer> constraintNames;
    private Set<String> relationNames;

    TreeBuilder(Schema schema, List<Dependency> dependencies, List<UnmodelledObjects.Row> unmodelled) {
        this.schema = schema;
        this.dependencies = List.copyOf(dependencies);
        for (UnmodelledObjects.Row row : unmodelled) {
            unsupported.add(row.unsupported());
            if (row.ref() != null) {
                leftOut.put(row.ref(), row.unsupported().kind() + " " + row.unsupported().name());
                reported.add(row.ref());
            }
        }
        findSerials();
        propagate();
        reportOtherSchemas();
    }

    /**
     * Objects that use an object of a schema the tree does not hold (not read with
     * {@code --all-schemas}, nor an extension's schema) stay in the tree but are reported: applied
     * elsewhere they need that schema to exist.
     */
    private void reportOtherSchemas() {
        Set<String> held = new HashSet<>(schema.namespaceNames());
        schema.extensions().stream().filter(x -> x.schema() != null).forEach(x -> held.add(x.schema()));
        Set<String> seen = new HashSet<>();
        for (Dependency d : dependencies) {
            String other = d.to().name().schema();
            if (other == null || held.contains(other) || leftOut.containsKey(d.from())) {
                continue;
            }
            String what = kindWord(d.to().kind()) + " " + d.to().name();
            if (seen.add(describe(d.from()) + " " + what)) {
                note(kindWord(d.from().kind()), ownerOf(d.from()), nameOf(d.from()), "uses " + what + " of schema "
                        + other + ", which the tree does not hold: create it before applying the model, or inspect"
                        + " with --all-schemas");
            }
        }
        for (Table table : schema.tables()) {
            for (Column column : table.columns()) {
                QualifiedName user = column.type().userType();
                if (user != null && user.schema() != null && !held.contains(user.schema())
                        && dependencies.stream().noneMatch(d -> d.to().name().equals(user)
                                && d.from().name().equals(table.name()) && column.name().equals(d.from().part()))) {
                    note("column", table.name().toString(), column.name(), "uses type " + user + " of schema "
                            + user.schema() + ", which the tree does not hold: create it before applying the model,"
                            + " or inspect with --all-schemas");
                }
            }
        }
    }

    List<Unsupported> unsupported() {
        return unsupported.stream().sorted().distinct().toList();
    }

    // ---------------------------------------------------------------- what is left out

    /**
     * A column is a serial when its default is {@code nextval('<table>_<column>_seq'::regclass)} on
     * a sequence of that name owned by the column, with the options CREATE TABLE gives it.
     */
    private void findSerials() {
        Map<QualifiedName, Sequence> byName = new HashMap<>();
        schema.sequences().forEach(s -> byName.put(s.name(), s));
        Set<QualifiedName> consumed = new HashSet<>();
        for (Table table : schema.tables()) {
            for (Column column : table.columns()) {
                String serial = serialType(column.type().sql());
                if (serial == null || column.defaultExpr() == null) {
                    continue;
                }
                QualifiedName seqName = new QualifiedName(table.name().schema(),
                        objectName(table.name().name(), column.name(), "seq"));
                Sequence seq = byName.get(seqName);
                String expected = "nextval(" + Identifiers.literal(Identifiers.quote(seqName)) + "::regclass)";
                if (seq != null && column.defaultExpr().equals(expected)
                        && (Identifiers.quote(table.name()) + "." + Identifiers.quote(column.name()))
                                .equals(seq.ownedBy())
                        && seq.dataType().equals(column.type().sql()) && seq.start() == 1 && seq.increment() == 1
                        && seq.minValue() == 1 && seq.maxValue() == maxOf(column.type().sql()) && seq.cache() == 1
                        && !seq.cycle() && seq.comment() == null && seq.unlogged() == table.unlogged()) {
                    serials.put(key(table, column.name()), serial);
                    consumed.add(seqName);
                }
            }
        }
        for (Sequence seq : schema.sequences()) {
            if (consumed.contains(seq.name())) {
                continue;
            }
            standalone.add(seq);
            SequenceOwner owner = SequenceOwner.of(seq);
            if (owner != null && owner.table().schema() != null && owner.table().schema() != null
                    && !owner.table().schema().equals(seq.name().schema())) {
                ObjectRef ref = new ObjectRef(ObjectKind.SEQUENCE, seq.name(), null);
                unsupported.add(new Unsupported("sequence", null, seq.name().name(), "owned by " + seq.ownedBy()
                        + ", a column of another schema, which :owned-by cannot name", true));
                leftOut.put(ref, "sequence " + seq.name().name());
                reported.add(ref);
            }
        }
    }

    private static String serialType(String sql) {
        return switch (sql) {
            case "integer" -> "serial";
            case "bigint" -> "bigserial";
            case "smallint" -> "smallserial";
            default -> null;
        };
    }

    private static long maxOf(String sql) {
        return switch (sql) {
            case "integer" -> Integer.MAX_VALUE;
            case "smallint" -> Short.MAX_VALUE;
            default -> Long.MAX_VALUE;
        };
    }

    /** PostgreSQL's {@code makeObjectName}: the longer of the two names is clipped to fit 63 bytes. */
    static String objectName(String name1, String name2, String label) {
        int avail = 63 - bytes(label) - 1 - (name2 == null ? 0 : 1);
        String a = name1;
        String b = name2 == null ? "" : name2;
        while (bytes(a) + bytes(b) > avail) {
            if (bytes(a) > bytes(b)) {
                a = a.substring(0, a.offsetByCodePoints(a.length(), -1));
            } else {
                b = b.substring(0, b.offsetByCodePoints(b.length(), -1));
            }
        }
        return a + (name2 == null ? "" : "_" + b) + "_" + label;
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Leaves out, to a fixed point, everything that depends on what is left out. */
    private void propagate() {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Dependency d : dependencies) {
                String cause = leftOut.get(d.to());
                if (cause == null || leftOut.containsKey(d.from())) {
                    continue;
                }
                ObjectRef from = d.from();
                if (from.kind() == ObjectKind.COLUMN && d.to().kind() != ObjectKind.TYPE) {
                    Column column = column(from.name(), from.part());
                    if (column != null && column.defaultExpr() != null
                            && droppedDefaults.putIfAbsent(key(from.name().toString(), from.part()),
                            "its default uses " + cause + ", which is left out") == null) {
                        unsupported.add(new Unsupported("column default", from.name().toString(), from.part(),
                                "not written: it uses " + cause + ", which is left out (default was "
                                        + column.defaultExpr() + ")", false));
                    }
                    if (column == null || column.defaultExpr() != null) {
                        continue;
                    }
                }
                changed |= leaveOut(from, "it uses " + cause + ", which is left out");
            }
            changed |= cascadeInsideTables();
        }
        for (Map.Entry<ObjectRef, String> e : leftOut.entrySet()) {
            ObjectRef ref = e.getKey();
            if (!reported.contains(ref) && exists(ref)) {
                unsupported.add(new Unsupported(kindWord(ref.kind()), ownerOf(ref), nameOf(ref),
                        reasons.get(ref), true));
            }
        }
    }

    private boolean leaveOut(ObjectRef ref, String why) {
        if (leftOut.containsKey(ref)) {
            return false;
        }
        leftOut.put(ref, kindWord(ref.kind()) + " " + describe(ref));
        reasons.put(ref, why);
        return true;
    }

    /** What constraints, indexes, foreign keys, views, triggers and policies lose with a column or table. */
    private boolean cascadeInsideTables() {
        boolean changed = false;
        for (Table table : schema.tables()) {
            String t = table.name().toString();
            ObjectRef tableRef = new ObjectRef(ObjectKind.TABLE, table.name(), null);
            boolean tableGone = leftOut.containsKey(tableRef);
            List<String> goneColumns = table.columns().stream()
                    .map(Column::name)
                    .filter(c -> tableGone || leftOut.containsKey(new ObjectRef(ObjectKind.COLUMN, table.name(), c)))
                    .toList();
            if (goneColumns.isEmpty()) {
                continue;
            }
            String cause = tableGone ? "table " + t : "column " + t + "." + goneColumns.get(0);
            for (Table other : schema.tables()) {
                for (Constraint c : other.constraints()) {
                    boolean hit = other == table && mentionsAny(c, goneColumns)
                            || c instanceof Constraint.ForeignKey fk && fk.refTable().equals(table.name())
                            && fk.refColumns().stream().anyMatch(goneColumns::contains);
                    if (hit) {
                        changed |= leaveOut(new ObjectRef(ObjectKind.CONSTRAINT, other.name(), c.name()),
                                "it uses " + cause + ", which is left out");
                    }
                }
            }
            for (Index index : table.indexes()) {
                if (mentionsAny(index, goneColumns)) {
                    changed |= leaveOut(new ObjectRef(ObjectKind.INDEX, table.name(), index.name()), "it uses " + cause + ", which is left out");
                }
            }
            for (View view : schema.views()) {
                if (view.dependsOn().stream().anyMatch(n -> n.equals(table.name()))
                        && (tableGone || goneColumns.stream().anyMatch(c -> mentions(view.definition(), c)))) {
                    changed |= leaveOut(viewRef(view), "it uses " + cause + ", which is left out");
                }
            }
            for (Trigger trigger : schema.triggers()) {
                if (trigger.table().equals(table.name())
                        && (tableGone || goneColumns.stream().anyMatch(c -> mentions(trigger.definition(), c)))) {
                    changed |= leaveOut(new ObjectRef(ObjectKind.TRIGGER, table.name(), trigger.name()),
                            "it uses " + cause + ", which is left out");
                }
            }
            for (Policy policy : schema.policies()) {
                if (policy.table().equals(table.name())
                        && (tableGone || goneColumns.stream().anyMatch(c -> mentions(policy.definition(), c)))) {
                    changed |= leaveOut(new ObjectRef(ObjectKind.POLICY, table.name(), policy.name()),
                            "it uses " + cause + ", which is left out");
                }
            }
        }
        changed |= foreignKeysOnLeftOutIndexes();
        for (View view : schema.views()) {
            if (leftOut.containsKey(viewRef(view))) {
                continue;
            }
            for (QualifiedName read : view.dependsOn()) {
                String cause = leftOut.get(new ObjectRef(ObjectKind.VIEW, read, null));
                cause = cause != null ? cause : leftOut.get(new ObjectRef(ObjectKind.MATERIALIZED_VIEW, read, null));
                if (cause != null) {
                    changed |= leaveOut(viewRef(view), "it uses " + cause + ", which is left out");
                    break;
                }
            }
        }
        return changed;
    }

    /**
     * A foreign key whose referenced columns are those of a unique index that is left out (an
     * INCLUDE column left out, say), and of no primary key or unique constraint, is left out too:
     * PostgreSQL would refuse it in a tree without that index.
     */
    private boolean foreignKeysOnLeftOutIndexes() {
        boolean changed = false;
        for (Table table : schema.tables()) {
            for (Index index : table.indexes()) {
                if (!index.unique() || index.where() != null
                        || !leftOut.containsKey(new ObjectRef(ObjectKind.INDEX, table.name(), index.name()))) {
                    continue;
                }
                List<String> keyColumns = new ArrayList<>();
                for (String key : index.keys()) {
                    IndexKeyParts parts = IndexKeyParts.parse(key);
                    keyColumns.add(parts == null ? null : parts.column());
                }
                if (keyColumns.contains(null)) {
                    continue;
                }
                Set<String> columns = new HashSet<>(keyColumns);
                boolean otherKey = table.constraints().stream()
                        .filter(c -> !leftOut.containsKey(new ObjectRef(ObjectKind.CONSTRAINT, table.name(), c.name())))
                        .anyMatch(c -> c instanceof Constraint.PrimaryKey pk && new HashSet<>(pk.columns()).equals(columns)
                                || c instanceof Constraint.Unique u && new HashSet<>(u.columns()).equals(columns));
                if (otherKey) {
                    continue;
                }
                for (Table other : schema.tables()) {
                    for (Constraint.ForeignKey fk : other.constraints(Constraint.ForeignKey.class)) {
                        if (fk.refTable().equals(table.name())
                                && new HashSet<>(fk.refColumns()).equals(columns)) {
                            changed |= leaveOut(new ObjectRef(ObjectKind.CONSTRAINT, other.name(), fk.name()),
                                    "it references the columns of unique index " + table.name().name() + "."
                                            + index.name() + ", which is left out");
                        }
                    }
                }
            }
        }
        return changed;
    }

    private static boolean mentionsAny(Constraint c, List<String> columns) {
        if (c instanceof Constraint.PrimaryKey pk) {
            return pk.columns().stream().anyMatch(columns::contains);
        } else if (c instanceof Constraint.Unique u) {
            return u.columns().stream().anyMatch(columns::contains);
        } else if (c instanceof Constraint.ForeignKey fk) {
            return fk.columns().stream().anyMatch(columns::contains);
        } else if (c instanceof Constraint.Check check) {
            return columns.stream().anyMatch(col -> mentions(check.expression(), col));
        } else if (c instanceof Constraint.Exclusion x) {
            return columns.stream().anyMatch(col -> mentions(x.definition(), col));
        }
        throw new IllegalStateException("unsupported constraint " + c);
    }

    private static boolean mentionsAny(Index index, List<String> columns) {
        String text = String.join(", ", index.keys()) + " " + String.join(", ", index.include()) + " "
                + (index.where() == null ? "" : index.where());
        return columns.stream().anyMatch(c -> mentions(text, c));
    }

    /** Whether SQL text names {@code identifier}: quoted exactly, or as a whole word when it needs no quotes. */
    static boolean mentions(String sql, String identifier) {
        String quoted = Identifiers.quote(identifier);
        if (!quoted.equals(identifier)) {
            return sql.contains(quoted);
        }
        return Pattern.compile("(?<![A-Za-z0-9_$])" + Pattern.quote(identifier) + "(?![A-Za-z0-9_$])",
                Pattern.CASE_INSENSITIVE).matcher(sql).find() || sql.contains(Identifiers.quote(identifier));
    }

    private boolean exists(ObjectRef ref) {
        QualifiedName n = ref.name();
        return switch (ref.kind()) {
            case TABLE -> table(n).isPresent();
            case COLUMN -> column(n, ref.part()) != null;
            case CONSTRAINT -> table(n).map(t -> t.constraints().stream()
                    .anyMatch(c -> c.name().equals(ref.part()))).orElse(false);
            case INDEX -> table(n).map(t -> t.indexes().stream().anyMatch(i -> i.name().equals(ref.part())))
                    .orElse(false) || schema.views().stream().anyMatch(v -> v.name().equals(n)
                    && v.indexes().stream().anyMatch(i -> i.name().equals(ref.part())));
            case VIEW, MATERIALIZED_VIEW -> schema.views().stream().anyMatch(v -> v.name().equals(ref.name()));
            case FUNCTION -> schema.functions().stream().anyMatch(f -> f.name().equals(ref.name())
                    && f.arguments().equals(ref.part()));
            case TRIGGER -> schema.triggers().stream().anyMatch(t -> t.table().equals(n)
                    && t.name().equals(ref.part()));
            case POLICY -> schema.policies().stream().anyMatch(p -> p.table().equals(n)
                    && p.name().equals(ref.part()));
            case TYPE -> schema.enums().stream().anyMatch(e -> e.name().equals(ref.name()))
                    || schema.domains().stream().anyMatch(d -> d.name().equals(ref.name()))
                    || schema.compositeTypes().stream().anyMatch(c -> c.name().equals(ref.name()));
            case SEQUENCE, FOREIGN_TABLE -> false;
        };
    }

    private static String kindWord(ObjectKind kind) {
        return switch (kind) {
            case MATERIALIZED_VIEW -> "materialized view";
            case FOREIGN_TABLE -> "foreign table";
            default -> kind.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String ownerOf(ObjectRef ref) {
        return ref.part() == null || ref.kind() == ObjectKind.FUNCTION ? null : ref.name().toString();
    }

    private static String nameOf(ObjectRef ref) {
        if (ref.kind() == ObjectKind.FUNCTION) {
            return ref.name() + "(" + ref.part() + ")";
        }
        return ref.part() == null ? ref.name().toString() : ref.part();
    }

    private static String describe(ObjectRef ref) {
        String owner = ownerOf(ref);
        return owner == null ? nameOf(ref) : owner + "." + nameOf(ref);
    }

    private Column column(QualifiedName table, String column) {
        return table(table).flatMap(t -> t.column(column)).orElse(null);
    }

    private java.util.Optional<Table> table(QualifiedName name) {
        return schema.tables().stream().filter(t -> t.name().equals(name)).findFirst();
    }

    private static String key(Table table, String column) {
        return key(table.name().toString(), column);
    }

    private static String key(String table, String column) {
        return table + "." + column;
    }

    private static ObjectRef columnRef(String table, String column) {
        return new ObjectRef(ObjectKind.COLUMN, QualifiedName.of(table), column);
    }

    private static ObjectRef viewRef(View view) {
        return new ObjectRef(view.materialized() ? ObjectKind.MATERIALIZED_VIEW : ObjectKind.VIEW, view.name(), null);
    }

    private boolean isLeftOut(ObjectKind kind, QualifiedName name, String part) {
        return leftOut.containsKey(new ObjectRef(kind, name, part));
    }

    private void note(String kind, String table, String name, String reason) {
        unsupported.add(new Unsupported(kind, table, name, reason, false));
    }

    private void drop(String kind, String table, String name, String reason) {
        unsupported.add(new Unsupported(kind, table, name, reason, true));
    }

    // ---------------------------------------------------------------- models.edn

    Map<Object, Object> models() {
        Map<Object, Object> out = new LinkedHashMap<>();
        Set<Object> keys = new HashSet<>();
        schema.tables().forEach(t -> keys.add(ModelNames.key(t.name())));
        schema.enums().forEach(e -> keys.add(ModelNames.key(e.name())));
        for (dev.strata.model.Namespace n : schema.namespaces()) {
            Keyword key = ModelNames.keyword(n.name());
            if (key == null || keys.contains(key)) {
                drop("schema", null, n.name(), key == null ? "its name cannot be a model key (a keyword)"
                        : "a table or enum of the target schema takes its model key");
                continue;
            }
            keys.add(key);
            Map<Object, Object> spec = map(TYPE, ModelNames.kw("schema"));
            putIf(spec, "comment", n.comment());
            out.put(key, spec);
        }
        for (dev.strata.model.Collation c : schema.collations()) {
            Object key = ModelNames.key(c.name());
            if (keys.contains(key)) {
                drop("collation", null, c.name().toString(), "a table or enum takes its model key");
                continue;
            }
            keys.add(key);
            Map<Object, Object> spec = map(TYPE, ModelNames.kw("collation"));
            spec.put(ModelNames.kw("provider"), ModelNames.kw(c.provider()));
            putIf(spec, "locale", c.locale());
            putIf(spec, "lc-collate", c.lcCollate());
            putIf(spec, "lc-ctype", c.lcCtype());
            if (!c.deterministic()) {
                spec.put(ModelNames.kw("deterministic"), false);
            }
            putIf(spec, "rules", c.rules());
            putIf(spec, "comment", c.comment());
            out.put(key, spec);
        }
        for (dev.strata.model.ForeignData.Wrapper w : schema.wrappers()) {
            Object key = ModelNames.key(w.name());
            if (keys.contains(key)) {
                drop("foreign-data wrapper", null, w.name(), "a table or enum takes its model key");
                continue;
            }
            keys.add(key);
            Map<Object, Object> spec = map(TYPE, ModelNames.kw("foreign-data-wrapper"));
            AggregateForms.putFunction(spec, "handler", w.handler());
            AggregateForms.putFunction(spec, "validator", w.validator());
            if (!w.options().isEmpty()) {
                spec.put(ModelNames.kw("options"), ColumnSettingForms.sqlMedOptions(w.options()));
            }
            putIf(spec, "comment", w.comment());
            out.put(key, spec);
        }
        for (dev.strata.model.ForeignData.Server s : schema.servers()) {
            Object key = ModelNames.key(s.name());
            if (keys.contains(key)) {
                drop("server", null, s.name(), "a table or enum takes its model key");
                continue;
            }
            keys.add(key);
            Map<Object, Object> spec = map(TYPE, ModelNames.kw("server"));
            spec.put(ModelNames.kw("wrapper"), ModelNames.key(s.wrapper()));
            putIf(spec, "server-type", s.type());
            putIf(spec, "version", s.version());
            if (!s.options().isEmpty()) {
                spec.put(ModelNames.kw("options"), ColumnSettingForms.sqlMedOptions(s.options()));
            }
            putIf(spec, "comment", s.comment());
            out.put(key, spec);
        }
        for (dev.strata.model.AccessMethod a : schema.accessMethods()) {
            Object key = ModelNames.key(a.name());
            if (keys.contains(key)) {
                drop("access method", null, a.name(), "a table or enum takes its model key");
                continue;
            }
            keys.add(key);
            Map<Object, Object> spec = map(TYPE, ModelNames.kw("access-method"));
            spec.put(ModelNames.kw("kind"), ModelNames.kw(a.type().toLowerCase(java.util.Locale.ROOT)));
            spec.put(ModelNames.kw("handler"), AggregateForms.function(a.handler()));
            putIf(spec, "comment", a.comment());
            out.put(key, spec);
        }
        for (dev.strata.model.TextSearch t : schema.textSearch()) {
            Map<Object, Object> spec = AggregateForms.of(t);
            if (spec == null) {
                drop("text search dictionary", null, t.name().toString(), "its options are not name = 'value' pairs");
                continue;
            }
            Object key = ModelNames.key(t.name());
            if (keys.contains(key)) {
                key = ModelNames.key(new dev.strata.model.QualifiedName(t.name().schema(),
                        t.name().name() + "_" + t.kind().name().toLowerCase(java.util.Locale.ROOT)));
            }
            if (keys.contains(key)) {
                drop("text search " + t.kind().name().toLowerCase(java.util.Locale.ROOT), null, t.name().toString(),
                        "another object takes its model key");
                continue;
            }
            keys.add(key);
            out.put(key, spec);
        }
        for (dev.strata.model.Operator o : schema.operators()) {
            List<String> fn = dev.strata.sql.Identifiers.split(o.function());
            String base = fn.get(fn.size() - 1).replaceAll("[^A-Za-z0-9]+", "_") + "_operator";
            String candidate = base;
            for (int i = 2; keys.contains(ModelNames.key(candidate)); i++) {
                candidate = base + i;
            }
            Object key = ModelNames.key(candidate);
            keys.add(key);
            out.put(key, AggregateForms.of(o));
        }
        if (schema.targetComment() != null) {
            String name = "target-schema";
            while (keys.contains(ModelNames.kw(name))) {
                name = name + "-comment";
            }
            keys.add(ModelNames.kw(name));
            Map<Object, Object> spec = map(TYPE, ModelNames.kw("target-schema"));
            putIf(spec, "comment", schema.targetComment());
            out.put(ModelNames.kw(name), spec);
        }
        for (Extension x : schema.extensions()) {
            Object key = ModelNames.key(x.name());
            if (keys.contains(key)) {
                key = ModelNames.key(x.name() + "_extension");
            }
            Map<Object, Object> spec = map(TYPE, ModelNames.kw("extension"), ModelNames.kw("name"), x.name());
            if (x.schema() != null) {
                spec.put(ModelNames.kw("schema"), ModelNames.key(x.schema()));
            }
            putIf(spec, "version", x.version());
            out.put(key, spec);
        }
        for (EnumType e : schema.enums()) {
            if (isLeftOut(ObjectKind.TYPE, e.name(), null)) {
                continue;
            }
            Map<Object, Object> spec = map(TYPE, ModelNames.kw("enum"), ModelNames.kw("choices"), e.labels());
            putIf(spec, "comment", e.comment());
            putQualified(out, "enum", e.name(), spec);
        }
        for (Sequence seq : standalone) {
            if (isLeftOut(ObjectKind.SEQUENCE, seq.name(), null)) {
                continue;
            }
            Object key = ModelNames.key(seq.name());
            if (key == null) {
                drop("sequence", null, seq.name().toString(), "its schema cannot be a model key's namespace");
                continue;
            }
            if (keys.contains(key)) {
                drop("sequence", null, seq.name().name(), "an enum of the same name takes its model key");
                continue;
            }
            out.put(key, sequence(seq));
        }
        for (dev.strata.model.Domain d : schema.domains()) {
            if (!isLeftOut(ObjectKind.TYPE, d.name(), null)) {
                putQualified(out, "domain", d.name(), domain(d));
            }
        }
        for (dev.strata.model.CompositeType c : schema.compositeTypes()) {
            if (!isLeftOut(ObjectKind.TYPE, c.name(), null)) {
                putQualified(out, "type", c.name(), composite(c));
            }
        }
        for (dev.strata.model.RangeType r : schema.rangeTypes()) {
            if (!isLeftOut(ObjectKind.TYPE, r.name(), null)) {
                putQualified(out, "range type", r.name(), range(r));
            }
        }
        for (Table table : schema.tables()) {
            if (!isLeftOut(ObjectKind.TABLE, table.name(), null)) {
                putQualified(out, "table", table.name(), table(table));
            }
        }
        for (dev.strata.model.Statistics s : schema.statistics()) {
            if (isLeftOut(ObjectKind.TABLE, s.table(), null)) {
                continue;
            }
            Object key = ModelNames.key(s.name());
            Object table = ModelNames.key(s.table());
            if (key == null || table == null) {
                drop("extended statistics", s.table().toString(), s.name().toString(),
                        "its name or its table's cannot form a model key :schema/name");
            } else if (out.containsKey(key)) {
                drop("extended statistics", s.table().toString(), s.name().toString(),
                        "another object of the same name takes its model key");
            } else {
                out.put(key, statistics(s, table));
            }
        }
        return out;
    }

    /** {@code {:type :statistics :table :t :on [:a :b [:raw "lower(c)"]] ...}}, the options that are not the defaults only. */
    private Map<Object, Object> statistics(dev.strata.model.Statistics s, Object table) {
        Map<Object, Object> spec = map(TYPE, ModelNames.kw("statistics"));
        spec.put(ModelNames.kw("table"), table instanceof String name ? name : table);
        List<Object> keys = new ArrayList<>();
        for (String key : SqlText.splitTopLevel(s.keys())) {
            String column = unquote(key.strip());
            keys.add(column != null ? ModelNames.key(column) : TypeForms.raw(SqlText.unwrap(key.strip())));
        }
        spec.put(ModelNames.kw("on"), keys);
        if (!s.kinds().isEmpty()) {
            spec.put(ModelNames.kw("kinds"), s.kinds().stream().map(ModelNames::kw).toList());
        }
        if (s.target() != null) {
            spec.put(ModelNames.kw("target"), (long) s.target());
        }
        putIf(spec, "comment", s.comment());
        return spec;
    }

    /** Puts an object under its model key ({@code :auth/users} for another schema's), or reports that it has none. */
    private void putQualified(Map<Object, Object> out, String kind, QualifiedName name, Map<Object, Object> spec) {
        Object key = ModelNames.key(name);
        if (key == null) {
            drop(kind, null, name.toString(), "its schema and name cannot form a model key :schema/name");
            return;
        }
        out.put(key, spec);
    }

    /** A stand-alone sequence, with only the options that differ from PostgreSQL's defaults. */
    private Map<Object, Object> sequence(Sequence seq) {
        Map<Object, Object> spec = map(TYPE, ModelNames.kw("sequence"));
        String type = seq.dataType() == null ? "bigint" : seq.dataType();
        if (!type.equals("bigint")) {
            spec.put(ModelNames.kw("as"), ModelNames.kw(type));
        }
        boolean up = seq.increment() > 0;
        long typeMin = switch (type) {
            case "smallint" -> Short.MIN_VALUE;
            case "integer" -> Integer.MIN_VALUE;
            default -> Long.MIN_VALUE;
        };
        long defaultMin = up ? 1 : typeMin;
        long defaultMax = up ? maxOf(type) : -1;
        if (seq.start() != (up ? seq.minValue() : seq.maxValue())) {
            spec.put(ModelNames.kw("start"), seq.start());
        }
        if (seq.increment() != 1) {
            spec.put(ModelNames.kw("increment"), seq.increment());
        }
        if (seq.minValue() != defaultMin) {
            spec.put(ModelNames.kw("min-value"), seq.minValue());
        }
        if (seq.maxValue() != defaultMax) {
            spec.put(ModelNames.kw("max-value"), seq.maxValue());
        }
        if (seq.cache() != 1) {
            spec.put(ModelNames.kw("cache"), seq.cache());
        }
        if (seq.cycle()) {
            spec.put(ModelNames.kw("cycle"), true);
        }
        SequenceOwner owner = SequenceOwner.of(seq);
        if (owner != null && owner.table().schema() != null) {
            Object table = ModelNames.key(owner.table());
            Keyword column = ModelNames.keyword(owner.column());
            if (table instanceof Keyword k && column != null && !isLeftOut(ObjectKind.TABLE, owner.table(), null)
                    && !isLeftOut(ObjectKind.COLUMN, owner.table(), owner.column())) {
                spec.put(ModelNames.kw("owned-by"), List.of(k, column));
            } else {
                note("sequence", null, seq.name().toString(), "OWNED BY " + seq.ownedBy()
                        + " is not written: :owned-by cannot name that column");
            }
        } else if (owner != null) {
            Keyword table = ModelNames.keyword(owner.table().name());
            Keyword column = ModelNames.keyword(owner.column());
            if (table == null || column == null || isLeftOut(ObjectKind.TABLE, owner.table(), null)
                    || isLeftOut(ObjectKind.COLUMN, owner.table(), owner.column())) {
                note("sequence", null, seq.name().name(), "OWNED BY " + seq.ownedBy()
                        + " is not written: :owned-by names the column as :model/field, which this one cannot be");
            } else {
                spec.put(ModelNames.kw("owned-by"), Keyword.newKeyword(table.getName(), column.getName()));
            }
        }
        putIf(spec, "comment", seq.comment());
        if (seq.unlogged()) {
            spec.put(ModelNames.kw("unlogged"), true);
        }
        return spec;
    }

    /**
     * {@code [:nextval :s]} for a default that is exactly {@code nextval('s'::regclass)} on a
     * sequence the tree writes, else {@code null}.
     */
    private Object nextvalForm(String defaultExpr) {
        java.util.regex.Matcher m = NEXTVAL.matcher(defaultExpr);
        if (!m.matches()) {
            return null;
        }
        for (Sequence seq : standalone) {
            String name = seq.name().name();
            if (defaultExpr.equals("nextval(" + Identifiers.literal(Identifiers.quote(name)) + "::regclass)")
                    && !isLeftOut(ObjectKind.SEQUENCE, seq.name(), null)) {
                return List.of(ModelNames.kw("nextval"), ModelNames.key(name));
            }
        }
        return null;
    }

    private Map<Object, Object> domain(dev.strata.model.Domain domain) {
        String name = domain.name().name();
        Map<Object, Object> spec = new LinkedHashMap<>();
        spec.put(TYPE, ModelNames.kw("domain"));
        String sql = domain.base().sql();
        Object base = typeForm(domain.base());
        spec.put(ModelNames.kw("base"), sql.endsWith("[]") && !(base instanceof List<?> l && l.get(0).equals(RAW))
                ? List.of(ModelNames.kw("array"), base) : base);
        if (domain.notNull()) {
            spec.put(ModelNames.kw("null"), false);
        }
        if (domain.defaultExpr() != null) {
            spec.put(ModelNames.kw("default"), TypeForms.raw(domain.defaultExpr()));
        }
        putCollation(spec, domain.collation(), "domain", null, name);
        List<Object> checks = new ArrayList<>();
        for (dev.strata.model.Domain.Check check : domain.checks()) {
            String definition = check.definition();
            String condition = definition.startsWith("CHECK ") ? definition.substring(6) : definition;
            Map<Object, Object> checkSpec = map(ModelNames.kw("name"), check.name(), ModelNames.kw("check"),
                    TypeForms.raw(SqlText.unwrap(condition)));
            if (check.notValid()) {
                checkSpec.put(ModelNames.kw("not-valid"), true);
            }
            putIf(checkSpec, "comment", check.comment());
            checks.add(checkSpec);
        }
        if (!checks.isEmpty()) {
            spec.put(ModelNames.kw("checks"), checks);
        }
        putIf(spec, "comment", domain.comment());
        return spec;
    }

    /** {@code {:type :range :subtype ... :collation "C" ...}}, the options that are not the defaults only. */
    private Map<Object, Object> range(dev.strata.model.RangeType r) {
        Map<Object, Object> spec = map(TYPE, ModelNames.kw("range"));
        spec.put(ModelNames.kw("subtype"), typeForm(new dev.strata.model.ColumnType(r.subtype(), null)));
        putName(spec, "subtype-opclass", r.subtypeOpclass(), false);
        putName(spec, "collation", r.collation(), true);
        putName(spec, "canonical", r.canonical(), false);
        putName(spec, "subtype-diff", r.subtypeDiff(), false);
        putName(spec, "multirange-type-name", r.multirange(), false);
        putIf(spec, "comment", r.comment());
        return spec;
    }

    /** A name as PostgreSQL prints it (quoted, maybe qualified) as a model key, or a string of its exact name. */
    private static void putName(Map<Object, Object> spec, String option, String sql, boolean exactString) {
        if (sql == null) {
            return;
        }
        List<String> parts = Identifiers.split(sql);
        Object form;
        if (parts.size() == 2) {
            form = ModelNames.key(new QualifiedName(parts.get(0), parts.get(1)));
        } else {
            form = exactString ? parts.get(0) : ModelNames.key(parts.get(0));
        }
        spec.put(ModelNames.kw(option), form == null ? sql : form);
    }

    private Map<Object, Object> composite(dev.strata.model.CompositeType type) {
        Map<Object, Object> spec = new LinkedHashMap<>();
        spec.put(TYPE, ModelNames.kw("composite"));
        Map<Object, Object> fields = new LinkedHashMap<>();
        for (dev.strata.model.CompositeType.Attribute a : type.attributes()) {
            Map<Object, Object> field = new LinkedHashMap<>();
            field.put(TYPE, typeForm(a.type()));
            if (a.type().sql().endsWith("[]")) {
                field.put(ModelNames.kw("array"), "[]");
            }
            putCollation(field, a.collation(), "composite type", type.name().name(), a.name());
            fields.put(ModelNames.key(a.name()), field);
        }
        spec.put(ModelNames.kw("fields"), fields);
        putIf(spec, "comment", type.comment());
        return spec;
    }

    private void putCollation(Map<Object, Object> spec, String collation, String kind, String table, String name) {
        if (collation == null) {
            return;
        }
        if (collation.startsWith("\"") && collation.endsWith("\"") && collation.length() > 1
                && collation.indexOf('"', 1) == collation.length() - 1) {
            spec.put(ModelNames.kw("collate"), collation.substring(1, collation.length() - 1));
        } else {
            note(kind, table, name, "COLLATE " + collation
                    + " is not written: the model names only collations of pg_catalog or the schema itself");
        }
    }

    private Map<Object, Object> table(Table table) {
        String t = table.name().name();
        boolean hasPolicies = schema.policies().stream()
                .anyMatch(p -> p.table().equals(table.name()) && !isLeftOut(ObjectKind.POLICY, table.name(), p.name()));
        if (table.rowLevelSecurity() != hasPolicies) {
            note("table", null, t, table.rowLevelSecurity()
                    ? "ROW LEVEL SECURITY is enabled but the table has no policy the model carries; the model "
                    + "enables it only for tables with policies"
                    : "the table has policies but ROW LEVEL SECURITY is off; the model enables it with the policies");
        }
        Constraint.PrimaryKey pk = table.primaryKey()
                .filter(p -> !isLeftOut(ObjectKind.CONSTRAINT, table.name(), p.name()))
                .orElse(null);
        List<Object> pkKeys = null;
        if (pk != null) {
            pkKeys = columnKeys(pk.columns());
            if (pkKeys == null) {
                drop("constraint", t, pk.name(), "the primary key names a column only a string can name; "
                        + "the model lists key columns as keywords");
                pk = null;
            }
        }
        String pkName = pk != null && keepsName(table, pk, null) ? pk.name() : null;
        boolean plainPk = pk != null && pk.include().isEmpty() && pk.storage().isEmpty();
        boolean singlePk = pk != null && pk.columns().size() == 1 && !pk.deferrable() && plainPk
                && table.column(pk.columns().get(0)).isPresent(); // an inherited key column is not among the fields

        Map<Object, Object> fields = new LinkedHashMap<>();
        for (Column column : table.columns()) {
            if (isLeftOut(ObjectKind.COLUMN, table.name(), column.name())) {
                continue;
            }
            boolean isPk = singlePk && pk.columns().get(0).equals(column.name());
            Map<Object, Object> field = field(table, column, isPk, isPk ? pkName : null);
            if (isPk) {
                putIf(field, "constraint-comment", pk.comment());
            }
            fields.put(ModelNames.key(column.name()), field);
        }
        Map<Object, Object> spec = new LinkedHashMap<>();
        String lineageProblem = LineageForms.unwritable(table.lineage(), java.util.Set.copyOf(schema.namespaceNames()));
        if (lineageProblem != null) {
            note("table", null, t, "written as a plain table without its own columns from the parent or type: "
                    + lineageProblem);
        }
        if (!fields.isEmpty() || !table.lineage().derived() || lineageProblem != null) {
            spec.put(ModelNames.kw("fields"), fields);
        }
        if (pk != null && !singlePk) {
            if (pkName == null && !pk.deferrable() && pk.comment() == null && plainPk) {
                spec.put(ModelNames.kw("primary-key"), pkKeys);
            } else {
                Map<Object, Object> key = new LinkedHashMap<>();
                putIf(key, "name", pkName);
                key.put(ModelNames.kw("fields"), pkKeys);
                deferrability(key, pk.deferrable(), pk.initiallyDeferred());
                putIf(key, "comment", pk.comment());
                putIndexOptions(key, table.name().name(), pk, pk.include(), pk.storage());
                spec.put(ModelNames.kw("primary-key"), key);
            }
        }
        List<Object> constraints = new ArrayList<>();
        List<Object> foreignKeys = new ArrayList<>();
        for (Constraint c : table.constraints()) {
            if (c instanceof Constraint.PrimaryKey || isLeftOut(ObjectKind.CONSTRAINT, table.name(), c.name())) {
                continue;
            }
            if (c instanceof Constraint.ForeignKey fk) {
                Object written = foreignKey(table, fk);
                if (written != null) {
                    foreignKeys.add(written);
                }
            } else {
                Object written = constraint(table, c);
                if (written != null) {
                    constraints.add(written);
                }
            }
        }
        if (!constraints.isEmpty()) {
            spec.put(ModelNames.kw("constraints"), constraints);
        }
        if (!foreignKeys.isEmpty()) {
            spec.put(ModelNames.kw("foreign-keys"), foreignKeys);
        }
        List<Object> indexes = indexes(table.name(), table.indexes(), table.columns());
        if (!indexes.isEmpty()) {
            spec.put(ModelNames.kw("indexes"), indexes);
        }
        putIf(spec, "comment", table.comment());
        if (table.unlogged()) {
            spec.put(ModelNames.kw("unlogged"), true);
        }
        if (!table.storage().isEmpty()) {
            spec.put(ModelNames.kw("with"), storage(table.storage()));
        }
        if (table.forceRowLevelSecurity()) {
            spec.put(ModelNames.kw("force-row-level-security"), true);
        }
        if (table.replicaIdentity() != null) {
            spec.put(ModelNames.kw("replica-identity"), table.replicaIdentityIndex() != null
                    ? map(ModelNames.kw("using-index"), ModelNames.key(table.replicaIdentityIndex()))
                    : ModelNames.kw(table.replicaIdentity().toLowerCase(java.util.Locale.ROOT)));
        }
        if (table.clusterOn() != null) {
            spec.put(ModelNames.kw("cluster-on"), ModelNames.key(table.clusterOn()));
        }
        if (table.accessMethod() != null) {
            spec.put(ModelNames.kw("access-method"), ModelNames.key(table.accessMethod()));
        }
        if (table.isForeign()) {
            Map<Object, Object> foreign = map(ModelNames.kw("server"), ModelNames.key(table.foreign().server()));
            if (!table.foreign().options().isEmpty()) {
                foreign.put(ModelNames.kw("options"), ColumnSettingForms.sqlMedOptions(table.foreign().options()));
            }
            spec.put(ModelNames.kw("foreign"), foreign);
        }
        if (lineageProblem == null) {
            LineageForms.put(spec, table.lineage());
        }
        return spec;
    }

    private Map<Object, Object> field(Table table, Column column, boolean primaryKey, String constraintName) {
        String t = table.name().name();
        Map<Object, Object> spec = new LinkedHashMap<>();
        String serial = serials.get(key(table, column.name()));
        spec.put(TYPE, serial != null ? ModelNames.kw(serial) : type(column));
        if (column.type().sql().endsWith("[]") && serial == null) {
            spec.put(ModelNames.kw("array"), "[]");
        }
        if (primaryKey) {
            spec.put(ModelNames.kw("primary-key"), true);
            putIf(spec, "constraint-name", constraintName);
        } else if (column.notNull() && column.identity() == null) {
            spec.put(ModelNames.kw("null"), false);
        }
        String dropped = droppedDefaults.get(key(table, column.name()));
        if (column.defaultExpr() != null && serial == null && dropped == null) {
            Object nextval = nextvalForm(column.defaultExpr());
            spec.put(ModelNames.kw("default"), nextval != null ? nextval : TypeForms.raw(column.defaultExpr()));
        }
        if (column.identity() != null) {
            spec.put(ModelNames.kw("identity"), ColumnSettingForms.identity(table, column));
        }
        if (column.generatedExpr() != null) {
            spec.put(ModelNames.kw("generated"), TypeForms.raw(SqlText.unwrap(column.generatedExpr())));
        }
        if (column.collation() != null) {
            String collation = column.collation();
            if (collation.startsWith("\"") && collation.endsWith("\"") && collation.length() > 1
                    && collation.indexOf('"', 1) == collation.length() - 1) {
                spec.put(ModelNames.kw("collate"), collation.substring(1, collation.length() - 1));
            } else {
                note("column", t, column.name(), "COLLATE " + collation
                        + " is not written: the model names only collations of pg_catalog or the schema itself");
            }
        }
        putIf(spec, "comment", column.comment());
        ColumnSettingForms.put(spec, column);
        return spec;
    }

    /** The type without array brackets (the {@code :array} option carries them). */
    private Object type(Column column) {
        return typeForm(column.type());
    }

    /**
     * A type without array brackets as the model writes it: a user type of the schema as its key
     * ({@code :status}), {@code [:enum :key]} for an enum whose key is a built-in's name.
     */
    private Object typeForm(dev.strata.model.ColumnType type) {
        String sql = type.sql();
        boolean array = sql.endsWith("[]");
        String base = array ? sql.substring(0, sql.length() - 2) : sql;
        QualifiedName user = type.userType();
        if (user != null && user.schema() != null && base.equals(Identifiers.quote(user))
                && schema.namespaceNames().contains(user.schema())
                && (schema.enums().stream().anyMatch(e -> e.name().equals(user))
                    || schema.domains().stream().anyMatch(d -> d.name().equals(user))
                    || schema.compositeTypes().stream().anyMatch(c -> c.name().equals(user))
                    || schema.rangeTypes().stream().anyMatch(r -> r.name().equals(user)))
                && ModelNames.key(user) instanceof Keyword k) {
            return k;
        }
        boolean enumType = user != null && user.schema() == null && schema.enumType(user.name()).isPresent();
        boolean otherType = user != null && user.schema() == null && (schema.domain(user.name()).isPresent()
                || schema.compositeType(user.name()).isPresent()
                || schema.rangeTypes().stream().anyMatch(r -> r.name().equals(user)));
        if ((enumType || otherType) && base.equals(Identifiers.quote(user.name()))) {
            Object key = ModelNames.key(user.name());
            if (key instanceof Keyword k && !TypeForms.isBuiltinKeyword(k.getName())) {
                return k;
            }
            if (enumType) {
                return List.of(ModelNames.kw("enum"), key);
            }
        }
        return array && TypeForms.of(base) instanceof List<?> l && l.get(0).equals(RAW)
                ? TypeForms.raw(base) : TypeForms.of(base);
    }

    private Object foreignKey(Table owner, Constraint.ForeignKey fk) {
        String table = owner.name().name();
        List<Object> columns = columnKeys(fk.columns());
        List<Object> refColumns = columnKeys(fk.refColumns());
        if (fk.refTable().schema() != null && (!schema.namespaceNames().contains(fk.refTable().schema())
                || !(ModelNames.key(fk.refTable()) instanceof Keyword))) {
            drop("constraint", table, fk.name(), "it references " + fk.refTable()
                    + " in another schema, which the model does not hold (strata inspect --all-schemas reads it)");
            return null;
        }
        if (columns == null || refColumns == null) {
            drop("constraint", table, fk.name(), "it names a column only a string can name; "
                    + "the model lists foreign key columns as keywords");
            return null;
        }
        Map<Object, Object> spec = new LinkedHashMap<>();
        putIf(spec, "name", keepsName(owner, fk, null) ? fk.name() : null);
        spec.put(ModelNames.kw("fields"), columns);
        spec.put(ModelNames.kw("references"), ModelNames.key(fk.refTable()));
        spec.put(ModelNames.kw("ref-fields"), refColumns);
        if (fk.onDelete() != Constraint.Action.NO_ACTION) {
            spec.put(ModelNames.kw("on-delete"), action(fk.onDelete()));
        }
        if (fk.onUpdate() != Constraint.Action.NO_ACTION) {
            spec.put(ModelNames.kw("on-update"), action(fk.onUpdate()));
        }
        if (fk.match() == Constraint.Match.FULL) {
            spec.put(ModelNames.kw("match"), ModelNames.kw("full"));
        }
        deferrability(spec, fk.deferrable(), fk.initiallyDeferred());
        if (fk.notValid()) {
            spec.put(ModelNames.kw("not-valid"), true);
        }
        putIf(spec, "comment", fk.comment());
        if (!fk.deleteSetColumns().isEmpty()) {
            List<Object> setColumns = columnKeys(fk.deleteSetColumns());
            if (setColumns == null) {
                note("constraint", table, fk.name(), "ON DELETE " + fk.onDelete().sql() + " (columns) is written for"
                        + " all columns: :on-delete-columns lists columns as keywords");
            } else {
                spec.put(ModelNames.kw("on-delete-columns"), setColumns);
            }
        }
        return spec;
    }

    /** {@code :include} and {@code :with} of a primary key or unique constraint, when set. */
    private void putIndexOptions(Map<Object, Object> spec, String table, Constraint c, List<String> include,
                                 Map<String, String> storage) {
        if (!include.isEmpty()) {
            List<Object> columns = columnKeys(include);
            if (columns == null) {
                note("constraint", table, c.name(), "INCLUDE (" + String.join(", ", include) + ") is not written:"
                        + " :include lists columns as keywords");
            } else {
                spec.put(ModelNames.kw("include"), columns);
            }
        }
        if (!storage.isEmpty()) {
            spec.put(ModelNames.kw("with"), storage(storage));
        }
    }

    private static void deferrability(Map<Object, Object> spec, boolean deferrable, boolean initiallyDeferred) {
        if (deferrable) {
            spec.put(ModelNames.kw("deferrable"), true);
        }
        if (initiallyDeferred) {
            spec.put(ModelNames.kw("initially-deferred"), true);
        }
    }

    /**
     * Whether the tree must name the constraint: when its name is not the one the loader would give
     * it unnamed ({@link Names#defaultConstraintName}), or when that name is also used by another
     * constraint or a relation of the schema (the loader would then number it).
     */
    private boolean keepsName(Table table, Constraint c, String checkSql) {
        if (constraintNames == null) {
            constraintNames = new HashMap<>();
            relationNames = new HashSet<>();
            for (Table other : schema.tables()) {
                relationNames.add(other.name().name());
                other.indexes().forEach(i -> relationNames.add(i.name()));
                other.constraints().forEach(k -> constraintNames.merge(k.name(), 1, Integer::sum));
            }
            schema.views().forEach(v -> {
                relationNames.add(v.name().name());
                v.indexes().forEach(i -> relationNames.add(i.name()));
            });
            schema.sequences().forEach(q -> relationNames.add(q.name().name()));
        }
        Set<String> columns = new HashSet<>();
        for (Column column : table.columns()) {
            if (!isLeftOut(ObjectKind.COLUMN, table.name(), column.name())) {
                columns.add(column.name());
            }
        }
        String expected = Names.defaultConstraintName(table.name().name(), c, checkSql, columns);
        return !c.name().equals(expected) || constraintNames.getOrDefault(c.name(), 0) > 1
                || relationNames.contains(c.name());
    }

    private static Keyword action(Constraint.Action action) {
        return ModelNames.kw(action.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    }

    private Object constraint(Table owner, Constraint c) {
        String table = owner.name().name();
        Map<Object, Object> spec = new LinkedHashMap<>();
        if (c instanceof Constraint.Unique u) {
            List<Object> columns = columnKeys(u.columns());
            if (columns == null) {
                drop("constraint", table, c.name(), "it names a column only a string can name; "
                        + "the model lists unique columns as keywords");
                return null;
            }
            putIf(spec, "name", keepsName(owner, c, null) ? c.name() : null);
            spec.put(ModelNames.kw("unique"), columns);
            if (u.nullsNotDistinct()) {
                spec.put(ModelNames.kw("nulls-not-distinct"), true);
            }
            deferrability(spec, u.deferrable(), u.initiallyDeferred());
            putIndexOptions(spec, table, c, u.include(), u.storage());
        } else if (c instanceof Constraint.Check check) {
            String sql = SqlText.unwrap(check.expression());
            putIf(spec, "name", keepsName(owner, c, sql) ? c.name() : null);
            spec.put(ModelNames.kw("check"), TypeForms.raw(sql));
            if (check.noInherit()) {
                spec.put(ModelNames.kw("no-inherit"), true);
            }
            if (check.notValid()) {
                spec.put(ModelNames.kw("not-valid"), true);
            }
        } else if (c instanceof Constraint.Exclusion x) {
            putIf(spec, "name", keepsName(owner, c, null) ? c.name() : null);
            spec.put(ModelNames.kw("exclude"), x.definition());
            deferrability(spec, x.deferrable(), x.initiallyDeferred());
        } else {
            throw new IllegalStateException("unsupported constraint " + c);
        }
        putIf(spec, "comment", c.comment());
        return spec;
    }

    /** Keywords for columns, or {@code null} when one of them has no keyword. */
    private static List<Object> columnKeys(List<String> columns) {
        List<Object> keys = new ArrayList<>();
        for (String c : columns) {
            Keyword k = ModelNames.keyword(c);
            if (k == null) {
                return null;
            }
            keys.add(k);
        }
        return keys;
    }

    private List<Object> indexes(QualifiedName owner, List<Index> indexes, List<Column> columns) {
        Set<String> names = new HashSet<>();
        columns.forEach(c -> names.add(c.name()));
        List<Object> out = new ArrayList<>();
        for (Index index : indexes) {
            if (isLeftOut(ObjectKind.INDEX, owner, index.name())) {
                continue;
            }
            List<Object> keys = new ArrayList<>();
            for (String key : index.keys()) {
                keys.add(indexKey(key, names, columns.isEmpty()));
            }
            List<Object> include = new ArrayList<>();
            for (String col : index.include()) {
                String unquoted = unquote(col);
                include.add(ModelNames.key(unquoted != null ? unquoted : col));
            }
            Map<Object, Object> spec = new LinkedHashMap<>();
            spec.put(ModelNames.kw("name"), index.name());
            spec.put(ModelNames.kw("fields"), keys);
            if (!index.method().equals("btree")) {
                spec.put(ModelNames.kw("method"), ModelNames.kw(index.method()));
            }
            if (index.unique()) {
                spec.put(ModelNames.kw("unique"), true);
            }
            if (index.nullsNotDistinct()) {
                spec.put(ModelNames.kw("nulls-not-distinct"), true);
            }
            if (!include.isEmpty()) {
                spec.put(ModelNames.kw("include"), include);
            }
            if (index.where() != null) {
                spec.put(ModelNames.kw("where"), TypeForms.raw(SqlText.unwrap(index.where())));
            }
            if (!index.storage().isEmpty()) {
                spec.put(ModelNames.kw("with"), storage(index.storage()));
            }
            putIf(spec, "comment", index.comment());
            out.add(spec);
        }
        return out;
    }

    /**
     * A key as the model writes it: a column as its field keyword (or string), an expression as
     * {@code [:raw "expr"]}, and a key with options (opclass, COLLATE, DESC, NULLS) as a map
     * {@code {:field :code :opclass :text-pattern-ops :order :desc}}. What the map cannot say in
     * its parts (a collation of another schema, a key PostgreSQL printed in an unexpected shape)
     * goes, as printed, into a raw {@code :opclass} (taken as written after the expression) or a
     * raw expression, so that the index is always written. Columns of a materialized view are not
     * known, so there any plain identifier counts as a column.
     */
    private static Object indexKey(String key, Set<String> columns, boolean anyIdentifier) {
        IndexKeyParts parts = IndexKeyParts.parse(key);
        if (parts == null) {
            String expression = leadingExpression(key);
            if (expression == null) {
                return TypeForms.raw(SqlText.unwrap(key));
            }
            Map<Object, Object> spec = new LinkedHashMap<>();
            spec.put(ModelNames.kw("expression"), TypeForms.raw(SqlText.unwrap(expression)));
            spec.put(ModelNames.kw("opclass"), TypeForms.raw(key.substring(expression.length()).strip()));
            return spec;
        }
        String column = unquote(parts.expression());
        boolean isColumn = column != null && (columns.contains(column) || anyIdentifier);
        if (parts.plain()) {
            return isColumn ? ModelNames.key(column) : TypeForms.raw(SqlText.unwrap(parts.expression()));
        }
        Map<Object, Object> spec = new LinkedHashMap<>();
        if (isColumn) {
            spec.put(ModelNames.kw("field"), ModelNames.key(column));
        } else {
            spec.put(ModelNames.kw("expression"), TypeForms.raw(SqlText.unwrap(parts.expression())));
        }
        String collation = parts.collation() == null ? null : unquote(parts.collation());
        String opclass = parts.opclass();
        if (parts.collation() != null && collation == null) {
            // A qualified collation: kept as printed, in front of the operator class.
            opclass = "COLLATE " + parts.collation() + (opclass == null ? "" : " " + opclass);
            spec.put(ModelNames.kw("opclass"), TypeForms.raw(opclass));
        } else {
            if (collation != null) {
                spec.put(ModelNames.kw("collate"), collation);
            }
            if (opclass != null) {
                Keyword k = opclass.matches("[a-z_][a-z0-9_]*") && Identifiers.quote(opclass).equals(opclass)
                        ? ModelNames.keyword(opclass) : null;
                spec.put(ModelNames.kw("opclass"), k != null ? k : opclass);
            }
        }
        if (parts.order() != null) {
            spec.put(ModelNames.kw("order"), ModelNames.kw(parts.order().toLowerCase(java.util.Locale.ROOT)));
        }
        if (parts.nulls() != null) {
            spec.put(ModelNames.kw("nulls"), ModelNames.kw(parts.nulls().toLowerCase(java.util.Locale.ROOT)));
        }
        return spec;
    }

    /** The parenthesised expression a key starts with, or {@code null}. */
    private static String leadingExpression(String key) {
        String k = key.strip();
        if (!k.startsWith("(")) {
            return null;
        }
        try {
            return k.substring(0, SqlText.closingParen(k, 0) + 1);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Storage parameters as the model's {@code :with} map: a value PostgreSQL stores as
     * {@code true}/{@code false} or an integer becomes that EDN value, a decimal the loader prints
     * back the same way becomes a number, anything else a string, so the model stores the same text.
     */
    static Map<Object, Object> storage(Map<String, String> parameters) {
        Map<Object, Object> out = new LinkedHashMap<>();
        parameters.forEach((name, text) -> {
            Object key = name.matches("[a-z_][a-z0-9_.]*") ? ModelNames.kw(name) : name;
            Object value = text;
            if (text.equals("true") || text.equals("false")) {
                value = Boolean.valueOf(text);
            } else if (text.matches("-?[1-9][0-9]{0,17}|0")) {
                value = Long.valueOf(text);
            } else if (text.matches("-?[0-9]+\\.[0-9]+")) {
                double d = Double.parseDouble(text);
                if (java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString().equals(text)) {
                    value = d;
                }
            }
            out.put(key, value);
        });
        return out;
    }

    /** The identifier {@code key} spells (quoted or not), or {@code null} when it is no plain identifier. */
    private static String unquote(String key) {
        if (key.length() > 1 && key.startsWith("\"") && key.endsWith("\"")) {
            String inner = key.substring(1, key.length() - 1);
            return inner.replace("\"\"", "").contains("\"") ? null : inner.replace("\"\"", "\"");
        }
        return key.matches("[a-z_][a-z0-9_$]*") && Identifiers.quote(key).equals(key) ? key : null;
    }

    // ---------------------------------------------------------------- the other files

    Map<Object, Object> functions() {
        Map<Object, Object> out = new LinkedHashMap<>();
        for (Function f : schema.functions()) {
            if (!isLeftOut(ObjectKind.FUNCTION, f.name(), f.arguments())) {
                Map<Object, Object> spec = f.isAggregate() ? AggregateForms.of(f)
                        : map(ModelNames.kw("sql"), f.definition());
                putIf(spec, "comment", f.comment());
                Object key = uniqueKey(out, f.name().name());
                if (f.isAggregate() && !key.equals(ModelNames.key(f.name().name()))) {
                    spec.put(ModelNames.kw("name"), f.name().name());
                }
                if (f.isAggregate() && f.name().schema() != null) {
                    spec.put(ModelNames.kw("schema"), f.name().schema());
                }
                out.put(key, spec);
            }
        }
        return out;
    }

    Map<Object, Object> views() {
        Map<Object, Object> out = new LinkedHashMap<>();
        for (View v : schema.views()) {
            if (isLeftOut(ObjectKind.VIEW, v.name(), null) || isLeftOut(ObjectKind.MATERIALIZED_VIEW, v.name(), null)) {
                continue;
            }
            Map<Object, Object> spec = map(ModelNames.kw("sql"), v.definition());
            List<Object> indexes = indexes(v.name(), v.indexes(), List.of());
            if (!indexes.isEmpty()) {
                spec.put(ModelNames.kw("indexes"), indexes);
            }
            putIf(spec, "comment", v.comment());
            out.put(uniqueKey(out, v.name().name()), spec);
        }
        return out;
    }

    Map<Object, Object> triggers() {
        Map<Object, Object> out = new LinkedHashMap<>();
        Map<String, Long> counts = new HashMap<>();
        schema.triggers().forEach(t -> counts.merge(t.name(), 1L, Long::sum));
        for (Trigger t : schema.triggers()) {
            if (!isLeftOut(ObjectKind.TRIGGER, t.table(), t.name())) {
                String name = counts.get(t.name()) > 1 ? t.table().name() + "_" + t.name() : t.name();
                Map<Object, Object> spec = map(ModelNames.kw("sql"), t.definition());
                switch (t.enablement()) {
                    case DISABLED -> spec.put(ModelNames.kw("enabled"), false);
                    case REPLICA -> spec.put(ModelNames.kw("enabled"), ModelNames.kw("replica"));
                    case ALWAYS -> spec.put(ModelNames.kw("enabled"), ModelNames.kw("always"));
                    case ORIGIN -> { }
                }
                putIf(spec, "comment", t.comment());
                out.put(uniqueKey(out, name), spec);
            }
        }
        return out;
    }

    Map<Object, Object> policies() {
        Map<Object, Object> out = new LinkedHashMap<>();
        Map<String, Long> counts = new HashMap<>();
        schema.policies().forEach(p -> counts.merge(p.name(), 1L, Long::sum));
        for (Policy p : schema.policies()) {
            if (!isLeftOut(ObjectKind.POLICY, p.table(), p.name())) {
                String name = counts.get(p.name()) > 1 ? p.table().name() + "_" + p.name() : p.name();
                Map<Object, Object> spec = map(ModelNames.kw("sql"), p.definition());
                putIf(spec, "comment", p.comment());
                out.put(uniqueKey(out, name), spec);
            }
        }
        return out;
    }

    /** The key for {@code name}, with {@code _2}, {@code _3}... appended while it is taken (overloads). */
    private static Object uniqueKey(Map<Object, Object> taken, String name) {
        Object key = ModelNames.key(name);
        for (int n = 2; taken.containsKey(key); n++) {
            key = ModelNames.key(name + "_" + n);
        }
        return key;
    }

    private static Map<Object, Object> map(Object... keysAndValues) {
        Map<Object, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    private static void putIf(Map<Object, Object> spec, String option, String value) {
        if (value != null) {
            spec.put(ModelNames.kw(option), value);
        }
    }
}
