package dev.strata.diff;

import dev.strata.diff.Change.DropColumn;
import dev.strata.diff.Change.DropConstraint;
import dev.strata.diff.Change.DropIndex;
import dev.strata.diff.Change.DropPolicy;
import dev.strata.diff.Change.DropTrigger;
import dev.strata.diff.Change.DropView;
import dev.strata.model.Column;
import dev.strata.model.Constraint;
import dev.strata.model.Index;
import dev.strata.model.Policy;
import dev.strata.model.QualifiedName;
import dev.strata.model.Schema;
import dev.strata.model.Table;
import dev.strata.model.Trigger;
import dev.strata.model.View;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * EnumDependents finds the objects that stop the reverse of an added enum label: that reverse
 * recreates the type without the label and moves every column over with {@code ALTER COLUMN ...
 * TYPE}, which PostgreSQL refuses while a view, policy, trigger or generated column reads the
 * column, and which fails on CHECK constraints and index expressions or predicates that compare
 * the column with a value of the old type. Each such object of the current schema is listed as
 * the change that drops it, in an order PostgreSQL can drop them in (triggers, also those on the
 * views that go, policies, views
 * that read other views first, foreign keys, indexes, other constraints, generated columns);
 * created again in the reverse order, every one finds what it needs.
 *
 * <p>What reads a column is found by name in the SQL text as PostgreSQL prints it; a false match
 * only costs an object dropped and created again. Affected columns are the table columns of the
 * type (arrays too) and the generated columns that read one of them: the latter are dropped and
 * added back, so indexes, constraints and views on them come along as well.
 */
final class EnumDependents {
    private final Schema schema;
    private final QualifiedName type;
    private final Map<QualifiedName, Set<String>> typed = new HashMap<>();
    private final Map<QualifiedName, Set<String>> generated = new HashMap<>();

    private EnumDependents(Schema schema, QualifiedName type) {
        this.schema = schema;
        this.type = type;
    }

    /** The drops, in drop order, of the objects of {@code schema} that read columns of {@code type}. */
    static List<Change> of(Schema schema, QualifiedName type) {
        return new EnumDependents(schema, type).find();
    }

    private List<Change> find() {
        for (Table t : schema.tables()) {
            for (Column c : t.columns()) {
                if (type.equals(c.type().userType())) {
                    typed.computeIfAbsent(t.name(), k -> new LinkedHashSet<>()).add(c.name());
                }
            }
        }
        List<Change> columns = new ArrayList<>();
        for (Table t : schema.tables()) {
            for (Column c : t.columns()) {
                if (c.generatedExpr() != null && readsTyped(c.generatedExpr(), t.name())) {
                    generated.computeIfAbsent(t.name(), k -> new LinkedHashSet<>()).add(c.name());
                    columns.add(new DropColumn(t.name(), c));
                }
            }
        }
        List<View> views = views();
        List<Change> out = new ArrayList<>();
        Set<QualifiedName> viewNames = new HashSet<>();
        views.forEach(v -> viewNames.add(v.name()));
        for (Trigger g : schema.triggers()) {
            // A trigger on a view goes with the view, and must come back with it.
            if (reads(g.definition(), g.table()) || viewNames.contains(g.table())) {
                out.add(new DropTrigger(g));
            }
        }
        for (Policy p : schema.policies()) {
            if (reads(p.definition(), p.table())
                    || views.stream().anyMatch(v -> Differ.mentions(p.definition(), v.name().name()))) {
                out.add(new DropPolicy(p));
            }
        }
        views.forEach(v -> out.add(new DropView(v)));
        List<Change> keys = new ArrayList<>();
        List<Change> indexes = new ArrayList<>();
        List<Change> others = new ArrayList<>();
        for (Table t : schema.tables()) {
            for (Constraint c : t.constraints()) {
                if (c instanceof Constraint.ForeignKey fk) {
                    if (anyAffected(fk.columns(), t.name()) || anyAffected(fk.refColumns(), fk.refTable())) {
                        keys.add(new DropConstraint(t.name(), fk));
                    }
                } else if (c instanceof Constraint.Check check) {
                    if (reads(check.expression(), t.name())) {
                        others.add(new DropConstraint(t.name(), c));
                    }
                } else if (c instanceof Constraint.Exclusion exclusion) {
                    if (reads(exclusion.definition(), t.name())) {
                        others.add(new DropConstraint(t.name(), c));
                    }
                } else if (c instanceof Constraint.PrimaryKey pk) {
                    // PostgreSQL rebuilds keys on a column that changes type; one on a generated
                    // column would go with the column.
                    if (anyGenerated(pk.columns(), t.name())) {
                        others.add(new DropConstraint(t.name(), c));
                    }
                } else if (c instanceof Constraint.Unique unique) {
                    if (anyGenerated(unique.columns(), t.name())) {
                        others.add(new DropConstraint(t.name(), c));
                    }
                } else {
                    throw new IllegalStateException("unsupported constraint " + c);
                }
            }
            for (Index i : t.indexes()) {
                if (i.keys().stream().anyMatch(k -> reads(k, t.name())) || reads(i.where(), t.name())) {
                    indexes.add(new DropIndex(i));
                }
            }
        }
        out.addAll(keys);
        out.addAll(indexes);
        out.addAll(others);
        out.addAll(columns);
        return List.copyOf(out);
    }

