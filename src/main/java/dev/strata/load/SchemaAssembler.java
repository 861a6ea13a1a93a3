package dev.strata.load;

import dev.strata.model.Constraint;
import dev.strata.model.EnumType;
import dev.strata.model.Extension;
import dev.strata.model.Function;
import dev.strata.model.Hints;
import dev.strata.model.Index;
import dev.strata.model.Policy;
import dev.strata.model.QualifiedName;
import dev.strata.model.StorageParameters;
import dev.strata.model.Schema;
import dev.strata.model.Sequence;
import dev.strata.sql.Identifiers;
import dev.strata.model.Table;
import dev.strata.model.Trigger;
import dev.strata.model.View;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * SchemaAssembler turns parsed drafts into a {@link Schema}: it resolves foreign keys and enum
 * references, checks the cross-references, gives every constraint and index its final name and
 * sorts everything by name.
 */
final class SchemaAssembler {
    private final Problems problems;
    private final ModelParser models;
    private final ExtendedObjectParser extended;
    private final Map<String, TableDraft> tablesByName = new TreeMap<>();
    private final Map<String, TableDraft> tablesByKey = new HashMap<>();
    private final Map<String, EnumDraft> enumsByName = new TreeMap<>();
    private final Map<String, DomainDraft> domainsByName = new TreeMap<>();
    private final Map<String, CompositeDraft> compositesByName = new TreeMap<>();
    private final Map<String, ModelParser.RangeDraft> rangesByName = new TreeMap<>();
    /** Per table: its constraint drafts, foreign keys included once resolved. */
    private final Map<String, List<ConstraintDraft>> constraints = new HashMap<>();

    /** The result of assembling. */
    record Result(Schema schema, Hints hints) {
    }

    SchemaAssembler(ModelParser models, ExtendedObjectParser extended, Problems problems) {
        this.models = models;
        this.extended = extended;
        this.problems = problems;
    }

    Result assemble() {
        indexTablesAndTypes();
        checkColumnTypes();
        checkUserTypes();
        for (TableDraft t : tablesByName.values()) {
            List<ConstraintDraft> list = new ArrayList<>(t.constraints());
            for (ForeignKeyDraft fk : t.foreignKeys()) {
                ConstraintDraft resolved = resolve(t, fk);
                if (resolved != null) {
                    list.add(resolved);
                }
            }
            constraints.put(t.name().toString(), list);
            checkColumns(t, t.constraints());
        }
        Map<Object, String> names = chooseNames();
        Set<String> rlsTables = new HashSet<>();
        List<Trigger> triggers = triggers();
        List<Policy> policies = policies(rlsTables);

        List<Table> tables = new ArrayList<>();
        for (TableDraft t : tablesByName.values()) {
            List<Constraint> cs = new ArrayList<>();
            for (ConstraintDraft c : constraints.get(t.name().toString())) {
                cs.add(c.build().apply(names.get(c)));
            }
            cs.sort(Comparator.comparing(Constraint::name));
            List<Index> indexes = new ArrayList<>();
            for (IndexDraft i : t.indexes()) {
                indexes.add(i.build().apply(names.get(i)));
            }
            indexes.sort(Comparator.comparing(Index::name));
            // An identity sequence as logged as its table has no persistence of its own.
            String tablePersistence = t.unlogged() ? "UNLOGGED" : "LOGGED";
            List<dev.strata.model.Column> fieldColumns = t.fields().stream().map(FieldParser.Draft::column)
                    .map(c -> c.identitySequence() != null && tablePersistence.equals(c.identitySequence().persistence())
                            ? c.withSettings(c.identitySequence().withPersistence(null), c.statistics(), c.storage(),
                                    c.compression(), c.options())
                            : c)
                    .toList();
            tables.add(new Table(t.name(), fieldColumns, cs, indexes,
                    rlsTables.contains(t.name().toString()), t.comment(), t.unlogged(),
                    StorageParameters.copyOf(t.storage()), t.forceRowLevelSecurity(), lineage(t))
                    .withIndexSettings(t.settings().replicaIdentity(), t.settings().replicaIdentityIndex(),
                            t.settings().clusterOn()).withAccessMethod(t.settings().accessMethod())
                    .withForeign(t.settings().foreign()));
            TableSettingsParser.check(tables.get(tables.size() - 1), t.where(), t.subject(), problems);
        }
        List<View> views = new ArrayList<>();
        for (ExtendedObjectParser.ViewDraft v : extended.views) {
            List<Index> indexes = new ArrayList<>();
            for (IndexDraft i : v.indexes()) {
                indexes.add(i.build().apply(names.get(i)));
            }
            indexes.sort(Comparator.comparing(Index::name));
            View view = v.view();
            views.add(new View(view.name(), view.materialized(), view.definition(), view.dropSql(), indexes,
                    view.dependsOn(), view.comment()));
        }
        views.sort(Comparator.comparing(View::name));
        List<EnumType> enums = enumsByName.values().stream()
                .map(e -> new EnumType(e.qualifiedName(), e.labels(), e.comment())).toList();
        List<Extension> extensions = models.extensions.stream().distinct()
                .sorted(Comparator.comparing(Extension::name)).toList();
        List<Function> functions = new ArrayList<>(extended.functions);
        functions.sort(Comparator.comparing(Function::name).thenComparing(Function::definition));
        Schema schema = new Schema(extensions, enums, sequences(), tables, views, functions, triggers, policies,
                domains(), composites());
        schema = schema.withCollations(models.collations.stream()
                .sorted(Comparator.comparing(dev.strata.model.Collation::name)).toList()).withOperators(models.operators)
                .withTextSearch(models.textSearch).withAccessMethods(models.accessMethods)
                .withForeignData(models.wrappers, models.servers)
                .withRangeTypes(rangesByName.values().stream().map(this::rangeType).toList())
                .withStatistics(statistics(tables));
        return new Result(schema.withNamespaces(namespaces(schema)).withTargetComment(models.targetComment), hints());
    }

