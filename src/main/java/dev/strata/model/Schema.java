package dev.strata.model;

import java.util.List;

/**
 * Schema represents every object Strata manages in one PostgreSQL schema. The EDN loader and the
 * catalog reader both produce it; lists are kept in a stable order (by name) so that two schemas
 * with the same objects are equal.
 *
 * <p>{@code targetComment} is the comment on the target schema itself ({@code COMMENT ON SCHEMA}),
 * or {@code null} when there is none. The comment {@code public} is created with ({@code standard
 * public schema}) counts as none, as pg_dump does not dump it either.
 */
public record Schema(
        List<Extension> extensions,
        List<EnumType> enums,
        List<Sequence> sequences,
        List<Table> tables,
        List<View> views,
        List<Function> functions,
        List<Trigger> triggers,
        List<Policy> policies,
        List<Domain> domains,
        List<CompositeType> compositeTypes,
        List<Namespace> namespaces,
        String targetComment,
        List<Collation> collations,
        List<Operator> operators,
        List<TextSearch> textSearch,
        List<AccessMethod> accessMethods,
        List<ForeignData.Wrapper> wrappers,
        List<ForeignData.Server> servers,
        List<RangeType> rangeTypes,
        List<Statistics> statistics) {

    public Schema {
        statistics = statistics == null ? List.of()
                : statistics.stream().sorted(java.util.Comparator.comparing(Statistics::name)).toList();
        rangeTypes = rangeTypes == null ? List.of()
                : rangeTypes.stream().sorted(java.util.Comparator.comparing(RangeType::name)).toList();
        wrappers = wrappers == null ? List.of()
                : wrappers.stream().sorted(java.util.Comparator.comparing(ForeignData.Wrapper::name)).toList();
        servers = servers == null ? List.of()
                : servers.stream().sorted(java.util.Comparator.comparing(ForeignData.Server::name)).toList();
        accessMethods = accessMethods == null ? List.of()
                : accessMethods.stream().sorted(java.util.Comparator.comparing(AccessMethod::name)).toList();
        textSearch = textSearch == null ? List.of() : textSearch.stream().sorted().toList();
        operators = operators == null ? List.of() : operators.stream().sorted().toList();
        collations = collations == null ? List.of()
                : collations.stream().sorted(java.util.Comparator.comparing(Collation::name)).toList();
        namespaces = namespaces.stream().sorted().toList();
        extensions = List.copyOf(extensions);
        enums = List.copyOf(enums);
        sequences = List.copyOf(sequences);
        tables = List.copyOf(tables);
        views = List.copyOf(views);
        functions = List.copyOf(functions);
        triggers = List.copyOf(triggers);
        policies = List.copyOf(policies);
        domains = List.copyOf(domains);
        compositeTypes = List.copyOf(compositeTypes);
    }

    /** A schema without foreign-data wrappers and servers. */
    public Schema(List<Extension> extensions, List<EnumType> enums, List<Sequence> sequences, List<Table> tables,
                  List<View> views, List<Function> functions, List<Trigger> triggers, List<Policy> policies,
                  List<Domain> domains, List<CompositeType> compositeTypes, List<Namespace> namespaces,
                  String targetComment, List<Collation> collations, List<Operator> operators,
                  List<TextSearch> textSearch, List<AccessMethod> accessMethods) {
        this(extensions, enums, sequences, tables, views, functions, triggers, policies, domains, compositeTypes,
                namespaces, targetComment, collations, operators, textSearch, accessMethods, List.of(), List.of(), List.of(), List.of());
    }

    /** This schema with other foreign-data wrappers and servers. */
    public Schema withForeignData(List<ForeignData.Wrapper> newWrappers, List<ForeignData.Server> newServers) {
        return new Schema(extensions, enums, sequences, tables, views, functions, triggers, policies, domains,
                compositeTypes, namespaces, targetComment, collations, operators, textSearch, accessMethods,
                newWrappers, newServers, rangeTypes, statistics);
    }

    /** A schema without access methods. */
    public Schema(List<Extension> extensions, List<EnumType> enums, List<Sequence> sequences, List<Table> tables,
                  List<View> views, List<Function> functions, List<Trigger> triggers, List<Policy> policies,
                  List<Domain> domains, List<CompositeType> compositeTypes, List<Namespace> namespaces,
                  String targetComment, List<Collation> collations, List<Operator> operators,
                  List<TextSearch> textSearch) {
        this(extensions, enums, sequences, tables, views, functions, triggers, policies, domains, compositeTypes,
                namespaces, targetComment, collations, operators, textSearch, List.of());
    }

    /** This schema with other access methods. */
    public Schema withAccessMethods(List<AccessMethod> newAccessMethods) {
        return new Schema(extensions, enums, sequences, tables, views, functions, triggers, policies, domains,
                compositeTypes, namespaces, targetComment, collations, operators, textSearch, newAccessMethods, wrappers, servers, rangeTypes, statistics);
    }

    /** A schema without text search objects. */
    public Schema(List<Extension> extensions, List<EnumType> enums, List<Sequence> sequences, List<Table> tables,
                  List<View> views, List<Function> functions, List<Trigger> triggers, List<Policy> policies,
                  List<Domain> domains, List<CompositeType> compositeTypes, List<Namespace> namespaces,
                  String targetComment, List<Collation> collations, List<Operator> operators) {
        this(extensions, enums, sequences, tables, views, functions, triggers, policies, domains, compositeTypes,
                namespaces, targetComment, collations, operators, List.of());
    }

    /** This schema with other text search objects. */
    public Schema withTextSearch(List<TextSearch> newTextSearch) {
        return new Schema(extensions, enums, sequences, tables, views, functions, triggers, policies, domains,
                compositeTypes, namespaces, targetComment, collations, operators, newTextSearch, accessMethods, wrappers, servers, rangeTypes, statistics);
    }

    /** A schema without operators. */
    public Schema(List<Extension> extensions, List<EnumType> enums, List<Sequence> sequences, List<Table> tables,
                  List<View> views, List<Function> functions, List<Trigger> triggers, List<Policy> policies,
                  List<Domain> domains, List<CompositeType> compositeTypes, List<Namespace> namespaces,
                  String targetComment, List<Collation> collations) {
        this(extensions, enums, sequences, tables, views, functions, triggers, policies, domains, compositeTypes,
                namespaces, targetComment, collations, List.of());
    }

    /** This schema with other operators. */
    public Schema withOperators(List<Operator> newOperators) {
        return new Schema(extensions, enums, sequences, tables, views, functions, triggers, policies, domains,
                compositeTypes, namespaces, targetComment, collations, newOperators, textSearch, accessMethods, wrappers, servers, rangeTypes, statistics);
    }

    /** A schema without collations. */
    public Schema(List<Extension> extensions, List<EnumType> enums, List<Sequence> sequences, List<Table> tables,
                  List<View> views, List<Function> functions, List<Trigger> triggers, List<Policy> policies,
                  List<Domain> domains, List<CompositeType> compositeTypes, List<Namespace> namespaces,
                  String targetComment) {
        this(extensions, enums, sequences, tables, views, functions, triggers, policies, domains, compositeTypes,
                namespaces, targetComment, List.of());
    }

    /** This schema with other collations. */
    public Schema withCollations(List<Collation> newCollations) {
        return new Schema(extensions, enums, sequences, tables, views, functions, triggers, policies, domains,
                compositeTypes, namespaces, targetComment, newCollations, operators, textSearch, accessMethods, wrappers, servers, rangeTypes, statistics);
    }

    /** A schema without a comment on the target schema. */
    public Schema(List<Extension> extensions, List<EnumType> enums, List<Sequence> sequences, List<Table> tables,
                  List<View> views, List<Function> functions, List<Trigger> triggers, List<Policy> policies,
                  List<Domain> domains, List<CompositeType> compositeTypes, List<Namespace> namespaces) {
        this(extensions, enums, sequences, tables, views, functions, triggers, policies, domains, compositeTypes,
                namespaces, null);
    }

    /** This schema with another comment on the target schema. */
    public Schema withTargetComment(String newTargetComment) {
        return new Schema(extensions, enums, sequences, tables, views, functions, triggers, policies, domains,
                compositeTypes, namespaces, newTargetComment, collations, operators, textSearch, accessMethods, wrappers, servers, rangeTypes, statistics);
    }

    /** A schema of the target schema alone (no other namespaces). */
    public Schema(List<Extension> extensions, List<EnumType> enums, List<Sequence> sequences, List<Table> tables,
                  List<View> views, List<Function> functions, List<Trigger> triggers, List<Policy> policies,
                  List<Domain> domains, List<CompositeType> compositeTypes) {
        this(extensions, enums, sequences, tables, views, functions, triggers, policies, domains, compositeTypes,
                List.of());
    }

    /** This schema with other namespaces (the schemas besides the target one it manages). */
    public Schema withNamespaces(List<Namespace> newNamespaces) {
        return new Schema(extensions, enums, sequences, tables, views, functions, triggers, policies, domains,
                compositeTypes, newNamespaces, targetComment, collations, operators, textSearch, accessMethods, wrappers, servers, rangeTypes, statistics);
    }

    /** This schema with other range types. */
    public Schema withRangeTypes(List<RangeType> newRangeTypes) {
        return new Schema(extensions, enums, sequences, tables, views, functions, triggers, policies, domains,
                compositeTypes, namespaces, targetComment, collations, operators, textSearch, accessMethods, wrappers, servers,
                newRangeTypes, statistics);
    }

    /** This schema with other extended statistics objects. */
    public Schema withStatistics(List<Statistics> newStatistics) {
        return new Schema(extensions, enums, sequences, tables, views, functions, triggers, policies, domains,
                compositeTypes, namespaces, targetComment, collations, operators, textSearch, accessMethods, wrappers, servers,
                rangeTypes, newStatistics);
    }

    /** The names of the namespaces, sorted. */
    public List<String> namespaceNames() {
        return namespaces.stream().map(Namespace::name).toList();
    }

    /** A schema without domains and composite types (the signature from before they were modelled). */
    public Schema(List<Extension> extensions, List<EnumType> enums, List<Sequence> sequences, List<Table> tables,
                  List<View> views, List<Function> functions, List<Trigger> triggers, List<Policy> policies) {
        this(extensions, enums, sequences, tables, views, functions, triggers, policies, List.of(), List.of());
    }

    /** This schema with other domains and composite types. */
    public Schema withTypes(List<Domain> newDomains, List<CompositeType> newCompositeTypes) {
        return new Schema(extensions, enums, sequences, tables, views, functions, triggers, policies, newDomains,
                newCompositeTypes, namespaces, targetComment, collations, operators, textSearch, accessMethods, wrappers, servers, rangeTypes, statistics);
    }

    public static Schema empty() {
        return new Schema(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    public java.util.Optional<Table> table(String name) {
        return tables.stream().filter(t -> t.name().schema() == null && t.name().name().equals(name)).findFirst();
    }

    public java.util.Optional<EnumType> enumType(String name) {
        return enums.stream().filter(e -> e.name().schema() == null && e.name().name().equals(name)).findFirst();
    }

    public java.util.Optional<Domain> domain(String name) {
        return domains.stream().filter(d -> d.name().schema() == null && d.name().name().equals(name)).findFirst();
    }

    public java.util.Optional<CompositeType> compositeType(String name) {
        return compositeTypes.stream().filter(c -> c.name().schema() == null && c.name().name().equals(name)).findFirst();
    }
}
