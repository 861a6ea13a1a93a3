package dev.strata.plan;

import dev.strata.diff.Change;
import dev.strata.diff.Change.AddColumn;
import dev.strata.diff.Change.AddEnumLabel;
import dev.strata.diff.Change.CreateExtension;
import dev.strata.diff.Change.DropExtension;
import dev.strata.diff.Change.RenameEnumLabel;
import dev.strata.model.Column;
import dev.strata.model.EnumType;
import dev.strata.model.QualifiedName;
import dev.strata.model.Schema;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedAcyclicGraph;
import org.jgrapht.traverse.TopologicalOrderIterator;

/**
 * Planner orders changes into an executable migration. It builds a DAG whose edges say "runs
 * before": a change that provides a resource runs before every change that needs it; a change
 * that stops using a resource runs before the change that removes it (so drops of dependents come
 * before drops of what they depend on, creates the other way round); the drop of an object runs
 * before the create of its replacement, and before the create of any object that takes its name
 * in a namespace kinds share (relations, types); new enum labels are added in their model order;
 * extensions are created first and dropped last. Ties are broken by {@link Change#phase()}, then
 * by the touched object's qualified name, then by the differ's order, with a
 * {@link TopologicalOrderIterator} and a comparator: the same input always gives the same order.
 *
 * <p>Cycle policy: foreign keys are separate {@link Change.AddConstraint} changes (the differ
 * never puts them in a {@link Change.CreateTable}), so tables that refer to each other are
 * created first and their keys added afterwards. References found only by name in SQL text are
 * soft: one that would close a cycle is left out.
 */
public final class Planner {
    private Planner() {
    }

    private static final class Node {
        final int index;
        final Change change;
        final References.Facts facts;

        Node(int index, Change change, References.Facts facts) {
            this.index = index;
            this.change = change;
            this.facts = facts;
        }

        @Override
        public String toString() {
            return change.toString();
        }
    }

    private static final Comparator<Node> ORDER = Comparator
            .<Node>comparingInt(n -> n.change.phase().ordinal())
            .thenComparing(n -> n.change.object().toString())
            .thenComparingInt(n -> n.index);

    /** The changes in an order PostgreSQL can run them in. */
    public static List<Change> plan(List<Change> changes, Schema current, Schema desired) {
        References references = new References(current, desired);
        List<Node> nodes = new ArrayList<>();
        DirectedAcyclicGraph<Node, DefaultEdge> graph = new DirectedAcyclicGraph<>(DefaultEdge.class);
        for (Change change : changes) {
            Node node = new Node(nodes.size(), change, references.of(change));
            nodes.add(node);
            graph.addVertex(node);
        }
        // Candidate pairs come from indexes of the resources each change provides, releases and
        // frees (linear in the references, not quadratic in the changes); they are added in the
        // order of a nested loop over the changes, so which soft edges are left out is the same.
        Map<String, List<Node>> providers = index(nodes, n -> n.facts.provides);
        Map<String, List<Node>> releasers = index(nodes, n -> n.facts.releases);
        Map<String, List<Node>> softReleasers = index(nodes, n -> n.facts.softReleases);
        Map<String, List<Node>> freers = index(nodes, n -> n.facts.frees);
        Map<QualifiedName, List<Node>> byObject = new java.util.HashMap<>();
        nodes.forEach(n -> byObject.computeIfAbsent(n.change.object(), k -> new ArrayList<>()).add(n));
        Pairs hard = new Pairs();
        for (Node b : nodes) {
            b.facts.requires.forEach(key -> hard.addAll(providers.get(key), b));
            b.facts.removes.forEach(key -> hard.addAll(releasers.get(key), b));
            b.facts.takes.forEach(key -> hard.addAll(freers.get(key), b));
            for (Node a : byObject.get(b.change.object())) {
                if (replaces(a.change, b.change)) {
                    hard.add(a, b);
                }
            }
        }
        for (Node a : nodes) {
            if (a.change instanceof CreateExtension || a.change instanceof Change.AlterExtension
                    || a.change instanceof Change.CreateSchema) {
                for (Node b : nodes) {
                    if (extensionOrder(a.change, b.change) || schemaOrder(a.change, b.change)) {
                        hard.add(a, b);
                    }
                }
            }
            if (a.change instanceof DropExtension || a.change instanceof Change.DropSchema) {
                for (Node before : nodes) {
                    if (extensionOrder(before.change, a.change) || schemaOrder(before.change, a.change)) {
                        hard.add(before, a);
                    }
                }
            }
        }
        for (long pair : hard.sorted()) {
            Node a = nodes.get((int) (pair >>> 32));
            Node b = nodes.get((int) pair);
            if (!bothLabels(a, b)) {
                hardEdge(graph, a, b);
            }
        }
        labelOrder(nodes, desired).forEach(pair -> hardEdge(graph, pair[0], pair[1]));
        Pairs soft = new Pairs();
        for (Node b : nodes) {
            b.facts.softRequires.forEach(key -> soft.addAll(providers.get(key), b));
            b.facts.removes.forEach(key -> soft.addAll(softReleasers.get(key), b));
        }
        for (long pair : soft.sorted()) {
            Node a = nodes.get((int) (pair >>> 32));
            Node b = nodes.get((int) pair);
            if (!bothLabels(a, b)) {
                softEdge(graph, a, b);
            }
        }
        columnOrder(nodes, desired).forEach(pair -> softEdge(graph, pair[0], pair[1]));
        List<Change> ordered = new ArrayList<>(changes.size());
        new TopologicalOrderIterator<>(graph, ORDER).forEachRemaining(n -> ordered.add(n.change));
        return List.copyOf(ordered);
    }

