package dev.strata.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ColumnLineage works out, for one schema, the NOT NULL, default and comment each table's columns
 * have in PostgreSQL, own or derived: a derived column takes its parent's (the first parent that
 * has it for the default, any parent for NOT NULL; a typed table's type gives neither), overlaid
 * with the table's own {@link DerivedColumn} options, and NOT NULL when the table's primary key
 * has it. It also lists each table's descendants, parents before children.
 */
public final class ColumnLineage {
    private final Map<QualifiedName, Table> tables = new HashMap<>();
    private final Map<QualifiedName, CompositeType> types = new HashMap<>();
    private final Map<QualifiedName, List<QualifiedName>> children = new HashMap<>();
    private final Map<QualifiedName, Map<String, DerivedColumn.Effective>> memo = new HashMap<>();

    public ColumnLineage(Schema schema) {
        schema.tables().forEach(t -> tables.put(t.name(), t));
        schema.compositeTypes().forEach(t -> types.put(t.name(), t));
        for (Table t : schema.tables()) {
            for (QualifiedName p : t.lineage().parents()) {
                children.computeIfAbsent(p, k -> new ArrayList<>()).add(t.name());
            }
        }
    }

    public Table table(QualifiedName name) {
        return tables.get(name);
    }

    /** Every column of {@code table} (own and derived) with its effective settings; empty when unknown. */
    public Map<String, DerivedColumn.Effective> columns(QualifiedName table) {
        return columns(table, new HashSet<>());
    }

    /** The effective settings of one column, {@code null} when the table lacks it. */
    public DerivedColumn.Effective column(QualifiedName table, String column) {
        return columns(table).get(column);
    }

    /** Whether {@code column} is derived on {@code table} (from a parent or the type, not declared). */
    public boolean derived(QualifiedName table, String column) {
        Table t = tables.get(table);
        return t != null && t.column(column).isEmpty() && columns(table).containsKey(column);
    }

    /** The names of the columns {@code table} gets from its parents or type and does not declare. */
    public List<String> derivedColumns(QualifiedName table) {
        Table t = tables.get(table);
        if (t == null) {
            return List.of();
        }
        return columns(table).keySet().stream().filter(c -> t.column(c).isEmpty()).toList();
    }

    /** The partitions and inheritance children of {@code table}, at any depth, parents before children. */
    public List<QualifiedName> descendants(QualifiedName table) {
        List<QualifiedName> out = new ArrayList<>();
        Set<QualifiedName> seen = new HashSet<>();
        List<QualifiedName> queue = new ArrayList<>(children.getOrDefault(table, List.of()));
        for (int i = 0; i < queue.size(); i++) {
            QualifiedName c = queue.get(i);
            if (seen.add(c)) {
                out.add(c);
                queue.addAll(children.getOrDefault(c, List.of()));
            }
        }
        return out;
    }

    private Map<String, DerivedColumn.Effective> columns(QualifiedName name, Set<QualifiedName> path) {
        Map<String, DerivedColumn.Effective> known = memo.get(name);
        if (known != null) {
            return known;
        }
        Table t = tables.get(name);
        if (t == null || !path.add(name)) {
            return Map.of();
        }
        Map<String, DerivedColumn.Effective> inherited = new LinkedHashMap<>();
        CompositeType type = t.lineage().ofType() == null ? null : types.get(t.lineage().ofType());
        if (type != null) {
            type.attributes().forEach(a -> inherited.put(a.name(), DerivedColumn.Effective.NONE));
        }
        for (QualifiedName p : t.lineage().parents()) {
            columns(p, path).forEach((column, e) -> inherited.merge(column, e, (first, later) ->
                    new DerivedColumn.Effective(first.notNull() || later.notNull(), first.defaultExpr(), null)));
        }
        path.remove(name);
        List<String> key = t.primaryKey().map(Constraint.PrimaryKey::columns).orElse(List.of());
        Map<String, DerivedColumn.Effective> result = new LinkedHashMap<>();
        inherited.forEach((column, parent) -> {
            if (t.column(column).isEmpty()) {
                result.put(column, t.lineage().columnOption(column).over(parent, key.contains(column)));
            }
        });
        t.columns().forEach(c -> result.put(c.name(), DerivedColumn.Effective.of(c)));
        memo.put(name, result);
        return result;
    }
}
