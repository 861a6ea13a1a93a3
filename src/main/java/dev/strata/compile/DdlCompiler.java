package dev.strata.compile;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import dev.strata.model.Column;
import dev.strata.model.CompositeType;
import dev.strata.model.Domain;
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
import dev.strata.sql.Comments;
import dev.strata.sql.Ddl;
import dev.strata.sql.SettingsDdl;
import dev.strata.sql.Identifiers;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jgrapht.alg.cycle.CycleDetector;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.traverse.TopologicalOrderIterator;

/**
 * DdlCompiler represents the compilation of a whole {@link Schema} into the ordered statements that
 * create it in an empty PostgreSQL schema. Every object is created after what it needs; the order
 * and its reasons are documented in {@code docs/ddl.md}. The same schema always gives the same
 * statements, byte for byte.
 */
public final class DdlCompiler {
    private static final Set<String> SERIAL_TYPES =
            Set.of("smallserial", "serial", "bigserial", "serial2", "serial4", "serial8");

    /** Where a quoted function body starts: {@code AS $$} or {@code AS '}. */
    private static final Pattern BODY_START = Pattern.compile("(?i)(?:^|\\s)AS\\s+(?:\\$|')");

    private DdlCompiler() {
    }

    /**
     * {@code tables} (sorted by name) with every partition and inheritance child after its
     * parents, otherwise in the given order. A cycle of parents is left in name order: PostgreSQL
     * reports it when the script runs.
     */
    static List<Table> parentsFirst(List<Table> tables) {
        Map<QualifiedName, Table> byName = new LinkedHashMap<>();
        tables.forEach(t -> byName.put(t.name(), t));
        List<Table> out = new ArrayList<>();
        Set<QualifiedName> placed = new java.util.HashSet<>();
        for (Table t : tables) {
            place(t, byName, placed, new java.util.HashSet<>(), out);
        }
        return out;
    }

    private static void place(Table t, Map<QualifiedName, Table> byName, Set<QualifiedName> placed,
                              Set<QualifiedName> visiting, List<Table> out) {
        if (placed.contains(t.name()) || !visiting.add(t.name())) {
            return;
        }
        for (QualifiedName parent : t.lineage().parents()) {
            Table p = byName.get(parent);
            if (p != null) {
                place(p, byName, placed, visiting, out);
            }
        }
        placed.add(t.name());
        out.add(t);
    }