    /**
     * Every schema besides the target one the model manages: those it declares ({@code {:type
     * :schema}}) and those its objects' names and its extensions' {@code :schema} use.
     */
    private List<dev.strata.model.Namespace> namespaces(Schema schema) {
        Map<String, dev.strata.model.Namespace> result = new TreeMap<>();
        Map<String, Located> declared = new HashMap<>();
        for (ModelParser.NamespaceDraft d : models.namespaces) {
            Located first = declared.putIfAbsent(d.namespace().name(), new Located(d.where(), d.subject()));
            if (first != null) {
                problems.add(d.where(), d.subject(), "schema " + d.namespace().name() + " is declared twice (also by "
                        + first.subject() + " at " + first.where() + ")", "remove one of the two");
            }
            result.put(d.namespace().name(), d.namespace());
        }
        List<QualifiedName> used = new ArrayList<>();
        schema.tables().forEach(t -> used.add(t.name()));
        schema.views().forEach(v -> used.add(v.name()));
        schema.functions().forEach(f -> used.add(f.name()));
        schema.enums().forEach(e -> used.add(e.name()));
        schema.domains().forEach(d -> used.add(d.name()));
        schema.compositeTypes().forEach(c -> used.add(c.name()));
        schema.sequences().forEach(q -> used.add(q.name()));
        schema.collations().forEach(c -> used.add(c.name()));
        schema.rangeTypes().forEach(r -> used.add(r.name()));
        schema.statistics().forEach(x -> used.add(x.name()));
        schema.operators().forEach(o -> used.add(o.name()));
        schema.textSearch().forEach(t -> used.add(t.name()));
        for (QualifiedName n : used) {
            if (n.schema() != null) {
                result.putIfAbsent(n.schema(), dev.strata.model.Namespace.of(n.schema()));
            }
        }
        schema.extensions().stream().filter(e -> e.schema() != null && !Names.RESERVED_SCHEMAS.contains(e.schema()))
                .forEach(e -> result.putIfAbsent(e.schema(), dev.strata.model.Namespace.of(e.schema())));
        return List.copyOf(result.values());
    }

    /** The model's stand-alone sequences, each with its {@code :owned-by} resolved to table.column. */
    private List<Sequence> sequences() {
        List<Sequence> out = new ArrayList<>();
        for (SequenceDraft d : models.sequences) {
            Sequence s = d.sequence();
            String ownedBy = null;
            if (d.ownedBy() != null) {
                String ref = dev.strata.edn.EdnPrinter.flat(d.ownedBy());
                TableDraft table = tablesByKey.get(d.ownedBy().getPrefix());
                Optional<FieldParser.Draft> field = table == null ? Optional.empty()
                        : table.fieldByKey(d.ownedBy().getName());
                if (table == null) {
                    problems.add(d.where(), d.subject(), ":owned-by " + ref + " refers to the missing model :"
                            + d.ownedBy().getPrefix(), "define the model :" + d.ownedBy().getPrefix()
                            + " or fix the reference");
                    continue;
                } else if (field.isEmpty()) {
                    problems.add(d.where(), d.subject(), ":owned-by " + ref + " refers to the missing field :"
                            + d.ownedBy().getName() + " of model :" + d.ownedBy().getPrefix(),
                            "name an existing field of :" + d.ownedBy().getPrefix());
                    continue;
                }
                ownedBy = Identifiers.quote(table.name()) + "." + Identifiers.quote(field.get().column().name());
            }
            out.add(new Sequence(s.name(), s.dataType(), s.start(), s.increment(), s.minValue(), s.maxValue(),
                    s.cache(), s.cycle(), ownedBy, s.comment(), s.unlogged()));
        }
        out.sort(Comparator.comparing(Sequence::name));
        return out;
    }