    /** Every change that lists a key, by key. */
    private static Map<String, List<Node>> index(List<Node> nodes, java.util.function.Function<Node, Set<String>> keys) {
        Map<String, List<Node>> out = new java.util.HashMap<>();
        for (Node n : nodes) {
            for (String key : keys.apply(n)) {
                out.computeIfAbsent(key, k -> new ArrayList<>()).add(n);
            }
        }
        return out;
    }

    /** Ordered pairs of distinct changes (a runs before b), each once, sorted as a nested loop over the changes meets them. */
    private static final class Pairs {
        private final java.util.Set<Long> seen = new java.util.HashSet<>();

        void add(Node a, Node b) {
            if (a != b) {
                seen.add(((long) a.index << 32) | b.index);
            }
        }

        void addAll(List<Node> before, Node b) {
            if (before != null) {
                before.forEach(a -> add(a, b));
            }
        }

        long[] sorted() {
            long[] out = seen.stream().mapToLong(Long::longValue).toArray();
            java.util.Arrays.sort(out);
            return out;
        }
    }

    private static boolean bothLabels(Node a, Node b) {
        return a.change instanceof AddEnumLabel && b.change instanceof AddEnumLabel;
    }

    /** The drop of an object runs before the create of the object of the same kind and name. */
    private static boolean replaces(Change drop, Change create) {
        if (!drop.object().equals(create.object())) {
            return false;
        }
        return drop instanceof Change.DropConstraint && create instanceof Change.AddConstraint
                || drop instanceof Change.DropIndex && create instanceof Change.CreateIndex
                || drop instanceof Change.DropView && create instanceof Change.CreateView
                || drop instanceof Change.DropFunction && create instanceof Change.CreateFunction
                || drop instanceof Change.DropTrigger && create instanceof Change.CreateTrigger
                || drop instanceof Change.DropStatistics && create instanceof Change.CreateStatistics
                || drop instanceof Change.DropRangeType && create instanceof Change.CreateRangeType
                || drop instanceof Change.DropPolicy && create instanceof Change.CreatePolicy
                || drop instanceof Change.DropColumn && create instanceof Change.AddColumn
                || drop instanceof Change.DropTable && create instanceof Change.CreateTable
                || drop instanceof Change.DropSequence && create instanceof Change.CreateSequence
                || drop instanceof Change.DropEnum && create instanceof Change.CreateEnum
                || drop instanceof Change.DropDomain && create instanceof Change.CreateDomain
                || drop instanceof Change.DropDomainCheck && create instanceof Change.AddDomainCheck
                || drop instanceof Change.DropCompositeType && create instanceof Change.CreateCompositeType
                || drop instanceof Change.DropCollation && create instanceof Change.CreateCollation
                || drop instanceof Change.DropOperator && create instanceof Change.CreateOperator
                || drop instanceof Change.DropAccessMethod && create instanceof Change.CreateAccessMethod
                || drop instanceof Change.DropServer && create instanceof Change.CreateServer
                || drop instanceof Change.DropTextSearch && create instanceof Change.CreateTextSearch;
    }