    /** The statements that create the schema, in order, each without a trailing semicolon. */
    public static List<String> compile(Schema schema) {
        List<String> out = new ArrayList<>();
        // SQL-language function bodies are otherwise checked at creation and may name tables created later.
        out.add("SET check_function_bodies = false");
        for (dev.strata.model.Namespace namespace : schema.namespaces()) {
            out.add(Ddl.createSchema(namespace.name()));
            if (namespace.comment() != null) {
                out.add(Ddl.commentOnSchema(namespace.name(), namespace.comment()));
            }
        }
        if (schema.targetComment() != null) {
            out.add(Ddl.commentOnTargetSchema(schema.targetComment()));
        }
        sorted(schema.extensions(), Comparator.comparing(Extension::name))
                .forEach(e -> out.add(Ddl.createExtension(e)));
        schema.collations().forEach(c -> out.addAll(dev.strata.sql.ChangeRenderer.createCollation(c)));
        // Parsers and templates, then dictionaries, then configurations (the list is in that order).
        schema.textSearch().forEach(t -> out.addAll(dev.strata.sql.ChangeRenderer.createTextSearch(t)));
        List<EnumType> enums = sorted(schema.enums(), Comparator.comparing(EnumType::name));
        enums.forEach(e -> out.add(Ddl.createEnum(e)));
        List<Object> userTypes = orderUserTypes(schema);
        for (Object type : userTypes) {
            out.add(type instanceof Domain d ? Ddl.createDomain(d) : Ddl.createCompositeType((CompositeType) type));
            if (type instanceof Domain d) {
                out.addAll(Ddl.addNotValidDomainChecks(d));
            }
        }
        List<Function> routines = sorted(schema.functions(),
                Comparator.comparing(Function::name).thenComparing(Function::definition));
        List<Function> functions = routines.stream().filter(f -> !f.isAggregate()).toList();
        Map<Function, FunctionTier> tiers = new HashMap<>();
        functions.forEach(f -> tiers.put(f, tier(f, schema)));
        // Range types come before the functions whose signatures may use them, unless they name a
        // canonical or difference function of the model, which must exist first.
        java.util.function.Predicate<dev.strata.model.RangeType> namesModelFunction = r -> java.util.stream.Stream
                .of(r.canonical(), r.subtypeDiff()).filter(java.util.Objects::nonNull)
                .anyMatch(fn -> schema.functions().stream().anyMatch(f -> Identifiers.quote(f.name()).equals(fn)));
        schema.rangeTypes().stream().filter(namesModelFunction.negate()).forEach(r -> out.add(Ddl.createRangeType(r)));
        functions.stream().filter(f -> tiers.get(f) == FunctionTier.BEFORE_TABLES)
                .forEach(f -> out.add(definition(f.definition())));
        schema.rangeTypes().stream().filter(namesModelFunction).forEach(r -> out.add(Ddl.createRangeType(r)));
        schema.rangeTypes().stream().filter(r -> r.comment() != null)
                .forEach(r -> out.add(Ddl.commentOnType(r.name(), r.comment())));
        // Access methods need their handler functions, and tables their access method; foreign
        // tables need their server, a server its wrapper, a wrapper its functions.
        schema.accessMethods().forEach(a -> out.addAll(dev.strata.sql.ChangeRenderer.createAccessMethod(a)));
        schema.wrappers().forEach(w -> out.addAll(dev.strata.sql.ChangeRenderer.createWrapper(w)));
        schema.servers().forEach(s -> out.addAll(dev.strata.sql.ChangeRenderer.createServer(s)));

        List<Table> tables = parentsFirst(sorted(schema.tables(), Comparator.comparing(Table::name)));
        // Column defaults read sequences (nextval('s'::regclass) is resolved when the table is
        // created), so sequences come first and get their owner once the tables exist.
        List<Sequence> sequences = sorted(schema.sequences(), Comparator.comparing(Sequence::name)).stream()
                .filter(s -> !ownedBySerial(s, tables))
                .toList();
        sequences.forEach(s -> out.add(Ddl.createSequence(s, false)));
        for (Table t : tables) {
            out.add(Ddl.createTable(t, false));
            out.addAll(Ddl.derivedColumnOptions(t));
        }
        // Indexes before foreign keys: a foreign key may reference the columns of a unique index.
        for (Table table : tables) {
            table.indexes().forEach(i -> out.add(Ddl.createIndex(i, false)));
        }
        tables.forEach(t -> out.addAll(SettingsDdl.tableSettings(t)));
        for (Table table : tables) {
            // CREATE TABLE would mark a NOT VALID check valid.
            table.constraints().stream().filter(Ddl::addedAfterCreate)
                    .forEach(c -> out.add(Ddl.addConstraint(table.name(), c)));
        }
        for (Table table : tables) {
            for (Constraint.ForeignKey fk : table.constraints(Constraint.ForeignKey.class)) {
                out.add(Ddl.addConstraint(table.name(), fk));
            }
        }
        sequences.stream().filter(s -> s.ownedBy() != null).forEach(s -> out.add(Ddl.alterSequenceOwnedBy(s)));
        functions.stream().filter(f -> tiers.get(f) == FunctionTier.AFTER_TABLES)
                .forEach(f -> out.add(definition(f.definition())));
        // Aggregates need their support functions; views may call them.
        routines.stream().filter(Function::isAggregate).forEach(f -> out.add(definition(f.definition())));
        // Operators need their functions; an operator that names another as its commutator or
        // negator before it is defined makes a shell that the other's CREATE fills in.
        schema.operators().forEach(o -> out.addAll(dev.strata.sql.ChangeRenderer.createOperator(o)));
        for (Table table : tables) {
            table.indexes().stream().filter(i -> i.comment() != null)
                    .forEach(i -> out.add(Ddl.commentOnIndex(i, i.comment())));
        }

        enums.stream().filter(e -> e.comment() != null).forEach(e -> out.add(Ddl.commentOnType(e.name(), e.comment())));
        sequences.stream().filter(s -> s.comment() != null)
                .forEach(s -> out.add(Ddl.commentOnSequence(s.name(), s.comment())));
        for (Object type : userTypes) {
            if (type instanceof Domain d) {
                out.addAll(dev.strata.sql.ChangeRenderer.domainCheckComments(d));
            }
            if (type instanceof Domain d && d.comment() != null) {
                out.add(Ddl.commentOnDomain(d.name(), d.comment()));
            } else if (type instanceof CompositeType c && c.comment() != null) {
                out.add(Ddl.commentOnType(c.name(), c.comment()));
            }
        }
        for (Table table : tables) {
            if (table.comment() != null) {
                out.add(Ddl.commentOnTable(table.name(), table.comment(), table.isForeign()));
            }
            for (Column column : table.columns()) {
                if (column.comment() != null) {
                    out.add(Ddl.commentOnColumn(table.name(), column.name(), column.comment()));
                }
            }
        }

        List<View> views = orderViews(schema.views());
        views.forEach(v -> out.add(definition(v.definition())));
        functions.stream().filter(f -> tiers.get(f) == FunctionTier.AFTER_VIEWS)
                .forEach(f -> out.add(definition(f.definition())));
        for (View view : views) {
            for (Index index : view.indexes()) {
                out.add(Ddl.createIndex(index, false));
                if (index.comment() != null) {
                    out.add(Ddl.commentOnIndex(index, index.comment()));
                }
            }
        }
        // Extended statistics need their table's columns and the functions their expressions call.
        schema.statistics().forEach(s -> out.addAll(Ddl.createStatisticsWithOptions(s)));
        List<Trigger> triggers = sorted(schema.triggers(), Comparator.comparing(Trigger::table).thenComparing(Trigger::name));
        triggers.forEach(t -> out.add(definition(t.definition())));
        triggers.stream().filter(t -> t.enablement() != Trigger.Enablement.ORIGIN)
                .forEach(t -> out.add(Ddl.alterTriggerEnablement(t, t.enablement())));
        tables.stream().filter(Table::rowLevelSecurity).forEach(t -> out.add(Ddl.enableRowLevelSecurity(t.name())));
        tables.stream().filter(Table::forceRowLevelSecurity)
                .forEach(t -> out.add(Ddl.forceRowLevelSecurity(t.name(), true)));
        List<Policy> policies = sorted(schema.policies(), Comparator.comparing(Policy::table).thenComparing(Policy::name));
        policies.forEach(p -> out.add(definition(p.definition())));
        comments(tables, routines, views, triggers, policies, out);
        return List.copyOf(out);
    }

