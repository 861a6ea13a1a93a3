package dev.strata.diff;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import dev.strata.model.Column;
import dev.strata.model.QualifiedName;
import dev.strata.model.Schema;
import dev.strata.model.Table;
import dev.strata.model.TableLineage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * InheritedColumns checks that the columns of INHERITS children end up exactly as the model says:
 * inherited only, or the child's own as well ({@code attislocal}). A column a child lists in its
 * {@code :fields} is its own; one it only gets from a parent is not. PostgreSQL can make a column
 * local but never inherited-only again:
 * <ul>
 * <li>NO INHERIT leaves the child every column it had from that parent, as its own, unless
 *     another parent still gives it;</li>
 * <li>INHERIT needs the child to have every column of the new parent already, so the child keeps
 *     them as its own;</li>
 * <li>{@code ALTER TABLE ONLY parent DROP COLUMN c} leaves the children's {@code c} as their own.</li>
 * </ul>
 * The renderer attaches new parents that come first before it detaches old ones (so a column both
 * give stays inherited). A change whose result would still differ from the model is refused with
 * the way out, rather than leaving a difference pg_dump would show; a parent's column drop that
 * must keep the children's column is marked ONLY.
 */
final class InheritedColumns {
    private final Schema current;
    private final Schema desired;
    /** Parents (current names) whose column drop must be ONLY: parent -> columns. */
    private final Map<QualifiedName, Set<String>> onlyDrops = new HashMap<>();
    /** Children whose inherited-only column becomes their own: child -> column -> its current form. */
    private final Map<QualifiedName, Map<String, Column>> becomeLocal = new HashMap<>();

    private InheritedColumns(Schema current, Schema desired) {
        this.current = current;
        this.desired = desired;
    }

    /** Checks every table kept from {@code current} to {@code desired}; throws REFUSED_CHANGE when one cannot match. */
    static InheritedColumns check(Schema current, Schema desired, Map<QualifiedName, QualifiedName> renamedFrom) {
        InheritedColumns result = new InheritedColumns(current, desired);
        Map<QualifiedName, Table> have = new HashMap<>();
        current.tables().forEach(t -> have.put(t.name(), t));
        List<String> problems = new ArrayList<>();
        for (Table d : desired.tables()) {
            Table c = have.get(renamedFrom.getOrDefault(d.name(), d.name()));
            if (c != null && (!c.lineage().inherits().isEmpty() || !d.lineage().inherits().isEmpty())) {
                result.table(c, d, problems);
            }
        }
        result.checkOnlyDrops(problems);
        if (!problems.isEmpty()) {
            throw new StrataException(ErrorCode.REFUSED_CHANGE, "Refusing to change inherited columns:\n  - "
                    + String.join("\n  - ", problems) + "\n"
                    + "PostgreSQL keeps a column a child table had before as the child's own (pg_dump lists it in"
                    + " the child's CREATE TABLE), and cannot make it inherited-only again, nor make an inherited"
                    + " column the child's own while a parent still gives it. Either:\n"
                    + "  (1) change the child's :fields in the model as each line says, so that the model states"
                    + " what PostgreSQL can have, or\n"
                    + "  (2) write a hand-written migration (strata make-migration --sql) that creates the child"
                    + " again with the columns it should own, and copies its rows.");
        }
        return result;
    }

    /** Whether the drop of {@code column} from {@code parent} must be {@code ALTER TABLE ONLY}. */
    boolean onlyDrop(QualifiedName parent, String column) {
        return onlyDrops.getOrDefault(parent, Set.of()).contains(column);
    }

    /** The current form of an inherited-only column that becomes {@code child}'s own, or {@code null}. */
    Column becomesLocal(QualifiedName child, String column) {
        return becomeLocal.getOrDefault(child, Map.of()).get(column);
    }