    private void indexTablesAndTypes() {
        Map<String, Located> relations = new HashMap<>();
        for (TableDraft t : models.tables) {
            Located first = relations.putIfAbsent(t.name().toString(), new Located(t.where(), t.subject()));
            if (first != null) {
                problems.add(t.where(), t.subject(), "table name " + t.name().name() + " is also used by "
                        + first.subject() + " (" + first.where() + ")", "give one of them another :table-name");
                continue;
            }
            tablesByName.put(t.name().toString(), t);
            if (t.key() instanceof us.bpsm.edn.Keyword k) {
                tablesByKey.put(Names.modelKey(k), t);
            }
        }
        for (ExtendedObjectParser.ViewDraft v : extended.views) {
            Located first = relations.putIfAbsent(v.view().name().toString(), new Located(v.where(), v.subject()));
            if (first != null) {
                problems.add(v.where(), v.subject(), "view name " + v.view().name().name() + " is also used by "
                        + first.subject() + " (" + first.where() + ")", "rename the view or the other object");
            }
        }
        for (SequenceDraft s : models.sequences) {
            String name = s.sequence().name().toString();
            Located first = relations.putIfAbsent(name, new Located(s.where(), s.subject()));
            if (first != null) {
                problems.add(s.where(), s.subject(), "sequence name " + name + " is also used by "
                        + first.subject() + " (" + first.where() + ")", "rename the sequence or the other object");
            }
        }
        for (EnumDraft e : models.enums) {
            Located relation = relations.get(e.key());
            EnumDraft first = enumsByName.putIfAbsent(e.key(), e);
            if (first != null) {
                problems.add(e.where(), e.subject(), "duplicate type name " + e.name() + " (also defined by "
                        + first.subject() + " at " + first.where() + ")", "rename or remove one of the two enums");
            } else if (relation != null) {
                problems.add(e.where(), e.subject(), "duplicate type name " + e.name() + " (" + relation.subject()
                                + " at " + relation.where() + " has a row type of that name)",
                        "rename the enum or the table");
            }
        }
        Map<String, Located> types = new HashMap<>(relations);
        enumsByName.values().forEach(e -> types.putIfAbsent(e.key(), new Located(e.where(), e.subject())));
        for (DomainDraft d : models.domains) {
            Located first = types.putIfAbsent(d.key(), new Located(d.where(), d.subject()));
            if (first != null) {
                problems.add(d.where(), d.subject(), "duplicate type name " + d.name() + " (also used by "
                        + first.subject() + " at " + first.where() + ")", "rename the domain or the other object");
            } else {
                domainsByName.put(d.key(), d);
            }
        }
        for (ModelParser.RangeDraft r : models.ranges) {
            String key = Names.key(r.range().name().schema(), r.range().name().name());
            Located first = types.putIfAbsent(key, new Located(r.where(), r.subject()));
            if (first != null) {
                problems.add(r.where(), r.subject(), "duplicate type name " + r.range().name().name() + " (also used by "
                        + first.subject() + " at " + first.where() + ")", "rename the range type or the other object");
            } else {
                rangesByName.put(key, r);
            }
        }
        for (CompositeDraft c : models.composites) {
            Located first = types.putIfAbsent(c.key(), new Located(c.where(), c.subject()));
            if (first != null) {
                problems.add(c.where(), c.subject(), "duplicate type name " + c.name() + " (also used by "
                        + first.subject() + " at " + first.where() + ")", "rename the composite type or the other object");
            } else {
                compositesByName.put(c.key(), c);
            }
        }
    }

    private boolean isUserType(String name) {
        return enumsByName.containsKey(name) || domainsByName.containsKey(name) || compositesByName.containsKey(name)
                || rangesByName.containsKey(name);
    }

    /** The foreign-key compatibility group of a type: a domain's is its base type's. */
    private String group(Types.ParsedType type) {
        String group = type.group();
        Set<String> seen = new HashSet<>();
        while (group != null && group.startsWith("enum:")) {
            String base = group.substring(5);
            String suffix = "";
            while (base.endsWith("[]")) {
                base = base.substring(0, base.length() - 2);
                suffix += "[]";
            }
            DomainDraft d = domainsByName.get(base);
            if (d == null || d.base() == null || !seen.add(base)) {
                return group;
            }
            group = d.base().group() == null ? null : d.base().group() + suffix;
        }
        return group;
    }

    /**
     * Domain bases and composite type fields must name known types, and no type may contain
     * itself (a domain based on itself, directly or through other types).
     */
    private void checkUserTypes() {
        for (DomainDraft d : domainsByName.values()) {
            if (d.base() != null && d.base().enumName() != null && !isUserType(d.base().enumName())) {
                problems.add(d.where(), d.subject(), "unknown :base type " + dev.strata.edn.EdnPrinter.flat(d.base().written()),
                        "use a PostgreSQL built-in type (such as :integer or [:varchar 255]), an enum, domain or "
                                + "composite type defined in models.edn, or [:raw \"type SQL\"]");
            }
        }
        for (CompositeDraft c : compositesByName.values()) {
            for (FieldParser.Draft a : c.attributes()) {
                Types.ParsedType t = a.type();
                if (t != null && t.enumName() != null && !isUserType(t.enumName())) {
                    problems.add(a.where(), a.subject(), "unknown type " + dev.strata.edn.EdnPrinter.flat(t.written()),
                            "use a PostgreSQL built-in type, an enum, domain or composite type defined in "
                                    + "models.edn, or [:raw \"type SQL\"]");
                }
            }
        }
        Set<String> reported = new HashSet<>();
        for (String start : new java.util.TreeSet<>(userTypeEdges().keySet())) {
            List<String> cycle = cycleFrom(start, start, new ArrayList<>(List.of(start)), new HashSet<>());
            if (cycle != null && reported.add(new java.util.TreeSet<>(cycle).toString())) {
                Located at = domainsByName.containsKey(start)
                        ? new Located(domainsByName.get(start).where(), domainsByName.get(start).subject())
                        : new Located(compositesByName.get(start).where(), compositesByName.get(start).subject());
                problems.add(at.where(), at.subject(), cycle.size() == 2 ? "type " + start + " is based on itself"
                                : "types contain each other in a cycle: " + String.join(" -> ", cycle),
                        "base the type on another type");
            }
        }
    }

    /** Domain and composite type name -> the domains and composite types it uses. */
    private Map<String, Set<String>> userTypeEdges() {
        Map<String, Set<String>> edges = new HashMap<>();
        domainsByName.values().forEach(d -> {
            Set<String> to = new java.util.TreeSet<>();
            if (d.base() != null && d.base().enumName() != null) {
                to.add(d.base().enumName());
            }
            edges.put(d.key(), to);
        });
        compositesByName.values().forEach(c -> {
            Set<String> to = new java.util.TreeSet<>();
            c.attributes().stream().filter(a -> a.type() != null && a.type().enumName() != null)
                    .forEach(a -> to.add(a.type().enumName()));
            edges.put(c.key(), to);
        });
        return edges;
    }