    /** The comments of constraints, functions, procedures, aggregates, views, triggers and policies, once all exist. */
    private static void comments(List<Table> tables, List<Function> routines, List<View> views, List<Trigger> triggers,
                                 List<Policy> policies, List<String> out) {
        for (Table table : tables) {
            table.constraints().stream().filter(c -> c.comment() != null)
                    .forEach(c -> out.add(Comments.on(table.name(), c, c.comment())));
        }
        routines.stream().filter(f -> f.comment() != null).forEach(f -> out.add(Comments.on(f, f.comment())));
        views.stream().filter(v -> v.comment() != null).forEach(v -> out.add(Comments.on(v, v.comment())));
        triggers.stream().filter(t -> t.comment() != null).forEach(t -> out.add(Comments.on(t, t.comment())));
        policies.stream().filter(p -> p.comment() != null).forEach(p -> out.add(Comments.on(p, p.comment())));
    }

    /** Where a function goes in the script. */
    private enum FunctionTier {
        /** Bodies are not checked (check_function_bodies is off), so most functions go first, where tables' defaults and checks can call them. */
        BEFORE_TABLES,
        /** The signature names a table's row type, or a SQL-standard body reads tables. */
        AFTER_TABLES,
        /** A SQL-standard body (BEGIN ATOMIC), always resolved at creation, reads a view. */
        AFTER_VIEWS
    }

    /**
     * The tier of a function: a signature that names a table (its row type) needs the table;
     * a {@code BEGIN ATOMIC} body is parsed and resolved at creation whatever
     * check_function_bodies says, so it needs what it reads.
     */
    private static FunctionTier tier(Function f, Schema schema) {
        String definition = f.definition();
        int atomic = indexOfIgnoreCase(definition, "BEGIN ATOMIC");
        String signature = signature(definition, atomic);
        String body = atomic < 0 ? "" : definition.substring(atomic);
        if (atomic >= 0 && schema.views().stream().anyMatch(v -> names(body, v.name()))) {
            return FunctionTier.AFTER_VIEWS;
        }
        boolean needsTables = schema.tables().stream()
                .anyMatch(t -> names(signature, t.name()) || atomic >= 0 && names(body, t.name()));
        return needsTables ? FunctionTier.AFTER_TABLES : FunctionTier.BEFORE_TABLES;
    }

    /** The text before the body: up to {@code BEGIN ATOMIC}, or up to the first {@code AS} that opens one. */
    private static String signature(String definition, int atomic) {
        if (atomic >= 0) {
            return definition.substring(0, atomic);
        }
        java.util.regex.Matcher m = BODY_START.matcher(definition);
        return m.find() ? definition.substring(0, m.start()) : definition;
    }

    /** Whether SQL names an object as a whole word, spelled as PostgreSQL prints it (quoted when it must be). */
    private static boolean names(String sql, QualifiedName name) {
        return Identifiers.wordPattern(name).matcher(sql).find();
    }

    private static int indexOfIgnoreCase(String text, String word) {
        return text.toUpperCase(Locale.ROOT).indexOf(word);
    }