    private void table(Table c, Table d, List<String> problems) {
        List<QualifiedName> a = c.lineage().inherits();
        List<QualifiedName> b = d.lineage().inherits();
        int common = TableLineage.commonPrefix(a, b);
        // Attached before the old parents are detached: see TableLineageSql.
        List<QualifiedName> early = TableLineage.attachedFirst(a, b);
        List<QualifiedName> neverDetached = a.subList(0, common);
        Map<String, List<QualifiedName>> currentProviders = providers(a, current);
        Map<String, List<QualifiedName>> desiredProviders = providers(b, desired);
        Set<String> names = new LinkedHashSet<>();
        c.columns().forEach(col -> names.add(col.name()));
        names.addAll(currentProviders.keySet());
        d.columns().forEach(col -> names.add(col.name()));
        names.addAll(desiredProviders.keySet());
        String child = c.name().name();
        for (String x : names) {
            boolean localNow = c.column(x).isPresent();
            boolean localWanted = d.column(x).isPresent();
            List<QualifiedName> givenNow = currentProviders.getOrDefault(x, List.of());
            List<QualifiedName> givenLater = desiredProviders.getOrDefault(x, List.of());
            if (localNow) {
                if (!localWanted && !givenLater.isEmpty()) {
                    problems.add(child + "." + x + " is the child's own column now and stays so: add it to "
                            + child + "'s :fields");
                }
                continue;
            }
            if (givenNow.isEmpty()) {
                // Not in the child now: added to the child (its own), or given by a parent it keeps.
                boolean fromKeptParent = givenLater.stream().anyMatch(neverDetached::contains);
                if (!localWanted && !givenLater.isEmpty() && !fromKeptParent) {
                    problems.add(child + "." + x + " must be added to " + child + " before it can inherit "
                            + names(givenLater) + ", so it is the child's own: add it to " + child + "'s :fields");
                }
                continue;
            }
            // Inherited only, now. Which parents still give it while the old ones are detached?
            List<QualifiedName> keeping = new ArrayList<>();
            List<QualifiedName> dropping = new ArrayList<>();
            for (QualifiedName p : givenNow) {
                if (!neverDetached.contains(p)) {
                    continue;
                }
                if (desiredHas(p, x) || currentOwn(p, x) == null) {
                    // A column p gets from its own parent is not p's to drop with ONLY.
                    keeping.add(p);
                } else {
                    dropping.add(p);
                }
            }
            givenLater.stream().filter(early::contains).filter(p -> !keeping.contains(p)).forEach(keeping::add);
            if (localWanted) {
                if (!keeping.isEmpty()) {
                    problems.add(child + "." + x + " cannot become the child's own while " + names(keeping)
                            + " still gives it: remove it from " + child + "'s :fields");
                    continue;
                }
                for (QualifiedName p : dropping) {
                    onlyDrops.computeIfAbsent(p, k -> new HashSet<>()).add(x);
                }
                if (!dropping.isEmpty() && givenNow.stream().allMatch(dropping::contains)) {
                    Column was = currentOwn(dropping.get(0), x);
                    if (was != null) {
                        becomeLocal.computeIfAbsent(d.name(), k -> new LinkedHashMap<>()).put(x, was);
                    }
                }
            } else if (!givenLater.isEmpty() && keeping.isEmpty()) {
                problems.add(child + "." + x + " becomes the child's own column once " + names(givenNow)
                        + (givenNow.size() == 1 ? " no longer gives" : " no longer give") + " it: add it to "
                        + child + "'s :fields");
            }
        }
    }

    /**
     * An ONLY drop leaves the column to every child that inherited it; each of them must want it as
     * its own, or the column would stay where the model has none.
     */
    private void checkOnlyDrops(List<String> problems) {
        for (Map.Entry<QualifiedName, Set<String>> e : onlyDrops.entrySet()) {
            for (Table t : current.tables()) {
                if (!t.lineage().inherits().contains(e.getKey())) {
                    continue;
                }
                for (String x : e.getValue()) {
                    if (t.column(x).isPresent() || becomesLocal(t.name(), x) != null) {
                        continue;
                    }
                    boolean renamedOrGone = desired.tables().stream().noneMatch(d -> d.name().equals(t.name()));
                    if (!renamedOrGone) {
                        problems.add(e.getKey().name() + "." + x + " is dropped while one child wants it as its own"
                                + " and another (" + t.name().name() + ") does not: add it to " + t.name().name()
                                + "'s :fields, or drop it from both");
                    }
                }
            }
        }
    }

    /** Column name -> the direct parents (of {@code parents}) that give it, themselves or through their parents. */
    private static Map<String, List<QualifiedName>> providers(List<QualifiedName> parents, Schema schema) {
        Map<String, List<QualifiedName>> out = new LinkedHashMap<>();
        for (QualifiedName p : parents) {
            Set<String> columns = new LinkedHashSet<>();
            collect(p, schema, columns, new HashSet<>());
            columns.forEach(x -> out.computeIfAbsent(x, k -> new ArrayList<>()).add(p));
        }
        return out;
    }

    private static void collect(QualifiedName table, Schema schema, Set<String> columns, Set<QualifiedName> seen) {
        if (!seen.add(table)) {
            return;
        }
        Table t = schema.tables().stream().filter(x -> x.name().equals(table)).findFirst().orElse(null);
        if (t == null) {
            return;
        }
        for (QualifiedName grand : t.lineage().inherits()) {
            collect(grand, schema, columns, seen);
        }
        t.columns().forEach(col -> columns.add(col.name()));
    }

    private boolean desiredHas(QualifiedName parent, String column) {
        Set<String> columns = new HashSet<>();
        collect(parent, desired, columns, new HashSet<>());
        return columns.contains(column);
    }

    private Column currentOwn(QualifiedName parent, String column) {
        return current.tables().stream().filter(x -> x.name().equals(parent)).findFirst()
                .flatMap(p -> p.column(column)).orElse(null);
    }

    private static String names(List<QualifiedName> tables) {
        return String.join(", ", tables.stream().map(QualifiedName::name).toList());
    }
}
