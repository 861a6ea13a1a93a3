package dev.strata.diff;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import dev.strata.model.Column;
import dev.strata.model.CompositeType;
import dev.strata.model.Constraint;
import dev.strata.model.QualifiedName;
import dev.strata.model.Schema;
import dev.strata.model.Table;
import dev.strata.model.TableLineage;
import dev.strata.model.View;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * TableLineageDiffer holds the differ's rules for partitioned tables, partitions, inheritance
 * children and typed tables (see {@link TableLineage}).
 *
 * <p>A partition's columns, and a child's inherited columns and CHECK constraints, are not in its
 * {@link Table}: they come from the parent. When a table gains or loses a parent (ATTACH / DETACH
 * PARTITION, INHERIT / NO INHERIT, OF / NOT OF), the columns and checks of that parent are counted
 * as the table's own on the side where the parent is not shared, so that the columns do not look
 * dropped or added: PostgreSQL keeps them as local columns after a detach, and takes them over on
 * an attach.
 */
final class TableLineageDiffer {
    private TableLineageDiffer() {
    }

    /** The lineage changes an {@link Change.AlterTable} makes from {@code c} to {@code d}. */
    static EnumSet<TableChange> changes(Table c, Table d) {
        EnumSet<TableChange> changes = EnumSet.noneOf(TableChange.class);
        TableLineage from = c.lineage();
        TableLineage to = d.lineage();
        if (!Objects.equals(from.partitionOf(), to.partitionOf())
                || !Objects.equals(from.partitionBound(), to.partitionBound())) {
            changes.add(TableChange.PARTITION);
        }
        if (!from.inherits().equals(to.inherits())) {
            changes.add(TableChange.INHERITANCE);
        }
        if (!Objects.equals(from.ofType(), to.ofType())) {
            changes.add(TableChange.TYPE_OF);
        }
        return changes;
    }

    /**
     * {@code table} as the column and constraint diff sees it: with the columns and CHECK
     * constraints of every parent (or composite type) of it that {@code other} lacks.
     */
    static Table effective(Table table, Schema schema, Table other) {
        Set<QualifiedName> shared = new HashSet<>(table.lineage().parents());
        shared.retainAll(other.lineage().parents());
        Map<String, Column> columns = new LinkedHashMap<>();
        Map<String, Constraint> checks = new LinkedHashMap<>();
        boolean widened = false;
        for (QualifiedName parent : table.lineage().parents()) {
            if (!shared.contains(parent)) {
                widened |= inherit(parent, schema, columns, checks, new HashSet<>());
            }
        }
        QualifiedName type = table.lineage().ofType();
        if (type != null && !type.equals(other.lineage().ofType())) {
            // A primary key makes its columns NOT NULL; the table's own options are put in below.
            List<String> key = table.primaryKey().map(Constraint.PrimaryKey::columns).orElse(List.of());
            for (CompositeType.Attribute a : schema.compositeTypes().stream().filter(t -> t.name().equals(type))
                    .findFirst().map(CompositeType::attributes).orElse(List.of())) {
                columns.putIfAbsent(a.name(), new Column(a.name(), a.type(), key.contains(a.name()), null, null, null,
                        a.collation(), null));
                widened = true;
            }
        }
        if (!widened) {
            return table;
        }
        // The widened columns as this table has them: its own default, NOT NULL and comment on them.
        dev.strata.model.ColumnLineage lineage = new dev.strata.model.ColumnLineage(schema);
        columns.replaceAll((name, col) -> {
            dev.strata.model.DerivedColumn.Effective e = lineage.column(table.name(), name);
            return e == null ? col : new Column(col.name(), col.type(), e.notNull(),
                    col.identity() != null || col.generatedExpr() != null ? col.defaultExpr() : e.defaultExpr(),
                    col.identity(), col.generatedExpr(), col.collation(), e.comment()).withSettingsOf(col);
        });
        table.columns().forEach(col -> columns.put(col.name(), col));
        List<Constraint> constraints = new ArrayList<>(table.constraints());
        Set<String> names = new HashSet<>();
        constraints.forEach(k -> names.add(k.name()));
        checks.values().stream().filter(k -> !names.contains(k.name())).forEach(constraints::add);
        constraints.sort(java.util.Comparator.comparing(Constraint::name));
        return new Table(table.name(), List.copyOf(columns.values()), constraints, table.indexes(),
                table.rowLevelSecurity(), table.comment(), table.unlogged(), table.storage(),
                table.forceRowLevelSecurity(), table.replicaIdentity(), table.replicaIdentityIndex(), table.clusterOn(),
                table.lineage(), table.accessMethod(), table.foreign());
    }

    /** Adds the columns and checks {@code parent} has, its own and its ancestors'. */
    private static boolean inherit(QualifiedName parent, Schema schema, Map<String, Column> columns,
                                   Map<String, Constraint> checks, Set<QualifiedName> seen) {
        Table p = schema.tables().stream().filter(t -> t.name().equals(parent)).findFirst().orElse(null);
        if (p == null || !seen.add(parent)) {
            return false;
        }
        for (QualifiedName grand : p.lineage().parents()) {
            inherit(grand, schema, columns, checks, seen);
        }
        p.columns().forEach(col -> columns.putIfAbsent(col.name(), col));
        p.constraints(Constraint.Check.class).stream().filter(k -> !k.noInherit())
                .forEach(k -> checks.putIfAbsent(k.name(), k));
        return true;
    }