    /**
     * Domains and composite types, each after the domains and composite types it uses (its base
     * type, its attributes' types); ties go by name. The loader refuses cycles.
     */
    public static List<Object> orderUserTypes(Schema schema) {
        Map<QualifiedName, Object> byName = new LinkedHashMap<>();
        sorted(schema.domains(), Comparator.comparing(Domain::name)).forEach(d -> byName.put(d.name(), d));
        sorted(schema.compositeTypes(), Comparator.comparing(CompositeType::name)).forEach(c -> byName.put(c.name(), c));
        DefaultDirectedGraph<QualifiedName, DefaultEdge> graph = new DefaultDirectedGraph<>(DefaultEdge.class);
        byName.keySet().forEach(graph::addVertex);
        for (Map.Entry<QualifiedName, Object> e : byName.entrySet()) {
            List<QualifiedName> uses = e.getValue() instanceof Domain d
                    ? java.util.Collections.singletonList(d.base().userType())
                    : ((CompositeType) e.getValue()).attributes().stream().map(a -> a.type().userType()).toList();
            for (QualifiedName used : uses) {
                QualifiedName target = used == null ? null : byName.containsKey(used) ? used
                        : byName.keySet().stream().filter(n -> n.name().equals(used.name())).findFirst().orElse(null);
                if (target != null && !target.equals(e.getKey())) {
                    graph.addEdge(target, e.getKey());
                }
            }
        }
        List<Object> ordered = new ArrayList<>();
        new TopologicalOrderIterator<>(graph, Comparator.<QualifiedName>naturalOrder())
                .forEachRemaining(name -> ordered.add(byName.get(name)));
        return ordered;
    }

    /** The statements as one psql-ready script: joined by {@code ";\n\n"}, ending in {@code ";\n"}. */
    public static String script(Schema schema) {
        return String.join(";\n\n", compile(schema)) + ";\n";
    }

    /**
     * Views and materialized views, each after the views it reads. A view's dependencies are its
     * {@code dependsOn} when given, else the other views whose names occur in its definition as
     * whole words (case-insensitively). Ties go by name.
     */
    static List<View> orderViews(List<View> views) {
        Map<QualifiedName, View> byName = new LinkedHashMap<>();
        Map<String, QualifiedName> byUnqualified = new LinkedHashMap<>();
        for (View view : views) {
            byName.put(view.name(), view);
            byUnqualified.put(view.name().name(), view.name());
        }
        DefaultDirectedGraph<QualifiedName, DefaultEdge> graph = new DefaultDirectedGraph<>(DefaultEdge.class);
        byName.keySet().forEach(graph::addVertex);
        for (View view : views) {
            for (QualifiedName dependency : dependencies(view, views, byUnqualified)) {
                graph.addEdge(dependency, view.name());
            }
        }
        Set<QualifiedName> cycle = new CycleDetector<>(graph).findCycles();
        if (!cycle.isEmpty()) {
            throw new StrataException(ErrorCode.INVALID_MODEL, "views depend on each other in a cycle: "
                    + String.join(", ", new TreeSet<>(cycle).stream().map(QualifiedName::toString).toList())
                    + ". Remove one of the references, or give the views an explicit depends-on list"
                    + " if a name in a definition was taken for a reference by mistake.");
        }
        List<View> ordered = new ArrayList<>();
        new TopologicalOrderIterator<>(graph, Comparator.<QualifiedName>naturalOrder())
                .forEachRemaining(name -> ordered.add(byName.get(name)));
        return ordered;
    }

    private static Set<QualifiedName> dependencies(View view, List<View> views, Map<String, QualifiedName> byUnqualified) {
        Set<QualifiedName> result = new TreeSet<>();
        if (!view.dependsOn().isEmpty()) {
            for (QualifiedName dependency : view.dependsOn()) {
                QualifiedName target = byUnqualified.get(dependency.name());
                if (target != null && !target.equals(view.name())) {
                    result.add(target);
                }
            }
            return result;
        }
        for (View other : views) {
            if (!other.name().equals(view.name()) && mentions(view.definition(), other.name().name())) {
                result.add(other.name());
            }
        }
        return result;
    }

    private static boolean mentions(String definition, String name) {
        return Pattern.compile("(?<![\\w$])" + Pattern.quote(name) + "(?![\\w$])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(definition).find();
    }

    /** Whether the sequence is the implicit one of a serial column (created by CREATE TABLE itself). */
    private static boolean ownedBySerial(Sequence sequence, List<Table> tables) {
        SequenceOwner owner = SequenceOwner.of(sequence);
        if (owner == null) {
            return false;
        }
        return tables.stream()
                .filter(t -> t.name().equals(owner.table()))
                .flatMap(t -> t.column(owner.column()).stream())
                .anyMatch(c -> SERIAL_TYPES.contains(c.type().sql().toLowerCase(Locale.ROOT)));
    }

    /** A model's full statement as written, without the trailing semicolons that the script adds. */
    private static String definition(String sql) {
        String s = sql.strip();
        while (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).stripTrailing();
        }
        return s;
    }

    private static <T> List<T> sorted(List<T> items, Comparator<T> order) {
        return items.stream().sorted(order).toList();
    }
}