    private List<String> cycleFrom(String start, String at, List<String> path, Set<String> visited) {
        for (String next : userTypeEdges().getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                List<String> cycle = new ArrayList<>(path);
                cycle.add(start);
                return cycle;
            }
            if (visited.add(next)) {
                path.add(next);
                List<String> found = cycleFrom(start, next, path, visited);
                if (found != null) {
                    return found;
                }
                path.remove(path.size() - 1);
            }
        }
        return null;
    }

    private List<dev.strata.model.Domain> domains() {
        List<dev.strata.model.Domain> result = new ArrayList<>();
        for (DomainDraft d : domainsByName.values()) {
            if (d.base() == null) {
                continue;
            }
            Set<String> taken = new HashSet<>();
            d.checks().stream().filter(c -> c.name() != null).forEach(c -> taken.add(c.name()));
            List<dev.strata.model.Domain.Check> checks = new ArrayList<>();
            for (DomainDraft.CheckDraft c : d.checks()) {
                String n = c.name() != null ? c.name() : Names.choose(d.name(), null, "check", taken);
                taken.add(n);
                checks.add(new dev.strata.model.Domain.Check(n, "CHECK (" + c.condition() + ")", c.notValid(),
                        c.comment()));
            }
            result.add(new dev.strata.model.Domain(new QualifiedName(d.schema(), d.name()), d.base().type(), d.collation(),
                    d.notNull(), d.defaultExpr(), checks, d.comment()));
        }
        return result;
    }

    /** A range type with its subtype as SQL: a model type (domain, enum, ...) by its qualified name. */
    private dev.strata.model.RangeType rangeType(ModelParser.RangeDraft r) {
        Types.ParsedType t = r.subtype();
        if (t.enumName() == null) {
            return r.range();
        }
        if (!isUserType(t.enumName())) {
            problems.add(r.where(), r.subject(), "unknown :subtype " + dev.strata.edn.EdnPrinter.flat(t.written()),
                    "use a PostgreSQL built-in type (such as :numeric or :timestamptz), a type of the model, or [:raw \"type SQL\"]");
            return r.range();
        }
        dev.strata.model.RangeType x = r.range();
        return new dev.strata.model.RangeType(x.name(), t.type().sql(), x.subtypeOpclass(), x.collation(), x.canonical(),
                x.subtypeDiff(), x.multirange(), x.comment());
    }

    private List<dev.strata.model.CompositeType> composites() {
        List<dev.strata.model.CompositeType> result = new ArrayList<>();
        for (CompositeDraft c : compositesByName.values()) {
            List<dev.strata.model.CompositeType.Attribute> attributes = c.attributes().stream()
                    .map(a -> new dev.strata.model.CompositeType.Attribute(a.column().name(), a.column().type(),
                            a.column().collation())).toList();
            result.add(new dev.strata.model.CompositeType(new QualifiedName(c.schema(), c.name()), attributes,
                    c.comment()));
        }
        return result;
    }

    private void checkColumnTypes() {
        for (TableDraft t : tablesByName.values()) {
            for (FieldParser.Draft f : t.fields()) {
                Types.ParsedType type = f.type();
                if (type == null || type.enumName() == null || enumsByName.containsKey(type.enumName())
                        || !type.enumExplicit() && isUserType(type.enumName())) {
                    continue;
                }
                String written = dev.strata.edn.EdnPrinter.flat(type.written());
                if (type.enumExplicit()) {
                    Object ref = ((List<?>) type.written()).get(1);
                    problems.add(f.where(), f.subject(), "enum " + dev.strata.edn.EdnPrinter.flat(ref)
                                    + " is not defined",
                            "define it in models.edn as " + dev.strata.edn.EdnPrinter.flat(ref)
                                    + " {:type :enum :choices [...]} or in the model's :types");
                } else {
                    problems.add(f.where(), f.subject(), "unknown type " + written,
                            "use a PostgreSQL built-in type (such as :text, :numeric or [:varchar 255]), "
                                    + "an enum, domain or composite type defined in models.edn, or [:raw \"type SQL\"]");
                }
            }
        }
    }

    private Optional<TableDraft> target(String refModel) {
        TableDraft byKey = tablesByKey.get(refModel);
        return Optional.ofNullable(byKey != null ? byKey : tablesByName.get(Names.tableOf(refModel).toString()));
    }

    private ConstraintDraft resolve(TableDraft table, ForeignKeyDraft fk) {
        Optional<TableDraft> found = target(fk.refModel());
        if (found.isEmpty()) {
            problems.add(fk.where(), fk.subject(), "foreign key " + fk.written() + " refers to the missing model :"
                    + fk.refModel(), "define the model :" + fk.refModel() + " or fix the reference");
            return null;
        }
        TableDraft ref = found.get();
        List<String> refColumns = new ArrayList<>();
        if (fk.refFields().isEmpty()) {
            if (ref.primaryKey().isEmpty()) {
                problems.add(fk.where(), fk.subject(), "foreign key " + fk.written() + " names no :ref-fields and "
                        + ref.name().name() + " has no primary key", "add :ref-fields");
                return null;
            }
            refColumns.addAll(ref.primaryKey());
        }
        for (String rf : fk.refFields()) {
            Optional<FieldParser.Draft> field = ref.fieldByKey(rf);
            if (field.isEmpty()) {
                // A partition's or inheritance child's columns come from its parents.
                Set<String> inherited = new java.util.HashSet<>();
                inheritedColumns(ref, inherited, new java.util.HashSet<>());
                String column = Names.identifier(us.bpsm.edn.Keyword.newKeyword(rf));
                if (inherited.contains(column)) {
                    refColumns.add(column);
                    continue;
                }
            }
            if (field.isEmpty()) {
                problems.add(fk.where(), fk.subject(), "foreign key " + fk.written() + " refers to the missing field :"
                        + rf + " of model " + dev.strata.edn.EdnPrinter.flat(ref.key()),
                        "reference an existing field of " + dev.strata.edn.EdnPrinter.flat(ref.key()));
                return null;
            }
            refColumns.add(field.get().column().name());
        }
        if (refColumns.size() != fk.columns().size()) {
            problems.add(fk.where(), fk.subject(), "foreign key " + fk.written() + " has " + fk.columns().size()
                    + " columns but references " + refColumns.size(), "list as many :ref-fields as :fields");
            return null;
        }
        String refText = ref.name().name() + "(" + String.join(", ", refColumns) + ")";
        if (!isKey(ref, refColumns) && isDeferrableKey(ref, refColumns)) {
            problems.add(fk.where(), fk.subject(), "foreign key " + fk.written() + " refers to " + refText
                            + ", whose key is DEFERRABLE; PostgreSQL refuses a foreign key to a deferrable key",
                    "remove :deferrable from that key of " + dev.strata.edn.EdnPrinter.flat(ref.key())
                            + ", or reference another key");
            return null;
        }
        if (!isKey(ref, refColumns)) {
            problems.add(fk.where(), fk.subject(), "foreign key " + fk.written() + " refers to " + refText
                            + ", which is neither the primary key nor unique",
                    "reference the primary key, or make " + String.join(", ", refColumns) + " unique in "
                            + dev.strata.edn.EdnPrinter.flat(ref.key()));
            return null;
        }
        boolean typesOk = true;
        for (int i = 0; i < refColumns.size(); i++) {
            Optional<FieldParser.Draft> local = table.field(fk.columns().get(i));
            Optional<FieldParser.Draft> remote = ref.field(refColumns.get(i));
            if (local.isEmpty() || remote.isEmpty() || local.get().type() == null || remote.get().type() == null) {
                continue;
            }
            String lg = group(local.get().type());
            String rg = group(remote.get().type());
            if (lg != null && rg != null && !lg.equals(rg)) {
                problems.add(fk.where(), fk.subject(), "foreign key " + fk.written() + ": column "
                                + fk.columns().get(i) + " (" + local.get().column().type().sql() + ") and "
                                + ref.name().name() + "." + refColumns.get(i) + " ("
                                + remote.get().column().type().sql() + ") have incompatible types",
                        "give " + fk.columns().get(i) + " the type of the referenced column");
                typesOk = false;
            }
        }
        if (!typesOk) {
            return null;
        }
        QualifiedName refTable = ref.name();
        List<String> cols = fk.columns();
        List<String> refCols = List.copyOf(refColumns);
        ConstraintOptions o = fk.options();
        return new ConstraintDraft(fk.name(), n -> new Constraint.ForeignKey(n, cols, refTable, refCols,
                fk.onDelete(), fk.onUpdate(), o.deferrable(), o.initiallyDeferred(), o.match(), o.notValid(),
                fk.deleteSetColumns()),
                false, fk.where(), fk.subject()).withComment(fk.comment());
    }

    /** Whether the primary key or a unique constraint on exactly these columns is DEFERRABLE. */
    private boolean isDeferrableKey(TableDraft ref, List<String> columns) {
        Set<String> wanted = Set.copyOf(columns);
        for (ConstraintDraft c : ref.constraints()) {
            Constraint built = c.build().apply(c.name().defaultName());
            if (built instanceof Constraint.PrimaryKey pk && pk.deferrable() && Set.copyOf(pk.columns()).equals(wanted)
                    || built instanceof Constraint.Unique u && u.deferrable() && Set.copyOf(u.columns()).equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a foreign key may reference these columns: a primary key, a UNIQUE constraint (neither
     * DEFERRABLE: PostgreSQL refuses those) or a non-partial unique index on exactly them.
     */
    private boolean isKey(TableDraft ref, List<String> columns) {
        Set<String> wanted = Set.copyOf(columns);
        if (wanted.size() != columns.size()) {
            return false;
        }
        for (ConstraintDraft c : ref.constraints()) {
            Constraint built = c.build().apply(c.name().defaultName());
            if (built instanceof Constraint.PrimaryKey pk && !pk.deferrable() && Set.copyOf(pk.columns()).equals(wanted)
                    || built instanceof Constraint.Unique u && !u.deferrable() && Set.copyOf(u.columns()).equals(wanted)) {
                return true;
            }
        }
        for (IndexDraft i : ref.indexes()) {
            if (i.unique() && !i.partial() && !i.keyColumns().isEmpty() && Set.copyOf(i.keyColumns()).equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    private void checkColumns(TableDraft t, List<ConstraintDraft> list) {
        Set<String> columns = new java.util.LinkedHashSet<>();
        inheritedColumns(t, columns, new HashSet<>());
        t.fields().forEach(f -> columns.add(f.column().name()));
        String known = String.join(", ", columns);
        for (ConstraintDraft c : list) {
            for (String col : c.columns()) {
                if (!columns.contains(col)) {
                    problems.add(c.where(), c.subject(), "column " + col + " does not exist in table "
                            + t.name().name(), "use one of its columns (" + known + ")");
                }
            }
        }
        for (ForeignKeyDraft fk : t.foreignKeys()) {
            for (String col : fk.columns()) {
                if (!columns.contains(col)) {
                    problems.add(fk.where(), fk.subject(), "column " + col + " does not exist in table "
                            + t.name().name(), "use one of its columns (" + known + ")");
                }
            }
        }
        for (IndexDraft i : t.indexes()) {
            for (String col : i.columns()) {
                if (!columns.contains(col)) {
                    problems.add(i.where(), i.subject(), "column " + col + " does not exist in table "
                            + t.name().name(), "index one of its columns (" + known + ")");
                }
            }
        }
    }

    /** The columns {@code t} has from its partition parent, INHERITS parents or type, ancestors first. */
    private void inheritedColumns(TableDraft t, Set<String> columns, Set<String> seen) {
        if (!seen.add(t.name().name())) {
            return;
        }
        LineageDraft l = t.lineage();
        List<Object> parents = new ArrayList<>(l.inherits());
        if (l.partitionOf() != null) {
            parents.add(l.partitionOf());
        }
        for (Object p : parents) {
            target(refName(p)).ifPresent(parent -> {
                inheritedColumns(parent, columns, seen);
                parent.fields().forEach(f -> columns.add(f.column().name()));
            });
        }
        if (l.ofType() != null) {
            CompositeDraft type = compositesByName.get(Names.key(Names.schemaOf(l.ofType()), Names.identifier(l.ofType())));
            if (type != null) {
                type.attributes().forEach(a -> columns.add(a.column().name()));
            }
        }
    }

    private static String refName(Object ref) {
        return ref instanceof us.bpsm.edn.Keyword k ? Names.modelKey(k) : (String) ref;
    }

    /**
     * The lineage of {@code t} with its parents and type resolved; reports a parent or type the
     * model lacks and a partition whose parent is not partitioned.
     */
    private dev.strata.model.TableLineage lineage(TableDraft t) {
        LineageDraft l = t.lineage();
        if (l.equals(LineageDraft.NONE)) {
            return dev.strata.model.TableLineage.NONE;
        }
        QualifiedName parent = null;
        String bound = null;
        if (l.partitionOf() != null) {
            Optional<TableDraft> p = target(refName(l.partitionOf()));
            if (p.isEmpty()) {
                problems.add(t.where(), t.subject(), ":partition-of " + dev.strata.edn.EdnPrinter.flat(l.partitionOf())
                        + " refers to the missing model", "define the partitioned table or fix the reference");
            } else if (p.get().lineage().partitionKey() == null) {
                problems.add(t.where(), t.subject(), ":partition-of " + dev.strata.edn.EdnPrinter.flat(l.partitionOf())
                                + " names table " + p.get().name().name() + ", which is not partitioned",
                        "add :partition-by {:strategy :range :keys [...]} to " + dev.strata.edn.EdnPrinter.flat(p.get().key()));
            } else if (p.get() == t) {
                problems.add(t.where(), t.subject(), "a table cannot be a partition of itself", "fix :partition-of");
            } else if (l.partitionBound() != null) {
                parent = p.get().name();
                bound = l.partitionBound();
            }
        }
        List<QualifiedName> inherits = new ArrayList<>();
        for (Object ref : l.inherits()) {
            Optional<TableDraft> p = target(refName(ref));
            if (p.isEmpty()) {
                problems.add(t.where(), t.subject(), ":inherits " + dev.strata.edn.EdnPrinter.flat(ref)
                        + " refers to the missing model", "define the parent table or fix the reference");
            } else if (p.get().lineage().partitionKey() != null || p.get().lineage().partitionOf() != null) {
                problems.add(t.where(), t.subject(), ":inherits " + dev.strata.edn.EdnPrinter.flat(ref)
                                + " names a partitioned table or a partition; PostgreSQL refuses inheritance there",
                        "use :partition-of for a partition");
            } else if (p.get() == t) {
                problems.add(t.where(), t.subject(), "a table cannot inherit from itself", "fix :inherits");
            } else {
                inherits.add(p.get().name());
            }
        }
        QualifiedName type = null;
        if (l.ofType() != null) {
            String name = Names.key(Names.schemaOf(l.ofType()), Names.identifier(l.ofType()));
            if (!compositesByName.containsKey(name)) {
                problems.add(t.where(), t.subject(), ":of " + dev.strata.edn.EdnPrinter.flat(l.ofType())
                        + " is not a composite type of the model",
                        "define it as " + dev.strata.edn.EdnPrinter.flat(l.ofType()) + " {:type :composite :fields {...}}");
            } else {
                type = new QualifiedName(Names.schemaOf(l.ofType()), Names.identifier(l.ofType()));
            }
        }
        if (!l.columnOptions().isEmpty()) {
            Set<String> derived = new java.util.LinkedHashSet<>();
            inheritedColumns(t, derived, new HashSet<>());
            t.fields().forEach(f -> derived.remove(f.column().name()));
            for (String column : new java.util.TreeSet<>(l.columnOptions().keySet())) {
                if (!derived.contains(column)) {
                    problems.add(t.where(), t.subject(), ":column-options names column " + column + ", which table "
                                    + t.name().name() + " does not take from its parent or type",
                            derived.isEmpty() ? "remove it" : "use one of " + String.join(", ", derived)
                                    + " (options of the table's own fields go on the field)");
                }
            }
        }
        if (parent == null && l.partitionOf() != null) {
            return new dev.strata.model.TableLineage(l.partitionKey(), null, null, inherits, type)
                    .withColumnOptions(l.columnOptions());
        }
        return new dev.strata.model.TableLineage(l.partitionKey(), parent, bound, inherits, type)
                .withColumnOptions(l.columnOptions());
    }

    /** A place in the model and what is there. */
    private record Located(Location where, String subject) {
    }

    /**
     * Final names, keyed by draft identity. Explicit names are taken first (clashes are errors);
     * then generated names, table by table in name order, get PostgreSQL's numbering on a clash.
     */
    private Map<Object, String> chooseNames() {
        Map<Object, String> names = new java.util.IdentityHashMap<>();
        // Relation and constraint names are unique per schema: each schema has its own sets.
        Map<String, Map<String, Located>> relationsBySchema = new HashMap<>();
        java.util.function.Function<String, Map<String, Located>> relationsOf =
                schema -> relationsBySchema.computeIfAbsent(String.valueOf(schema), k -> new HashMap<>());
        tablesByName.values().forEach(t -> relationsOf.apply(t.name().schema())
                .put(t.name().name(), new Located(t.where(), t.subject())));
        extended.views.forEach(v -> relationsOf.apply(v.view().name().schema())
                .putIfAbsent(v.view().name().name(), new Located(v.where(), v.subject())));
        Map<String, Set<String>> constraintNamesBySchema = new HashMap<>();
        for (TableDraft t : tablesByName.values()) {
            Map<String, Located> relations = relationsOf.apply(t.name().schema());
            Set<String> constraintNames = constraintNamesBySchema.computeIfAbsent(String.valueOf(t.name().schema()),
                    k -> new HashSet<>());
            Map<String, Located> local = new HashMap<>();
            for (ConstraintDraft c : constraints.get(t.name().toString())) {
                if (!c.name().isExplicit()) {
                    continue;
                }
                String n = c.name().explicit();
                if (Names.bytes(n) > Names.MAX_BYTES) {
                    problems.add(c.where(), c.subject(), FieldParser.tooLong(n), "use a shorter constraint name");
                }
                Located first = c.indexBacked() ? relations.get(n) : local.get(n);
                if (first == null && c.indexBacked()) {
                    first = local.get(n);
                }
                if (first != null) {
                    problems.add(c.where(), c.subject(), "duplicate constraint name " + n + " (also used by "
                            + first.subject() + " at " + first.where() + ")", "give the constraint another :name");
                }
                local.put(n, new Located(c.where(), c.subject()));
                if (c.indexBacked()) {
                    relations.put(n, new Located(c.where(), c.subject()));
                }
                constraintNames.add(n);
                names.put(c, n);
            }
        }
        List<Map.Entry<String, IndexDraft>> allIndexes = new ArrayList<>();
        tablesByName.values().forEach(t -> t.indexes().forEach(i -> allIndexes.add(Map.entry(String.valueOf(t.name().schema()), i))));
        extended.views.forEach(v -> v.indexes().forEach(i -> allIndexes.add(Map.entry(String.valueOf(v.view().name().schema()), i))));
        for (Map.Entry<String, IndexDraft> e : allIndexes) {
            IndexDraft i = e.getValue();
            if (i.name().isExplicit()) {
                String n = i.name().explicit();
                Located first = relationsBySchema.computeIfAbsent(e.getKey(), k -> new HashMap<>())
                        .putIfAbsent(n, new Located(i.where(), i.subject()));
                if (first != null) {
                    problems.add(i.where(), i.subject(), "duplicate index name " + n + " (also used by "
                            + first.subject() + " at " + first.where() + ")", "give the index another :name");
                }
                names.put(i, n);
            }
        }
        for (TableDraft t : tablesByName.values()) {
            Map<String, Located> relations = relationsOf.apply(t.name().schema());
            Set<String> constraintNames = constraintNamesBySchema.computeIfAbsent(String.valueOf(t.name().schema()),
                    k -> new HashSet<>());
            for (ConstraintDraft c : constraints.get(t.name().toString())) {
                if (c.name().isExplicit()) {
                    continue;
                }
                // A view of both sets, not a copy of them per constraint (which made this quadratic).
                Set<String> taken = c.indexBacked() ? union(constraintNames, relations.keySet()) : constraintNames;
                NameSpec s = c.name();
                String n = Names.choose(s.name1(), s.name2(), s.label(), taken);
                constraintNames.add(n);
                if (c.indexBacked()) {
                    relations.put(n, new Located(c.where(), c.subject()));
                }
                names.put(c, n);
            }
        }
        for (Map.Entry<String, IndexDraft> e : allIndexes) {
            IndexDraft i = e.getValue();
            if (!i.name().isExplicit()) {
                Map<String, Located> relations = relationsBySchema.computeIfAbsent(e.getKey(), k -> new HashMap<>());
                NameSpec s = i.name();
                String n = Names.choose(s.name1(), s.name2(), s.label(), relations.keySet());
                relations.put(n, new Located(i.where(), i.subject()));
                names.put(i, n);
            }
        }
        return names;
    }

    /** The names in either set, read through (only {@code contains} is used). */
    private static Set<String> union(Set<String> a, Set<String> b) {
        return new java.util.AbstractSet<>() {
            @Override
            public boolean contains(Object o) {
                return a.contains(o) || b.contains(o);
            }

            @Override
            public java.util.Iterator<String> iterator() {
                return java.util.stream.Stream.concat(a.stream(), b.stream().filter(x -> !a.contains(x))).iterator();
            }

            @Override
            public int size() {
                return (int) (a.size() + b.stream().filter(x -> !a.contains(x)).count());
            }
        };
    }

    private boolean hasRelation(QualifiedName name, boolean viewsToo) {
        if (tablesByName.containsKey(name.toString())) {
            return true;
        }
        return viewsToo && extended.views.stream().anyMatch(v -> v.view().name().equals(name));
    }

    /**
     * Extended statistics: each on a model table or materialized view, its named columns those of a
     * plain table (the columns of partitions and children come from their parents and are checked by
     * PostgreSQL), one object per name.
     */
    private List<dev.strata.model.Statistics> statistics(List<Table> tables) {
        List<dev.strata.model.Statistics> result = new ArrayList<>();
        Map<QualifiedName, Located> seen = new HashMap<>();
        Map<QualifiedName, Table> byName = new HashMap<>();
        tables.forEach(t -> byName.put(t.name(), t));
        for (StatisticsParser.Draft d : models.statistics) {
            dev.strata.model.Statistics s = d.statistics();
            Located first = seen.putIfAbsent(s.name(), new Located(d.where(), d.subject()));
            if (first != null) {
                problems.add(d.where(), d.subject(), "duplicate statistics name " + s.name() + " (also used by "
                        + first.subject() + " at " + first.where() + ")", "rename one of them");
                continue;
            }
            boolean view = extended.views.stream().anyMatch(v -> v.view().name().equals(s.table()) && v.view().materialized());
            Table table = byName.get(s.table());
            if (table == null && !view) {
                problems.add(d.where(), d.subject(), "statistics " + s.name().name() + " are on " + s.table()
                        + ", which no model defines as a table or materialized view", "define the table or fix :table");
                continue;
            }
            if (table != null && table.lineage().equals(dev.strata.model.TableLineage.NONE)) {
                for (String column : d.namedColumns()) {
                    if (table.columns().stream().noneMatch(c -> c.name().equals(column))) {
                        problems.add(d.where(), d.subject(), "unknown column " + column + " of " + s.table() + " in :on",
                                "use one of " + String.join(", ", table.columns().stream().map(dev.strata.model.Column::name).toList()));
                    }
                }
            }
            result.add(s);
        }
        return result;
    }

    private List<Trigger> triggers() {
        List<Trigger> result = new ArrayList<>();
        Map<String, Located> seen = new HashMap<>();
        for (ExtendedObjectParser.Located<Trigger> t : extended.triggers) {
            Trigger trigger = t.object();
            if (!hasRelation(trigger.table(), true)) {
                problems.add(t.where(), t.subject(), "trigger " + trigger.name() + " is on " + trigger.table()
                        + ", which no model defines", "define the table or fix the ON clause");
            }
            Located first = seen.putIfAbsent(trigger.table() + "." + trigger.name(),
                    new Located(t.where(), t.subject()));
            if (first != null) {
                problems.add(t.where(), t.subject(), "duplicate trigger name " + trigger.name() + " on "
                        + trigger.table() + " (also defined by " + first.subject() + " at " + first.where() + ")",
                        "rename one of the triggers");
            }
            result.add(trigger);
        }
        result.sort(Comparator.comparing(Trigger::name).thenComparing(Trigger::table));
        return result;
    }

    private List<Policy> policies(Set<String> rlsTables) {
        List<Policy> result = new ArrayList<>();
        Map<String, Located> seen = new HashMap<>();
        for (ExtendedObjectParser.Located<Policy> p : extended.policies) {
            Policy policy = p.object();
            if (!hasRelation(policy.table(), false)) {
                problems.add(p.where(), p.subject(), "policy " + policy.name() + " is on " + policy.table()
                        + ", which no model defines", "define the table or fix the ON clause");
            }
            Located first = seen.putIfAbsent(policy.table() + "." + policy.name(),
                    new Located(p.where(), p.subject()));
            if (first != null) {
                problems.add(p.where(), p.subject(), "duplicate policy name " + policy.name() + " on "
                        + policy.table() + " (also defined by " + first.subject() + " at " + first.where() + ")",
                        "rename one of the policies");
            }
            rlsTables.add(policy.table().toString());
            result.add(policy);
        }
        result.sort(Comparator.comparing(Policy::name).thenComparing(Policy::table));
        return result;
    }

    private Hints hints() {
        Map<QualifiedName, String> tableRenames = new HashMap<>();
        Map<Hints.ColumnKey, String> columnRenames = new HashMap<>();
        Map<Hints.ColumnKey, String> using = new HashMap<>();
        Map<QualifiedName, Map<String, String>> labelRenames = new HashMap<>();
        for (TableDraft t : tablesByName.values()) {
            if (t.renamedFrom() != null) {
                tableRenames.put(t.name(), t.renamedFrom());
            }
            for (FieldParser.Draft f : t.fields()) {
                Hints.ColumnKey key = new Hints.ColumnKey(t.name(), f.column().name());
                if (f.renamedFrom() != null) {
                    columnRenames.put(key, f.renamedFrom());
                }
                if (f.using() != null) {
                    using.put(key, f.using());
                }
            }
        }
        for (EnumDraft e : enumsByName.values()) {
            if (!e.labelRenames().isEmpty()) {
                labelRenames.put(e.qualifiedName(), e.labelRenames());
            }
        }
        for (Map.Entry<String, Location> d : models.droppedTables.entrySet()) {
            if (tablesByName.values().stream().anyMatch(t -> t.name().schema() == null && t.name().name().equals(d.getKey()))) {
                problems.add(d.getValue(), "model :" + d.getKey(), "table " + d.getKey() + " is marked {:drop true} and also defined",
                        "remove the {:drop true} entry, or the table's definition");
            }
        }
        return new Hints(tableRenames, columnRenames, using, labelRenames, models.acceptedLosses);
    }
}
