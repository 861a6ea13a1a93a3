package dev.strata.props;

import dev.strata.model.Column;
import dev.strata.model.Constraint;
import dev.strata.model.EnumType;
import dev.strata.model.Function;
import dev.strata.model.Index;
import dev.strata.model.Policy;
import dev.strata.model.QualifiedName;
import dev.strata.model.Schema;
import dev.strata.model.Sequence;
import dev.strata.model.Table;
import dev.strata.model.Trigger;
import dev.strata.model.View;
import dev.strata.sql.Identifiers;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Blueprint represents a generated schema with every reference between its objects spelled out
 * (which columns a view, index, check or policy uses), so that random edits can keep it valid
 * by removing what depended on a dropped object. {@link #toSchema()} renders it as the shared
 * model records. Mutable, for the generator's own use; {@link #copy()} is deep.
 */
final class Blueprint {
    final List<EnumSpec> enums = new ArrayList<>();
    final List<SequenceSpec> sequences = new ArrayList<>();
    final List<TableSpec> tables = new ArrayList<>();
    final List<ViewSpec> views = new ArrayList<>();
    final List<FunctionSpec> functions = new ArrayList<>();
    final List<TriggerSpec> triggers = new ArrayList<>();
    final List<PolicySpec> policies = new ArrayList<>();
    /** Source of unique suffixes for constraint, index, trigger and policy names. */
    int counter;
    /** Names new objects must not take although no object holds them now. */
    final Set<String> retiredNames = new HashSet<>();
    /**
     * Comments on constraints, views, functions and aggregates, triggers and policies, by
     * {@link #commentKey}; a key whose object is gone is ignored.
     */
    final java.util.Map<String, String> objectComments = new java.util.TreeMap<>();
    /**
     * The split point of a range-partitioned table {@value #PARTITIONED} with two partitions
     * (below and from the split) and, when {@link #defaultPartition}, a DEFAULT one; null: none.
     */
    Integer partitionSplit;
    boolean defaultPartition;
    static final String PARTITIONED = "zz_measure";
    /** The default of the partitioned table's {@code note} column, as PostgreSQL prints it; null: none. */
    String noteDefault;
    /** What the {@code _lo} and {@code _hi} partitions have of their own on {@code note}. */
    dev.strata.model.DerivedColumn loNote = dev.strata.model.DerivedColumn.NONE;
    dev.strata.model.DerivedColumn hiNote = dev.strata.model.DerivedColumn.NONE;
    /** The fixed group of domain, inheritance, procedure, view-option and trigger objects; null: none. */
    Extras extras;

    Blueprint copy() {
        Blueprint b = new Blueprint();
        b.enums.addAll(enums);
        b.sequences.addAll(sequences);
        tables.forEach(t -> b.tables.add(t.copy()));
        b.views.addAll(views);
        b.functions.addAll(functions);
        b.triggers.addAll(triggers);
        b.policies.addAll(policies);
        b.counter = counter;
        b.retiredNames.addAll(retiredNames);
        b.objectComments.putAll(objectComments);
        b.partitionSplit = partitionSplit;
        b.defaultPartition = defaultPartition;
        b.noteDefault = noteDefault;
        b.loNote = loNote;
        b.hiNote = hiNote;
        b.extras = extras;
        return b;
    }

    /** The key of an object's comment: {@code view:v}, {@code function:f}, {@code constraint:t.c}, ... */
    static String commentKey(String kind, String table, String name) {
        return kind + ":" + (table == null ? "" : table + ".") + name;
    }

    /** Every object that may carry a comment in {@link #objectComments}, as keys. */
    List<String> commentable() {
        List<String> keys = new ArrayList<>();
        views.forEach(v -> keys.add(commentKey("view", null, v.name())));
        functions.forEach(f -> keys.add(commentKey("function", null, f.name())));
        triggers.forEach(t -> keys.add(commentKey("trigger", t.table(), t.name())));
        policies.forEach(p -> keys.add(commentKey("policy", p.table(), p.name())));
        for (TableSpec t : tables) {
            toTable(t).constraints().forEach(c -> keys.add(commentKey("constraint", t.name, c.name())));
        }
        return keys;
    }

    String nextName(String base, String kind) {
        counter++;
        String stem = base.length() > 40 ? base.substring(0, 40) : base;
        return stem + "_" + kind + counter;
    }

    /** Names in the relation/type namespace (tables, views, sequences, enums) and functions. */
    Set<String> usedNames() {
        Set<String> names = new HashSet<>(retiredNames);
        enums.forEach(e -> names.add(e.name()));
        sequences.forEach(s -> names.add(s.name()));
        tables.forEach(t -> names.add(t.name));
        views.forEach(v -> names.add(v.name()));
        functions.forEach(f -> names.add(f.name()));
        names.add(PARTITIONED);
        names.add(PARTITIONED + "_lo");
        names.add(PARTITIONED + "_hi");
        names.add(PARTITIONED + "_rest");
        names.addAll(Extras.NAMES);
        return names;
    }

    Optional<TableSpec> table(String name) {
        return tables.stream().filter(t -> t.name.equals(name)).findFirst();
    }

    Optional<ViewSpec> view(String name) {
        return views.stream().filter(v -> v.name().equals(name)).findFirst();
    }

    Optional<EnumSpec> enumSpec(String name) {
        return enums.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    List<String> labels(Ty type) {
        return type.kind() == Ty.Kind.ENUM ? enumSpec(type.enumName()).orElseThrow().labels() : List.of();
    }

    /** The table columns a view reads, directly or through the views it reads. */
    Set<String> viewColumnsOf(ViewSpec view, String table) {
        if (!view.sourceIsView()) {
            return view.source().equals(table) ? view.tableColumns() : Set.of();
        }
        ViewSpec source = view(view.source()).orElseThrow();
        return viewColumnsOf(source, table);
    }

    /** Whether a column is used by a view, a policy or a generated column (PostgreSQL then refuses ALTER TYPE). */
    boolean typeLocked(TableSpec table, ColumnSpec column) {
        String c = column.name;
        return views.stream().anyMatch(v -> viewColumnsOf(v, table.name).contains(c))
                || policies.stream().anyMatch(p -> p.table().equals(table.name) && p.columns().contains(c))
                || table.columns.stream().anyMatch(o -> c.equals(o.generatedFrom));
    }

    /** Whether a column takes part in a key: the primary key, a foreign key or a key a foreign key references. */
    boolean keyColumn(TableSpec table, String column) {
        if (table.primaryKey != null && table.primaryKey.columns().contains(column)) {
            return true;
        }
        if (table.foreignKeys.stream().anyMatch(fk -> fk.columns().contains(column))) {
            return true;
        }
        return tables.stream().flatMap(t -> t.foreignKeys.stream())
                .anyMatch(fk -> fk.refTable().equals(table.name) && fk.refColumns().contains(column));
    }

    /** Whether a column of the enum type is read by a view, policy, check, index or generated column. */
    boolean enumReadByDependents(String enumName) {
        for (TableSpec t : tables) {
            for (ColumnSpec c : t.columns) {
                if (c.type.kind() == Ty.Kind.ENUM && c.type.enumName().equals(enumName)
                        && (typeLocked(t, c)
                        || t.checks.stream().anyMatch(k -> k.columns().contains(c.name))
                        || t.indexes.stream().anyMatch(i -> i.columns().contains(c.name)))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Drops a column and everything that used it. */
    void dropColumn(TableSpec table, String column) {
        table.columns.removeIf(c -> c.name.equals(column));
        table.uniques.removeIf(u -> u.columns().contains(column));
        table.checks.removeIf(k -> k.columns().contains(column));
        table.exclusions.removeIf(x -> x.column().equals(column));
        table.indexes.removeIf(i -> i.columns().contains(column));
        table.foreignKeys.removeIf(fk -> fk.columns().contains(column));
        for (TableSpec other : tables) {
            other.foreignKeys.removeIf(fk -> fk.refTable().equals(table.name) && fk.refColumns().contains(column));
        }
        for (ViewSpec view : List.copyOf(views)) {
            if (views.contains(view) && viewColumnsOf(view, table.name).contains(column)) {
                dropView(view.name());
            }
        }
        policies.removeIf(p -> p.table().equals(table.name) && p.columns().contains(column));
        triggers.removeIf(t -> t.table().equals(table.name) && column.equals(t.ofColumn()));
        for (ColumnSpec generated : List.copyOf(table.columns)) {
            if (column.equals(generated.generatedFrom)) {
                dropColumn(table, generated.name);
            }
        }
    }

    /** Drops a table and everything that used it. */
    void dropTable(String name) {
        tables.removeIf(t -> t.name.equals(name));
        for (TableSpec other : tables) {
            other.foreignKeys.removeIf(fk -> fk.refTable().equals(name));
        }
        for (ViewSpec view : List.copyOf(views)) {
            if (views.contains(view) && !view.sourceIsView() && view.source().equals(name)) {
                dropView(view.name());
            }
        }
        triggers.removeIf(t -> t.table().equals(name));
        policies.removeIf(p -> p.table().equals(name));
    }

    /** Drops a view and the views that read it. */
    void dropView(String name) {
        views.removeIf(v -> v.name().equals(name));
        for (ViewSpec view : List.copyOf(views)) {
            if (views.contains(view) && view.sourceIsView() && view.source().equals(name)) {
                dropView(view.name());
            }
        }
    }

    /** Drops a function and what called it (views, triggers). */
    void dropFunction(String name) {
        functions.removeIf(f -> f.name().equals(name));
        for (ViewSpec view : List.copyOf(views)) {
            if (views.contains(view) && name.equals(view.function())) {
                dropView(view.name());
            }
        }
        triggers.removeIf(t -> t.function().equals(name));
    }

    /** The blueprint as model records, each list in the order {@link Schema} keeps (by name). */
    Schema toSchema() {
        Schema schema = blueprintSchema();
        return extras == null ? schema : extras.addTo(schema);
    }

    private Schema blueprintSchema() {
        List<Table> modelTables = tables.stream().map(this::toTable)
                .sorted(Comparator.comparing(Table::name)).toList();
        modelTables = java.util.stream.Stream.concat(modelTables.stream(), partitionedTables().stream())
                .sorted(Comparator.comparing(Table::name)).toList();
        return new Schema(
                List.of(),
                enums.stream().map(e -> new EnumType(QualifiedName.of(e.name()), e.labels(), e.comment()))
                        .sorted(Comparator.comparing(EnumType::name)).toList(),
                sequences.stream().map(SequenceSpec::toSequence).sorted(Comparator.comparing(Sequence::name)).toList(),
                modelTables,
                views.stream().map(this::toView)
                        .map(v -> v.withComment(objectComments.get(commentKey("view", null, v.name().name()))))
                        .sorted(Comparator.comparing(View::name)).toList(),
                functions.stream().map(FunctionSpec::toFunction)
                        .map(f -> f.withComment(objectComments.get(commentKey("function", null, f.name().name()))))
                        .sorted(Comparator.comparing(Function::name)).toList(),
                triggers.stream().map(TriggerSpec::toTrigger)
                        .map(t -> t.withComment(objectComments.get(commentKey("trigger", t.table().name(), t.name()))))
                        .sorted(Comparator.comparing(Trigger::table).thenComparing(Trigger::name)).toList(),
                policies.stream().map(PolicySpec::toPolicy)
                        .map(p -> p.withComment(objectComments.get(commentKey("policy", p.table().name(), p.name()))))
                        .sorted(Comparator.comparing(Policy::table).thenComparing(Policy::name)).toList());
    }

    /** The partitioned table and its partitions, or nothing (see {@link #partitionSplit}). */
    private List<Table> partitionedTables() {
        if (partitionSplit == null) {
            return List.of();
        }
        QualifiedName parent = QualifiedName.of(PARTITIONED);
        List<Table> out = new ArrayList<>();
        out.add(new Table(parent, List.of(
                new Column("id", dev.strata.model.ColumnType.builtin("integer"), true, null, null, null, null, null),
                new Column("at", dev.strata.model.ColumnType.builtin("integer"), true, null, null, null, null, null),
                new Column("note", dev.strata.model.ColumnType.builtin("text"), false, noteDefault, null, null, null,
                        null)),
                List.of(new Constraint.PrimaryKey(PARTITIONED + "_pkey", List.of("id", "at"), false, false)),
                List.of(new Index(PARTITIONED + "_at_idx", parent, false, "btree", List.of("at"), List.of(), null)),
                false, null).withLineage(new dev.strata.model.TableLineage("RANGE (at)", null, null, List.of(), null)));
        out.add(partition("_lo", "FOR VALUES FROM (0) TO (" + partitionSplit + ")", note(loNote)));
        out.add(partition("_hi", "FOR VALUES FROM (" + partitionSplit + ") TO (1000)", note(hiNote)));
        if (defaultPartition) {
            out.add(partition("_rest", "DEFAULT", java.util.Map.of()));
        }
        return out;
    }

    /** A partition's own options on note; DROP DEFAULT only means something while the parent has one. */
    private java.util.Map<String, dev.strata.model.DerivedColumn> note(dev.strata.model.DerivedColumn o) {
        if (o.noDefault() && noteDefault == null || o.defaultExpr() != null && o.defaultExpr().equals(noteDefault)) {
            o = new dev.strata.model.DerivedColumn(o.notNull(), null, false, o.comment());
        }
        return java.util.Map.of("note", o);
    }

    private static Table partition(String suffix, String bound, java.util.Map<String, dev.strata.model.DerivedColumn> options) {
        return new Table(QualifiedName.of(PARTITIONED + suffix), List.of(), List.of(), List.of(), false, null)
                .withLineage(new dev.strata.model.TableLineage(null, QualifiedName.of(PARTITIONED), bound, List.of(),
                        null).withColumnOptions(options));
    }

    private Table toTable(TableSpec t) {
        QualifiedName name = QualifiedName.of(t.name);
        List<Column> columns = t.columns.stream().map(c -> toColumn(t, c)).toList();
        List<Constraint> constraints = new ArrayList<>();
        if (t.primaryKey != null) {
            constraints.add(new Constraint.PrimaryKey(t.primaryKey.name(), t.primaryKey.columns(),
                    t.primaryKey.deferrable(), t.primaryKey.initiallyDeferred()));
        }
        t.uniques.forEach(u -> constraints.add(new Constraint.Unique(u.name(), u.columns(), u.nullsNotDistinct(),
                u.deferrable(), u.initiallyDeferred())));
        for (CheckSpec k : t.checks) {
            constraints.add(new Constraint.Check(k.name(), checkExpression(t, k), k.noInherit(), k.notValid()));
        }
        for (FkSpec fk : t.foreignKeys) {
            constraints.add(new Constraint.ForeignKey(fk.name(), fk.columns(), QualifiedName.of(fk.refTable()),
                    fk.refColumns(), fk.onDelete(), fk.onUpdate(), fk.deferrable(), fk.initiallyDeferred(),
                    fk.matchFull() ? Constraint.Match.FULL : Constraint.Match.SIMPLE, fk.notValid()));
        }
        for (ExclusionSpec x : t.exclusions) {
            constraints.add(new Constraint.Exclusion(x.name(),
                    "EXCLUDE USING btree (" + Identifiers.quote(x.column()) + " WITH =)", x.deferrable(),
                    x.initiallyDeferred()));
        }
        constraints.replaceAll(c -> c.withComment(objectComments.get(commentKey("constraint", t.name, c.name()))));
        constraints.sort(Comparator.comparing(Constraint::name));
        List<Index> indexes = t.indexes.stream().map(i -> toIndex(t, i))
                .sorted(Comparator.comparing(Index::name)).toList();
        boolean rls = t.rowLevelSecurity || policies.stream().anyMatch(p -> p.table().equals(t.name));
        java.util.SortedMap<String, String> storage = new java.util.TreeMap<>();
        if (t.fillfactor != null) {
            storage.put("fillfactor", t.fillfactor.toString());
        }
        if (t.autovacuumOff) {
            storage.put("autovacuum_enabled", "false");
        }
        return new Table(name, columns, constraints, indexes, rls, t.comment, unlogged(t), storage,
                t.forceRowLevelSecurity).withIndexSettings(t.replicaFull ? "FULL" : null, null, null);
    }

    /**
     * Whether the table is UNLOGGED: when asked for and no foreign key joins it to another table.
     * PostgreSQL keeps permanent tables from referencing unlogged ones, and refuses SET LOGGED /
     * SET UNLOGGED across such a reference, so an unlogged table stays out of the foreign-key graph;
     * a key added later makes it logged again (SET LOGGED runs in an earlier phase than the key).
     */
    boolean unlogged(TableSpec t) {
        return t.unlogged
                && t.foreignKeys.stream().allMatch(fk -> fk.refTable().equals(t.name))
                && tables.stream().filter(o -> o != t)
                        .allMatch(o -> o.foreignKeys.stream().noneMatch(fk -> fk.refTable().equals(t.name)));
    }

    private Column toColumn(TableSpec t, ColumnSpec c) {
        String generated = null;
        if (c.generatedFrom != null) {
            ColumnSpec source = t.column(c.generatedFrom).orElseThrow();
            String s = Identifiers.quote(source.name);
            generated = source.type.string() ? "lower(" + s + ")" : s + " * 2";
        }
        boolean notNull = c.notNull || c.identity != null
                || t.primaryKey != null && t.primaryKey.columns().contains(c.name);
        Column column = new Column(c.name, c.type.columnType(), notNull, c.defaultExpr, c.identity, generated,
                c.collateC ? "\"C\"" : null, c.comment);
        dev.strata.model.IdentitySequence sequence = c.identity == null ? null
                : dev.strata.model.IdentitySequence.of(dev.strata.load.Names.objectName(t.name, c.name, "seq"),
                        column.type(), c.identityStart, c.identityStart == null ? null : 2L, null, null, null, null);
        return column.withSettings(sequence, c.statistics, null, null, null);
    }

    private String checkExpression(TableSpec t, CheckSpec k) {
        if (k.columns().size() == 1) {
            ColumnSpec c = t.column(k.columns().get(0)).orElseThrow();
            return c.type.check(c.name, labels(c.type));
        }
        return k.columns().stream().map(n -> Identifiers.quote(n) + " IS NOT NULL").collect(Collectors.joining(" OR "));
    }

    private Index toIndex(TableSpec t, IndexSpec i) {
        List<String> keys = new ArrayList<>();
        for (String name : i.columns()) {
            ColumnSpec c = t.column(name).orElseThrow();
            String q = Identifiers.quote(name);
            if (i.expression() && c.type.string()) {
                keys.add("(lower(" + q + "))" + (i.opclass() ? " text_pattern_ops" : ""));
            } else if (i.expression() && c.type.numericFamily()) {
                keys.add("(abs(" + q + "))");
            } else {
                StringBuilder key = new StringBuilder(q);
                // PostgreSQL prints no COLLATE when the key's collation is the column's own.
                if (i.collateC() && !c.collateC && c.type.string() && i.method().equals("btree")) {
                    key.append(" COLLATE \"C\"");
                }
                if (i.opclass() && c.type.string() && i.method().equals("btree")) {
                    key.append(" text_pattern_ops");
                }
                if (i.descending()) {
                    key.append(" DESC");
                }
                if (i.nullsFirst() != null && i.method().equals("btree")) {
                    // Only the non-default placement: PostgreSQL prints no NULLS clause for the default.
                    key.append(i.descending() ? " NULLS LAST" : " NULLS FIRST");
                }
                keys.add(key.toString());
            }
        }
        String where = i.partial() ? "(" + Identifiers.quote(i.columns().get(0)) + " IS NOT NULL)" : null;
        java.util.SortedMap<String, String> storage = new java.util.TreeMap<>();
        if (i.fillfactor() != null && !i.method().equals("gin")) {
            storage.put("fillfactor", i.fillfactor().toString());
        }
        return new Index(i.name(), QualifiedName.of(t.name), i.unique(), i.method(), keys, List.of(), where,
                storage, i.comment());
    }

    private View toView(ViewSpec v) {
        List<String> select = new ArrayList<>();
        v.columns().forEach(c -> select.add(Identifiers.quote(c)));
        if (v.function() != null) {
            select.add(Identifiers.quote(v.function()) + "(" + Identifiers.quote(v.functionColumn()) + ") AS "
                    + Identifiers.quote(v.functionAlias()));
        }
        StringBuilder sql = new StringBuilder("CREATE ")
                .append(v.materialized() ? "MATERIALIZED VIEW " : "VIEW ")
                .append(Identifiers.quote(v.name())).append(" AS SELECT ").append(String.join(", ", select))
                .append(" FROM ").append(Identifiers.quote(v.source()));
        if (v.whereColumn() != null) {
            sql.append(" WHERE ").append(Identifiers.quote(v.whereColumn())).append(" IS NOT NULL");
        }
        List<QualifiedName> depends = new ArrayList<>();
        depends.add(QualifiedName.of(v.source()));
        if (v.function() != null) {
            depends.add(QualifiedName.of(v.function()));
        }
        return new View(QualifiedName.of(v.name()), v.materialized(), sql.toString(), null, List.of(), depends);
    }

    /** TableSpec represents a generated table. */
    static final class TableSpec {
        String name;
        final List<ColumnSpec> columns = new ArrayList<>();
        KeySpec primaryKey;
        final List<KeySpec> uniques = new ArrayList<>();
        final List<CheckSpec> checks = new ArrayList<>();
        final List<FkSpec> foreignKeys = new ArrayList<>();
        final List<ExclusionSpec> exclusions = new ArrayList<>();
        final List<IndexSpec> indexes = new ArrayList<>();
        boolean rowLevelSecurity;
        String comment;
        /** UNLOGGED, when no other table's foreign key touches it (see {@link Blueprint#unlogged}). */
        boolean unlogged;
        Integer fillfactor;
        boolean autovacuumOff;
        boolean forceRowLevelSecurity;
        /** REPLICA IDENTITY FULL. */
        boolean replicaFull;

        TableSpec(String name) {
            this.name = name;
        }

        TableSpec copy() {
            TableSpec t = new TableSpec(name);
            columns.forEach(c -> t.columns.add(c.copy()));
            t.primaryKey = primaryKey;
            t.uniques.addAll(uniques);
            t.checks.addAll(checks);
            t.foreignKeys.addAll(foreignKeys);
            t.exclusions.addAll(exclusions);
            t.indexes.addAll(indexes);
            t.rowLevelSecurity = rowLevelSecurity;
            t.comment = comment;
            t.unlogged = unlogged;
            t.fillfactor = fillfactor;
            t.autovacuumOff = autovacuumOff;
            t.forceRowLevelSecurity = forceRowLevelSecurity;
            t.replicaFull = replicaFull;
            return t;
        }

        Optional<ColumnSpec> column(String columnName) {
            return columns.stream().filter(c -> c.name.equals(columnName)).findFirst();
        }

        Set<String> columnNames() {
            return columns.stream().map(c -> c.name).collect(Collectors.toCollection(LinkedHashSet::new));
        }

        /** Plain columns: neither generated nor identity. */
        Stream<ColumnSpec> plainColumns() {
            return columns.stream().filter(c -> c.generatedFrom == null && c.identity == null);
        }
    }

    /** ColumnSpec represents a generated column; {@code generatedFrom} names the source of a generated column. */
    static final class ColumnSpec {
        final String name;
        Ty type;
        boolean notNull;
        String defaultExpr;
        Column.Identity identity;
        String generatedFrom;
        boolean collateC;
        String comment;
        /** START WITH (and INCREMENT BY 2) of an identity column's sequence, or null for the defaults. */
        Long identityStart;
        /** SET STATISTICS n, or null. */
        Integer statistics;

        ColumnSpec(String name, Ty type) {
            this.name = name;
            this.type = type;
        }

        ColumnSpec copy() {
            ColumnSpec c = new ColumnSpec(name, type);
            c.notNull = notNull;
            c.defaultExpr = defaultExpr;
            c.identity = identity;
            c.generatedFrom = generatedFrom;
            c.collateC = collateC;
            c.comment = comment;
            c.identityStart = identityStart;
            c.statistics = statistics;
            return c;
        }
    }

    /** A primary key or unique constraint, with its options ({@code nullsNotDistinct} only on a unique one). */
    record KeySpec(String name, List<String> columns, boolean deferrable, boolean initiallyDeferred,
                   boolean nullsNotDistinct) {
        KeySpec {
            columns = List.copyOf(columns);
        }

        KeySpec(String name, List<String> columns) {
            this(name, columns, false, false, false);
        }

        KeySpec withName(String newName) {
            return new KeySpec(newName, columns, deferrable, initiallyDeferred, nullsNotDistinct);
        }
    }

    /** A check over one column (a type-specific expression) or several ({@code a IS NOT NULL OR b IS NOT NULL}). */
    record CheckSpec(String name, List<String> columns, boolean noInherit, boolean notValid) {
        CheckSpec {
            columns = List.copyOf(columns);
        }

        CheckSpec(String name, List<String> columns) {
            this(name, columns, false, false);
        }

        CheckSpec withName(String newName) {
            return new CheckSpec(newName, columns, noInherit, notValid);
        }
    }

    /** A foreign key. */
    record FkSpec(String name, List<String> columns, String refTable, List<String> refColumns,
                  Constraint.Action onDelete, Constraint.Action onUpdate, boolean deferrable,
                  boolean initiallyDeferred, boolean matchFull, boolean notValid) {
        FkSpec {
            columns = List.copyOf(columns);
            refColumns = List.copyOf(refColumns);
        }

        FkSpec withName(String newName) {
            return new FkSpec(newName, columns, refTable, refColumns, onDelete, onUpdate, deferrable, initiallyDeferred,
                    matchFull, notValid);
        }

        FkSpec withOptions(boolean newDeferrable, boolean newInitiallyDeferred, boolean newMatchFull,
                           boolean newNotValid) {
            return new FkSpec(name, columns, refTable, refColumns, onDelete, onUpdate, newDeferrable,
                    newInitiallyDeferred, newMatchFull, newNotValid);
        }
    }

    /** {@code EXCLUDE USING btree (column WITH =)}, maybe DEFERRABLE. */
    record ExclusionSpec(String name, String column, boolean deferrable, boolean initiallyDeferred) {
        ExclusionSpec(String name, String column) {
            this(name, column, false, false);
        }

        ExclusionSpec withName(String newName) {
            return new ExclusionSpec(newName, column, deferrable, initiallyDeferred);
        }
    }

    /**
     * An index: plain keys, or expressions over them ({@code lower}, {@code abs}), optionally partial;
     * btree keys of text columns may carry {@code COLLATE "C"} and {@code text_pattern_ops}, any
     * btree key the NULLS placement that is not its order's default; a fillfactor and a comment.
     */
    record IndexSpec(String name, boolean unique, String method, List<String> columns, boolean expression,
                     boolean partial, boolean descending, boolean opclass, boolean collateC, Boolean nullsFirst,
                     Integer fillfactor, String comment) {
        IndexSpec {
            columns = List.copyOf(columns);
        }

        IndexSpec(String name, boolean unique, String method, List<String> columns, boolean expression,
                  boolean partial, boolean descending) {
            this(name, unique, method, columns, expression, partial, descending, false, false, null, null, null);
        }

        IndexSpec withOptions(Integer newFillfactor, String newComment) {
            return new IndexSpec(name, unique, method, columns, expression, partial, descending, opclass, collateC,
                    nullsFirst, newFillfactor, newComment);
        }
    }

    /** An enum type. */
    record EnumSpec(String name, List<String> labels, String comment) {
        EnumSpec {
            labels = List.copyOf(labels);
        }
    }

    /**
     * A stand-alone sequence of {@code smallint}, {@code integer} or {@code bigint}, ascending or
     * descending, with PostgreSQL's default bounds for its type and direction; {@code start} is the
     * distance from the first value.
     */
    record SequenceSpec(String name, String dataType, long start, long increment, long cache, boolean cycle,
                        String comment) {
        Sequence toSequence() {
            boolean up = increment > 0;
            long typeMin = switch (dataType) {
                case "smallint" -> Short.MIN_VALUE;
                case "integer" -> Integer.MIN_VALUE;
                default -> Long.MIN_VALUE;
            };
            long typeMax = switch (dataType) {
                case "smallint" -> Short.MAX_VALUE;
                case "integer" -> Integer.MAX_VALUE;
                default -> Long.MAX_VALUE;
            };
            return new Sequence(QualifiedName.of(name), dataType, up ? start : -start, increment, up ? 1 : typeMin,
                    up ? typeMax : -1, cache, cycle, null, comment);
        }
    }

    /**
     * A view over a table or another view: plain columns, optionally a call of an SQL function
     * on an integer column, optionally {@code WHERE column IS NOT NULL}.
     */
    record ViewSpec(String name, String source, boolean sourceIsView, List<String> columns, String whereColumn,
                    String function, String functionColumn, boolean materialized) {
        ViewSpec {
            columns = List.copyOf(columns);
        }

        String functionAlias() {
            return functionColumn + "_fn";
        }

        /** The source columns it reads (of its table, or of its source view). */
        Set<String> tableColumns() {
            Set<String> used = new LinkedHashSet<>(columns);
            if (whereColumn != null) {
                used.add(whereColumn);
            }
            if (functionColumn != null) {
                used.add(functionColumn);
            }
            return used;
        }

        /** The columns it offers to views over it. */
        List<String> outputColumns() {
            return columns;
        }
    }

    /** Function kinds. */
    enum FunctionKind { SQL_INTEGER, PLPGSQL_TEXT, TRIGGER, AGGREGATE }

    /** A function; {@code variant} selects one of several bodies. */
    record FunctionSpec(String name, FunctionKind kind, int variant) {
        Function toFunction() {
            String q = Identifiers.quote(name);
            String sql;
            switch (kind) {
                case SQL_INTEGER:
                    sql = "CREATE FUNCTION " + q + "(x integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$SELECT x + "
                            + variant + "$$";
                    break;
                case PLPGSQL_TEXT:
                    sql = "CREATE FUNCTION " + q + "(t text) RETURNS text LANGUAGE plpgsql AS $$\nBEGIN\n  RETURN upper(t) || "
                            + Identifiers.literal("-" + variant) + ";\nEND\n$$";
                    break;
                case TRIGGER:
                    sql = "CREATE FUNCTION " + q + "() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n"
                            + triggerBody(variant) + "END\n$$";
                    break;
                case AGGREGATE:
                    // An aggregate over a built-in state function; the variant picks it and the start value.
                    dev.strata.model.Aggregate a = new dev.strata.model.Aggregate("integer",
                            variant % 2 == 0 ? "int4pl" : "int4larger", "integer", 0, null, false, null,
                            variant % 3 == 0 ? null : "int4larger", null, null, Integer.toString(variant), null,
                            variant % 2 == 0 ? "SAFE" : null);
                    return new Function(QualifiedName.of(name), null, false,
                            dev.strata.sql.Comments.createAggregate(QualifiedName.of(name), a), null, null, a);
                default:
                    throw new IllegalStateException("unsupported function kind " + kind);
            }
            return new Function(QualifiedName.of(name), null, false, sql, null);
        }

        private static String triggerBody(int variant) {
            switch (variant % 3) {
                case 0: return "  RETURN NEW;\n";
                case 1: return "  IF TG_OP = 'DELETE' THEN\n    RETURN OLD;\n  END IF;\n  RETURN NEW;\n";
                default: return "  RAISE NOTICE 'fired % (%)', TG_NAME, " + variant + ";\n  RETURN COALESCE(NEW, OLD);\n";
            }
        }
    }

    /** A trigger; {@code ofColumn} makes it {@code UPDATE OF column}. */
    record TriggerSpec(String name, String table, String function, boolean before, boolean forEachRow,
                       List<String> events, String ofColumn) {
        TriggerSpec {
            events = List.copyOf(events);
        }

        Trigger toTrigger() {
            List<String> rendered = events.stream()
                    .map(e -> e.equals("UPDATE") && ofColumn != null ? "UPDATE OF " + Identifiers.quote(ofColumn) : e)
                    .toList();
            String sql = "CREATE TRIGGER " + Identifiers.quote(name) + (before ? " BEFORE " : " AFTER ")
                    + String.join(" OR ", rendered) + " ON " + Identifiers.quote(table)
                    + (forEachRow ? " FOR EACH ROW" : " FOR EACH STATEMENT")
                    + " EXECUTE FUNCTION " + Identifiers.quote(function) + "()";
            return new Trigger(name, QualifiedName.of(table), sql, null);
        }
    }

    /** A policy; a null column stands for {@code true}. */
    record PolicySpec(String name, String table, String command, boolean restrictive, String usingColumn,
                      String checkColumn) {
        Set<String> columns() {
            Set<String> used = new HashSet<>();
            if (usingColumn != null) {
                used.add(usingColumn);
            }
            if (checkColumn != null) {
                used.add(checkColumn);
            }
            return used;
        }

        Policy toPolicy() {
            StringBuilder sql = new StringBuilder("CREATE POLICY ").append(Identifiers.quote(name)).append(" ON ")
                    .append(Identifiers.quote(table));
            if (restrictive) {
                sql.append(" AS RESTRICTIVE");
            }
            sql.append(" FOR ").append(command).append(" TO PUBLIC");
            if (!command.equals("INSERT")) {
                sql.append(" USING (").append(predicate(usingColumn)).append(")");
            }
            if (command.equals("ALL") || command.equals("INSERT") || command.equals("UPDATE")) {
                sql.append(" WITH CHECK (").append(predicate(checkColumn)).append(")");
            }
            return new Policy(name, QualifiedName.of(table), sql.toString(), null);
        }

        private static String predicate(String column) {
            return column == null ? "true" : Identifiers.quote(column) + " IS NOT NULL";
        }
    }
}