    private static boolean extensionOrder(Change a, Change b) {
        boolean aExt = isExtensionOrSchema(a);
        boolean bExt = isExtensionOrSchema(b);
        return (a instanceof CreateExtension || a instanceof Change.AlterExtension) && !bExt
                || !aExt && b instanceof DropExtension;
    }

    private static boolean isExtensionOrSchema(Change c) {
        return c instanceof CreateExtension || c instanceof DropExtension || c instanceof Change.AlterExtension
                || c instanceof Change.CreateSchema || c instanceof Change.DropSchema;
    }

    /** A new schema is created before anything else (its objects, an extension placed in it); a dropped one after everything. */
    private static boolean schemaOrder(Change a, Change b) {
        boolean aSchema = a instanceof Change.CreateSchema || a instanceof Change.DropSchema;
        boolean bSchema = b instanceof Change.CreateSchema || b instanceof Change.DropSchema;
        return a instanceof Change.CreateSchema && !bSchema || !aSchema && b instanceof Change.DropSchema;
    }

    /**
     * New labels of one type are added in their model order (each names its neighbour, which may
     * be another new label), after the type's label renames.
     */
    private static List<Node[]> labelOrder(List<Node> nodes, Schema desired) {
        Map<QualifiedName, List<Node>> added = new LinkedHashMap<>();
        Map<QualifiedName, List<Node>> renamed = new LinkedHashMap<>();
        for (Node n : nodes) {
            if (n.change instanceof AddEnumLabel add) {
                added.computeIfAbsent(add.type(), k -> new ArrayList<>()).add(n);
            } else if (n.change instanceof RenameEnumLabel rename) {
                renamed.computeIfAbsent(rename.type(), k -> new ArrayList<>()).add(n);
            }
        }
        List<Node[]> pairs = new ArrayList<>();
        added.forEach((type, adds) -> {
            List<String> labels = desired.enums().stream().filter(e -> e.name().equals(type))
                    .map(EnumType::labels).findFirst().orElse(List.of());
            adds.sort(Comparator.comparingInt(n -> labels.indexOf(((AddEnumLabel) n.change).label())));
            for (int i = 1; i < adds.size(); i++) {
                pairs.add(new Node[] {adds.get(i - 1), adds.get(i)});
            }
            for (Node rename : renamed.getOrDefault(type, List.of())) {
                pairs.add(new Node[] {rename, adds.get(0)});
            }
        });
        return pairs;
    }

    /**
     * New columns of one table are added in the model's column order, so the live table lists them
     * as the model does (PostgreSQL appends each added column). Soft, and added last: a generated
     * column that reads a column declared after it still follows it.
     */
    private static List<Node[]> columnOrder(List<Node> nodes, Schema desired) {
        Map<QualifiedName, List<Node>> added = new LinkedHashMap<>();
        for (Node n : nodes) {
            if (n.change instanceof AddColumn add) {
                added.computeIfAbsent(add.table(), k -> new ArrayList<>()).add(n);
            }
        }
        List<Node[]> pairs = new ArrayList<>();
        added.forEach((table, adds) -> {
            if (adds.size() < 2) {
                return;
            }
            List<String> columns = desired.tables().stream().filter(t -> t.name().equals(table))
                    .flatMap(t -> t.columns().stream().map(Column::name)).toList();
            adds.sort(Comparator.comparingInt(n -> columns.indexOf(((AddColumn) n.change).column().name())));
            for (int i = 1; i < adds.size(); i++) {
                pairs.add(new Node[] {adds.get(i - 1), adds.get(i)});
            }
        });
        return pairs;
    }

    private static void hardEdge(DirectedAcyclicGraph<Node, DefaultEdge> graph, Node a, Node b) {
        try {
            graph.addEdge(a, b);
        } catch (IllegalArgumentException cycle) {
            throw new IllegalStateException("dependency cycle: " + a.change + " must run before " + b.change
                    + ", which already runs before it", cycle);
        }
    }

    private static void softEdge(DirectedAcyclicGraph<Node, DefaultEdge> graph, Node a, Node b) {
        try {
            graph.addEdge(a, b);
        } catch (IllegalArgumentException cycle) {
            // A name found in SQL text may be a false match; the model's own references win.
        }
    }
}