    /**
     * Views that read an affected column or name the type, and every view over one of those; the
     * views over others come first, as they must be dropped first.
     */
    private List<View> views() {
        Set<QualifiedName> chosen = new LinkedHashSet<>();
        for (View v : schema.views()) {
            if (Differ.mentions(v.definition(), type.name())
                    || v.dependsOn().stream().anyMatch(t -> reads(v.definition(), t))) {
                chosen.add(v.name());
            }
        }
        boolean grew = true;
        while (grew) {
            grew = false;
            for (View v : schema.views()) {
                if (!chosen.contains(v.name()) && v.dependsOn().stream().anyMatch(chosen::contains)) {
                    chosen.add(v.name());
                    grew = true;
                }
            }
        }
        Map<QualifiedName, View> byName = new HashMap<>();
        schema.views().forEach(v -> byName.put(v.name(), v));
        Map<QualifiedName, Integer> depth = new HashMap<>();
        chosen.forEach(n -> depth(n, byName, chosen, depth, new LinkedHashSet<>()));
        return chosen.stream().map(byName::get)
                .sorted(Comparator.<View>comparingInt(v -> -depth.get(v.name())).thenComparing(View::name))
                .toList();
    }

    /** How many chosen views lie under this one (0 for a view over tables only). */
    private static int depth(QualifiedName view, Map<QualifiedName, View> byName, Set<QualifiedName> chosen,
                             Map<QualifiedName, Integer> memo, Set<QualifiedName> path) {
        Integer known = memo.get(view);
        if (known != null) {
            return known;
        }
        int d = 0;
        if (path.add(view)) {
            for (QualifiedName under : byName.get(view).dependsOn()) {
                if (chosen.contains(under) && !path.contains(under)) {
                    d = Math.max(d, 1 + depth(under, byName, chosen, memo, path));
                }
            }
            path.remove(view);
        }
        memo.put(view, d);
        return d;
    }

    /** Whether SQL on {@code table} reads a column of the type or a generated column over one, or names the type. */
    private boolean reads(String sql, QualifiedName table) {
        if (sql == null) {
            return false;
        }
        return Differ.mentions(sql, type.name())
                || typed.getOrDefault(table, Set.of()).stream().anyMatch(c -> Differ.mentions(sql, c))
                || generated.getOrDefault(table, Set.of()).stream().anyMatch(c -> Differ.mentions(sql, c));
    }

    private boolean readsTyped(String sql, QualifiedName table) {
        return Differ.mentions(sql, type.name())
                || typed.getOrDefault(table, Set.of()).stream().anyMatch(c -> Differ.mentions(sql, c));
    }

    private boolean anyAffected(List<String> columns, QualifiedName table) {
        return columns.stream().anyMatch(c -> typed.getOrDefault(table, Set.of()).contains(c))
                || anyGenerated(columns, table);
    }

    private boolean anyGenerated(List<String> columns, QualifiedName table) {
        return columns.stream().anyMatch(c -> generated.getOrDefault(table, Set.of()).contains(c));
    }
}
