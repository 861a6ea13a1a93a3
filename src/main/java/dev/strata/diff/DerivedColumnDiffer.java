package dev.strata.diff;

import dev.strata.model.ColumnLineage;
import dev.strata.model.DerivedColumn;
import dev.strata.model.QualifiedName;
import dev.strata.model.Schema;
import dev.strata.model.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * DerivedColumnDiffer diffs what partitions, inheritance children and typed tables have of their
 * own on the columns they derive (NOT NULL, default, comment; see {@link DerivedColumn}).
 *
 * <p>It compares effective settings, not the options as written: a child without an option of
 * its own follows its parent, so a parent's new default is the child's too. PostgreSQL's {@code
 * ALTER TABLE parent ALTER COLUMN c SET DEFAULT / SET NOT NULL / DROP NOT NULL} (and a type change,
 * which takes the default off and puts it back) recurse into every descendant and overwrite what a
 * descendant had of its own. So a change on a column that has descendants restates each
 * descendant's default and NOT NULL right after its own statement ({@link Change.DescendantFix}),
 * in the up and in the down, and those descendants need no change of their own for those parts.
 * Tables processed parents first, so that a child's restatement comes after its parent's.
 */
final class DerivedColumnDiffer {
    private final ColumnLineage current;
    private final ColumnLineage desired;
    private final Schema desiredSchema;
    private final Map<QualifiedName, QualifiedName> renamedFrom;
    private final Map<QualifiedName, QualifiedName> renamedTo = new HashMap<>();
    /** {@code table|column} (desired names) whose default and NOT NULL an ancestor's change restates. */
    private final Set<String> covered = new HashSet<>();

    private DerivedColumnDiffer(Schema current, Schema desired, Map<QualifiedName, QualifiedName> renamedFrom) {
        this.current = new ColumnLineage(current);
        this.desired = new ColumnLineage(desired);
        this.desiredSchema = desired;
        this.renamedFrom = renamedFrom;
        renamedFrom.forEach((to, from) -> renamedTo.put(from, to));
    }

    /**
     * Adds the descendants' restatements to the column changes in {@code out} and the derived
     * columns' own changes. {@code renamedFrom}: desired table name to its current name.
     */
    static void diff(Schema current, Schema desired, Map<QualifiedName, QualifiedName> renamedFrom, List<Change> out) {
        new DerivedColumnDiffer(current, desired, renamedFrom).run(out);
    }

    private void run(List<Change> out) {
        Set<QualifiedName> created = new HashSet<>();
        for (Change c : out) {
            if (c instanceof Change.CreateTable ct) {
                created.add(ct.table().name());
            }
        }
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i) instanceof Change.AlterColumn a && (a.recursesDefault() || a.recursesNotNull())) {
                List<Change.DescendantFix> fixes = fixes(a.table(), a.to().name(), a.recursesDefault(), a.recursesNotNull());
                if (!fixes.isEmpty()) {
                    out.set(i, a.withDescendants(fixes));
                }
            }
        }
        List<Table> derived = new ArrayList<>(desiredSchema.tables().stream().filter(t -> t.lineage().derived()).toList());
        derived.sort(Comparator.comparingInt((Table t) -> ancestors(t.name()).size()).thenComparing(Table::name));
        for (Table t : derived) {
            QualifiedName was = renamedFrom.getOrDefault(t.name(), t.name());
            if (created.contains(t.name()) || current.table(was) == null) {
                continue;
            }
            for (String column : desired.derivedColumns(t.name())) {
                DerivedColumn.Effective to = desired.column(t.name(), column);
                DerivedColumn.Effective from;
                if (current.derived(was, column)) {
                    from = current.column(was, column);
                } else if (!current.columns(was).containsKey(column)) {
                    from = asAdded(t.name(), column);
                } else {
                    continue; // the table's own column now: compared as a column (TableLineageDiffer.effective)
                }
                if (covered.contains(key(t.name(), column))) {
                    from = new DerivedColumn.Effective(to.notNull(), to.defaultExpr(), from.comment());
                }
                if (from.equals(to)) {
                    continue;
                }
                boolean defaults = !Objects.equals(from.defaultExpr(), to.defaultExpr());
                boolean notNulls = from.notNull() != to.notNull();
                List<Change.DescendantFix> fixes = defaults || notNulls
                        ? fixes(t.name(), column, defaults, notNulls) : List.of();
                out.add(new Change.AlterDerivedColumn(t.name(), column, from, to, ancestors(t.name()), fixes));
            }
        }
    }

    /**
     * The restatements of {@code column} on every descendant of {@code table} (desired name),
     * parents first; those only the current schema has come last, with nothing to restate in the up.
     */
    private List<Change.DescendantFix> fixes(QualifiedName table, String column, boolean defaults, boolean notNulls) {
        List<Change.DescendantFix> fixes = new ArrayList<>();
        Set<QualifiedName> seen = new HashSet<>();
        for (QualifiedName d : desired.descendants(table)) {
            QualifiedName was = renamedFrom.getOrDefault(d, d);
            DerivedColumn.Effective to = desired.column(d, column);
            DerivedColumn.Effective from = current.table(was) == null ? null : current.column(was, column);
            seen.add(d);
            if (to == null && from == null) {
                continue;
            }
            fixes.add(new Change.DescendantFix(d, column, from, to, defaults, notNulls));
            covered.add(key(d, column));
        }
        for (QualifiedName d : current.descendants(renamedFrom.getOrDefault(table, table))) {
            QualifiedName now = renamedTo.getOrDefault(d, d);
            if (seen.contains(now) || desired.table(now) != null) {
                continue;
            }
            DerivedColumn.Effective from = current.column(d, column);
            if (from != null) {
                fixes.add(new Change.DescendantFix(d, column, from, null, defaults, notNulls));
            }
        }
        return fixes;
    }

    /** What a table gets on a column its parent adds now: the parent's default and NOT NULL, no comment. */
    private DerivedColumn.Effective asAdded(QualifiedName table, String column) {
        Table t = desired.table(table);
        for (QualifiedName p : t.lineage().parents()) {
            DerivedColumn.Effective e = desired.column(p, column);
            if (e != null) {
                return new DerivedColumn.Effective(e.notNull(), e.defaultExpr(), null);
            }
        }
        return DerivedColumn.Effective.NONE;
    }

    /** Every desired ancestor of {@code table}: parents, their parents, ..., and the types of typed ones. */
    private List<QualifiedName> ancestors(QualifiedName table) {
        List<QualifiedName> out = new ArrayList<>();
        List<QualifiedName> queue = new ArrayList<>(List.of(table));
        for (int i = 0; i < queue.size(); i++) {
            Table t = desired.table(queue.get(i));
            if (t == null) {
                continue;
            }
            if (t.lineage().ofType() != null && !out.contains(t.lineage().ofType())) {
                out.add(t.lineage().ofType());
            }
            for (QualifiedName p : t.lineage().parents()) {
                if (!out.contains(p)) {
                    out.add(p);
                    queue.add(p);
                }
            }
        }
        return out;
    }

    private static String key(QualifiedName table, String column) {
        return table + "|" + column;
    }
}