    /** The lineage of a partition once detached: the same table, no longer a partition. */
    static TableLineage detached(TableLineage partition) {
        return new TableLineage(partition.partitionKey(), null, null, List.of(), partition.ofType());
    }

    /** Whether the partition key (or being partitioned at all) differs: PostgreSQL cannot alter it. */
    static boolean keyChanges(Table c, Table d) {
        return !Objects.equals(c.lineage().partitionKey(), d.lineage().partitionKey());
    }

    /**
     * Refuses a changed partition key unless the table can be dropped and created again without
     * losing rows or dependents: it is partitioned now and has no partitions (so holds no rows), no
     * other table's foreign key and no view refers to it.
     */
    static void checkRebuild(Table c, Table d, Schema current) {
        List<String> blockers = new ArrayList<>();
        if (!c.lineage().isPartitioned()) {
            blockers.add("it is a plain table now, and its rows would be lost");
        }
        List<String> partitions = current.tables().stream()
                .filter(t -> c.name().equals(t.lineage().partitionOf())).map(t -> t.name().name()).toList();
        if (!partitions.isEmpty()) {
            blockers.add("its partitions (" + String.join(", ", partitions) + ") hold rows that would be lost");
        }
        List<String> referrers = current.tables().stream()
                .filter(t -> !t.name().equals(c.name()) && t.constraints(Constraint.ForeignKey.class).stream()
                        .anyMatch(fk -> fk.refTable().equals(c.name())))
                .map(t -> t.name().name()).toList();
        if (!referrers.isEmpty()) {
            blockers.add("foreign keys of " + String.join(", ", referrers) + " refer to it");
        }
        viewsReading(c, current, blockers);
        if (blockers.isEmpty()) {
            return;
        }
        String name = c.name().name();
        throw new StrataException(ErrorCode.REFUSED_CHANGE, "Refusing to change the partitioning of table " + name
                + ".\n"
                + "  Current: " + describe(c.lineage()) + "\n"
                + "  Model:   " + describe(d.lineage()) + "\n"
                + "PostgreSQL cannot change a table's partition key or strategy in place, and dropping and creating "
                + "the table again is not safe: " + String.join("; ", blockers) + ". Either:\n"
                + "  (1) keep the current partitioning in the model, or\n"
                + "  (2) write a hand-written migration (strata make-migration --sql --name repartition-"
                + name.replace('_', '-') + ") that creates the new partitioned table under another name with its"
                + " partitions, copies the rows (INSERT INTO new SELECT * FROM " + name + "), drops " + name
                + " and renames the new table; then the model matches.");
    }

    /**
     * Whether the table must be dropped and created again because it becomes or stops being a
     * foreign table, or moves to another server (no ALTER does either).
     */
    static boolean foreignRebuild(Table c, Table d) {
        return c.isForeign() != d.isForeign()
                || c.isForeign() && !c.foreign().server().equals(d.foreign().server());
    }

    /**
     * Refuses a foreign-table rebuild that would lose rows (an ordinary table becoming a foreign
     * one) or break what reads the table (views, foreign keys). A foreign table holds no rows.
     */
    static void checkForeignRebuild(Table c, Table d, Schema current) {
        List<String> blockers = new ArrayList<>();
        if (!c.isForeign()) {
            blockers.add("it is an ordinary table now, and its rows would be lost");
        }
        viewsReading(c, current, blockers);
        if (blockers.isEmpty()) {
            return;
        }
        String name = c.name().name();
        throw new StrataException(ErrorCode.REFUSED_CHANGE, "Refusing to change table " + name + " from "
                + (c.isForeign() ? "a foreign table of server " + c.foreign().server() : "an ordinary table") + " to "
                + (d.isForeign() ? "a foreign table of server " + d.foreign().server() : "an ordinary table") + ".\n"
                + "PostgreSQL can do this only by dropping and creating the table again, which is not safe: "
                + String.join("; ", blockers) + ". Either:\n"
                + "  (1) keep the table as it is in the model, or\n"
                + "  (2) create the new table under another name, move what uses " + name + " to it, and drop "
                + name + " in a later migration.");
    }

    /** Adds "views v, w read it" to the blockers of a rebuild when views of {@code current} read the table. */
    private static void viewsReading(Table c, Schema current, List<String> blockers) {
        List<String> views = current.views().stream().filter(v -> v.dependsOn().contains(c.name()))
                .map(View::name).map(QualifiedName::name).toList();
        if (!views.isEmpty()) {
            blockers.add("views " + String.join(", ", views) + " read it");
        }
    }

    private static String describe(TableLineage lineage) {
        return lineage.isPartitioned() ? "PARTITION BY " + lineage.partitionKey() : "not partitioned";
    }
}
