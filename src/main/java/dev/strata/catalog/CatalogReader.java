package dev.strata.catalog;

import dev.strata.sql.SqlText;
import dev.strata.ErrorCode;
import dev.strata.StrataException;
import dev.strata.catalog.Dependency.ObjectKind;
import dev.strata.catalog.Dependency.ObjectRef;
import dev.strata.model.Column;
import dev.strata.model.ColumnType;
import dev.strata.model.Constraint;
import dev.strata.model.CompositeType;
import dev.strata.model.Domain;
import dev.strata.model.EnumType;
import dev.strata.model.Extension;
import dev.strata.model.Function;
import dev.strata.model.IdentitySequence;
import dev.strata.model.Index;
import dev.strata.model.Policy;
import dev.strata.model.QualifiedName;
import dev.strata.model.Schema;
import dev.strata.model.Sequence;
import dev.strata.model.StorageParameters;
import dev.strata.model.Table;
import dev.strata.model.TableLineage;
import dev.strata.model.Trigger;
import dev.strata.model.View;
import dev.strata.sql.Ddl;
import dev.strata.sql.Identifiers;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * CatalogReader reads one schema of a live PostgreSQL database from pg_catalog into a
 * {@link Schema} in its normal form: the form the differ compares and the renderer re-applies.
 * It sends a fixed number of queries whatever the size of the schema (one per object kind, SQL in
 * {@code dev/strata/catalog/*.sql}). Objects of the inspected schema carry no schema in their
 * {@link QualifiedName}, so the same DDL applied in two schemas reads back to equal records.
 * See docs/catalog.md.
 */
public final class CatalogReader {
    private static final Set<ObjectKind> RELATIONS =
            EnumSet.of(ObjectKind.TABLE, ObjectKind.VIEW, ObjectKind.MATERIALIZED_VIEW, ObjectKind.FOREIGN_TABLE);

    private CatalogReader() {
    }

    /** Reads schema {@code schemaName} through {@code connection}. */
    public static Schema read(Connection connection, String schemaName) {
        return inspect(connection, schemaName).schema();
    }

    /**
     * Reads schema {@code schemaName} with its dependency edges and the cost of the read. On a
     * connection in auto-commit mode the reads share one repeatable-read, read-only transaction;
     * inside a caller's transaction they run there. Either way search_path is as it was after.
     */
    public static CatalogRead inspect(Connection connection, String schemaName) {
        return inspect(connection, schemaName, List.of());
    }

    /**
     * Reads schema {@code schemaName} and, with the same fixed number of queries, the other schemas
     * {@code otherSchemas} that exist: their objects come back qualified with their schema, and
     * each of them as a {@link dev.strata.model.Namespace} of the result. An other schema that
     * does not exist is left out (a diff then creates it). Names in SQL text (defaults, views,
     * function bodies) are printed as seen from {@code schemaName}: its own objects unqualified,
     * the others' qualified.
     */
    public static CatalogRead inspect(Connection connection, String schemaName, java.util.Collection<String> otherSchemas) {
        long started = System.nanoTime();
        String[] others = otherSchemas.stream().filter(n -> !n.equals(schemaName)).distinct().sorted()
                .toArray(String[]::new);
        CatalogQueries queries = new CatalogQueries(connection, Map.of("schema_name", schemaName,
                "schema_names", others));
        Contents contents;
        try {
            boolean ownTransaction = connection.getAutoCommit();
            String previousSearchPath = null;
            RuntimeException failure = null;
            try {
                if (ownTransaction) {
                    connection.setAutoCommit(false);
                    queries.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                }
                Prepared prepared = queries.query("prepare", rs -> new Prepared(
                        rs.getString("previous_search_path"),
                        rs.getObject("schema_oid") == null ? null : rs.getLong("schema_oid"),
                        longs(rs, "schema_oids"))).get(0);
                previousSearchPath = prepared.previousSearchPath();
                if (prepared.schemaOid() == null) {
                    throw new StrataException(ErrorCode.DATABASE, "schema " + schemaName + " does not exist in database "
                            + connection.getCatalog() + "\n  Create it (CREATE SCHEMA " + Identifiers.quote(schemaName)
                            + ") or name an existing schema.");
                }
                queries.bind("schema_oid", prepared.schemaOid());
                queries.bind("schema_oids", prepared.schemaOids());
                contents = readContents(queries);
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            } finally {
                finish(connection, queries, ownTransaction, previousSearchPath, failure);
            }
        } catch (SQLException e) {
            throw new StrataException(ErrorCode.DATABASE, "could not read schema " + schemaName
                    + " from the catalog: " + e.getMessage()
                    + "\n  Check that the connection is open and may read pg_catalog.", e);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        return new CatalogRead(contents.schema(), contents.dependencies(), queries.count(), millis);
    }

    private record Prepared(String previousSearchPath, Long schemaOid, Long[] schemaOids) {
    }

    /**
     * The user schemas of the database: every schema but pg_catalog, information_schema, pg_toast,
     * temporary schemas and schemas that belong to an extension, sorted by name. One query.
     */
    public static List<String> userSchemas(Connection connection) {
        try {
            return new CatalogQueries(connection, Map.of()).query("user_schemas", rs -> rs.getString("schema_name"));
        } catch (SQLException e) {
            throw new StrataException(ErrorCode.DATABASE, "could not list the schemas of database "
                    + catalogName(connection) + ": " + e.getMessage(), e);
        }
    }

    private static String catalogName(Connection connection) {
        try {
            return connection.getCatalog();
        } catch (SQLException e) {
            return "?";
        }
    }

    private static Long[] longs(ResultSet rs, String column) throws SQLException {
        java.sql.Array array = rs.getArray(column);
        try {
            Object[] values = (Object[]) array.getArray();
            Long[] out = new Long[values.length];
            for (int i = 0; i < values.length; i++) {
                out[i] = ((Number) values[i]).longValue();
            }
            return out;
        } finally {
            array.free();
        }
    }

    private record Contents(Schema schema, List<Dependency> dependencies) {
    }

    private record TableRow(long oid, QualifiedName name, boolean rowLevelSecurity, String comment, boolean unlogged,
                            List<String> storage, boolean forceRowLevelSecurity, String replicaIdentity,
                            String replicaIdentityIndex, String clusterOn, TableLineage lineage, String accessMethod,
                            dev.strata.model.ForeignData.Table foreign) {
    }

    private record IndexRow(long tableOid, boolean onMaterializedView, Index index) {
    }

    private static void finish(Connection connection, CatalogQueries queries, boolean ownTransaction,
                               String previousSearchPath, RuntimeException failure) throws SQLException {
        try {
            if (ownTransaction) {
                // Rolling back also undoes the search_path change made inside the transaction.
                connection.rollback();
                connection.setAutoCommit(true);
            } else if (previousSearchPath != null) {
                queries.execute("SELECT pg_catalog.set_config('search_path', "
                        + Identifiers.literal(previousSearchPath) + ", false)");
            }
        } catch (SQLException e) {
            if (failure == null) {
                throw e;
            }
            failure.addSuppressed(e);
        }
    }

    private static Contents readContents(CatalogQueries q) throws SQLException {
        List<TableRow> tableRows = q.query("tables", rs -> new TableRow(rs.getLong("table_oid"),
                name(rs.getString("object_schema"), rs.getString("table_name")), rs.getBoolean("row_level_security"), rs.getString("comment"),
                rs.getBoolean("unlogged"), CatalogQueries.strings(rs, "storage"),
                rs.getBoolean("force_row_level_security"), rs.getString("replica_identity"),
                rs.getString("replica_identity_index"), rs.getString("cluster_on"), lineage(rs),
                rs.getString("access_method"), rs.getString("foreign_server") == null ? null
                        : new dev.strata.model.ForeignData.Table(rs.getString("foreign_server"),
                                StorageParameters.fromReloptions(CatalogQueries.strings(rs, "foreign_options")))));
        Map<Long, List<Column>> columns = new HashMap<>();
        Map<Long, java.util.SortedMap<String, dev.strata.model.DerivedColumn>> derived = new HashMap<>();
        for (Map.Entry<Long, Object> e : q.query("columns", rs -> Map.<Long, Object>entry(rs.getLong("table_oid"),
                rs.getBoolean("derived") ? Map.entry(rs.getString("column_name"), derivedColumn(rs)) : column(rs)))) {
            if (e.getValue() instanceof Column c) {
                columns.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(c);
            } else {
                @SuppressWarnings("unchecked")
                Map.Entry<String, dev.strata.model.DerivedColumn> d =
                        (Map.Entry<String, dev.strata.model.DerivedColumn>) e.getValue();
                derived.computeIfAbsent(e.getKey(), k -> new java.util.TreeMap<>()).put(d.getKey(), d.getValue());
            }
        }
        Map<Long, List<Constraint>> constraints =
                group(q.query("constraints", rs -> Map.entry(rs.getLong("table_oid"), constraint(rs))));
        List<IndexRow> indexRows = q.query("indexes", rs -> new IndexRow(rs.getLong("table_oid"),
                "m".equals(rs.getString("table_kind")), index(rs)));
        List<EnumType> enums = q.query("enums", rs -> new EnumType(name(rs.getString("object_schema"), rs.getString("enum_name")),
                CatalogQueries.strings(rs, "labels"), rs.getString("comment")));
        List<Domain> domains = q.query("domains", CatalogReader::domain);
        List<CompositeType> composites = compositeTypes(q.query("composite_types", CompositeRow::of));
        List<dev.strata.model.Operator> operators = q.query("operators", rs -> new dev.strata.model.Operator(
                name(rs.getString("object_schema"), rs.getString("operator_name")), rs.getString("left_type"),
                rs.getString("right_type"), rs.getString("function"), rs.getString("commutator"),
                rs.getString("negator"), rs.getString("restrict_function"), rs.getString("join_function"),
                rs.getBoolean("hashes"), rs.getBoolean("merges"), rs.getString("comment")));
        List<dev.strata.model.TextSearch> textSearch = q.query("text_search", CatalogReader::textSearch);
        List<Object> foreignData = q.query("foreign_data", CatalogReader::foreignData);
        List<dev.strata.model.ForeignData.Wrapper> wrappers = foreignData.stream()
                .filter(dev.strata.model.ForeignData.Wrapper.class::isInstance)
                .map(dev.strata.model.ForeignData.Wrapper.class::cast).toList();
        List<dev.strata.model.ForeignData.Server> servers = foreignData.stream()
                .filter(dev.strata.model.ForeignData.Server.class::isInstance)
                .map(dev.strata.model.ForeignData.Server.class::cast).toList();
        List<dev.strata.model.AccessMethod> accessMethods = q.query("access_methods", rs -> new dev.strata.model.AccessMethod(
                rs.getString("access_method_name"), rs.getString("access_method_type"), rs.getString("handler"),
                rs.getString("comment")));
        List<dev.strata.model.Collation> collations = q.query("collations", rs -> new dev.strata.model.Collation(
                name(rs.getString("object_schema"), rs.getString("collation_name")), rs.getString("provider"),
                rs.getString("locale"), rs.getString("lc_collate"), rs.getString("lc_ctype"),
                rs.getBoolean("deterministic"), rs.getString("rules"), rs.getString("comment")));
        List<dev.strata.model.RangeType> rangeTypes = q.query("range_types", rs -> new dev.strata.model.RangeType(
                name(rs.getString("object_schema"), rs.getString("type_name")), rs.getString("subtype"),
                rs.getString("subtype_opclass"), rs.getString("collation"), rs.getString("canonical"),
                rs.getString("subtype_diff"), rs.getString("multirange"), rs.getString("comment")));
        List<dev.strata.model.Statistics> statistics = q.query("statistics", rs -> new dev.strata.model.Statistics(
                name(rs.getString("object_schema"), rs.getString("statistics_name")),
                name(rs.getString("table_schema"), rs.getString("table_name")), CatalogQueries.strings(rs, "kinds"),
                rs.getString("keys"), CatalogQueries.strings(rs, "columns"), (Integer) rs.getObject("target"),
                rs.getString("comment")));
        List<Sequence> sequences = q.query("sequences", CatalogReader::sequence);
        List<ViewRow> viewRows = q.query("views", rs -> new ViewRow(name(rs.getString("object_schema"), rs.getString("view_name")),
                rs.getBoolean("materialized"), rs.getBoolean("populated"), rs.getString("definition"),
                CatalogQueries.strings(rs, "storage"), rs.getString("comment"), rs.getString("access_method")));
        List<Function> functions = q.query("functions", CatalogReader::function);
        List<Trigger> triggers = q.query("triggers", rs -> new Trigger(rs.getString("trigger_name"),
                name(rs.getString("object_schema"), rs.getString("table_name")), rs.getString("definition"), null,
                Trigger.Enablement.ofCode(rs.getString("enabled")), rs.getString("comment")));
        List<Policy> policies = q.query("policies", CatalogReader::policy);
        List<Extension> extensions = q.query("extensions", rs -> new Extension(rs.getString("extension_name"),
                blankToNull(rs.getString("extension_schema")), rs.getString("extension_version")));
        List<SchemaRow> schemaRows = q.query("namespaces", rs -> new SchemaRow(
                new dev.strata.model.Namespace(rs.getString("schema_name"), rs.getString("comment")), rs.getBoolean("target")));
        String targetComment = schemaRows.stream().filter(SchemaRow::target).map(r -> r.namespace().comment())
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        List<dev.strata.model.Namespace> namespaces = schemaRows.stream().filter(r -> !r.target())
                .map(SchemaRow::namespace).toList();
        List<Dependency> dependencies = q.query("dependencies", CatalogReader::dependency);

        Map<Long, List<Index>> tableIndexes = new HashMap<>();
        Map<QualifiedName, List<Index>> viewIndexes = new HashMap<>();
        for (IndexRow row : indexRows) {
            if (row.onMaterializedView()) {
                viewIndexes.computeIfAbsent(row.index().table(), k -> new ArrayList<>()).add(row.index());
            } else {
                tableIndexes.computeIfAbsent(row.tableOid(), k -> new ArrayList<>()).add(row.index());
            }
        }
        List<Table> tables = new ArrayList<>();
        for (TableRow row : tableRows) {
            tables.add(new Table(row.name(),
                    columns.getOrDefault(row.oid(), List.of()),
                    sorted(constraints.getOrDefault(row.oid(), List.of()), Comparator.comparing(Constraint::name)),
                    sorted(tableIndexes.getOrDefault(row.oid(), List.of()), Comparator.comparing(Index::name)),
                    row.rowLevelSecurity(), row.comment(), row.unlogged(),
                    StorageParameters.fromReloptions(row.storage()), row.forceRowLevelSecurity(),
                    row.lineage().withColumnOptions(derived.get(row.oid())))
                    .withAccessMethod(row.accessMethod()).withForeign(row.foreign())
                    .withIndexSettings(replicaIdentity(row), "INDEX".equals(replicaIdentity(row))
                            ? row.replicaIdentityIndex() : null, row.clusterOn()));
        }
        List<View> views = new ArrayList<>();
        for (ViewRow row : viewRows) {
            QualifiedName name = row.name();
            List<QualifiedName> reads = dependencies.stream()
                    .filter(d -> d.from().name().equals(name)
                            && (d.from().kind() == ObjectKind.VIEW || d.from().kind() == ObjectKind.MATERIALIZED_VIEW))
                    .filter(d -> RELATIONS.contains(d.to().kind()) && !d.to().name().equals(name))
                    .map(d -> d.to().name())
                    .distinct()
                    .sorted()
                    .toList();
            views.add(new View(name, row.materialized(), row.statement(), null,
                    sorted(viewIndexes.getOrDefault(row.name(), List.of()), Comparator.comparing(Index::name)), reads,
                    row.comment()));
        }
        Schema schema = new Schema(
                sorted(extensions, Comparator.comparing(Extension::name)),
                sorted(enums, Comparator.comparing(EnumType::name)),
                sorted(sequences, Comparator.comparing(Sequence::name)),
                sorted(tables, Comparator.comparing(Table::name)),
                sorted(views, Comparator.comparing(View::name)),
                sorted(functions, Comparator.comparing(Function::name).thenComparing(Function::arguments)),
                sorted(triggers, Comparator.comparing(Trigger::table).thenComparing(Trigger::name)),
                sorted(policies, Comparator.comparing(Policy::table).thenComparing(Policy::name)),
                sorted(domains, Comparator.comparing(Domain::name)),
                sorted(composites, Comparator.comparing(CompositeType::name)),
                namespaces, targetComment, collations, operators, textSearch, accessMethods, wrappers, servers, rangeTypes,
                statistics);
        return new Contents(schema, sorted(dependencies, Comparator.naturalOrder()));
    }

    /** The partitioning, partition bound, INHERITS parents and OF type of one row of tables.sql. */
    private static TableLineage lineage(ResultSet rs) throws SQLException {
        List<String> parentSchemas = CatalogQueries.strings(rs, "parent_schemas");
        List<String> parentNames = CatalogQueries.strings(rs, "parent_names");
        List<QualifiedName> parents = new ArrayList<>();
        for (int i = 0; i < parentNames.size(); i++) {
            parents.add(name(parentSchemas.get(i), parentNames.get(i)));
        }
        String bound = rs.getString("partition_bound");
        String ofType = rs.getString("of_type_name");
        QualifiedName type = ofType == null ? null : name(rs.getString("of_type_schema"), ofType);
        if (bound != null) {
            return new TableLineage(rs.getString("partition_key"), parents.get(0), bound, List.of(), type);
        }
        return new TableLineage(rs.getString("partition_key"), null, null, parents, type);
    }

    /** INDEX without an index (the index was dropped) acts as NOTHING. */
    private static String replicaIdentity(TableRow row) {
        return "INDEX".equals(row.replicaIdentity()) && row.replicaIdentityIndex() == null ? "NOTHING"
                : row.replicaIdentity();
    }

    private static Domain domain(ResultSet rs) throws SQLException {
        String baseName = rs.getString("base_type_name");
        QualifiedName baseType = baseName == null ? null : name(rs.getString("base_type_schema"), baseName);
        List<String> names = CatalogQueries.strings(rs, "check_names");
        List<String> definitions = CatalogQueries.strings(rs, "check_definitions");
        List<String> comments = CatalogQueries.strings(rs, "check_comments");
        List<Domain.Check> checks = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String definition = definitions.get(i);
            boolean notValid = definition.endsWith(" NOT VALID");
            checks.add(new Domain.Check(names.get(i), notValid
                    ? definition.substring(0, definition.length() - " NOT VALID".length()) : definition, notValid,
                    comments.get(i)));
        }
        return new Domain(name(rs.getString("object_schema"), rs.getString("domain_name")), new ColumnType(rs.getString("base_sql"), baseType),
                rs.getString("collation"), rs.getBoolean("not_null"), rs.getString("default_expr"), checks,
                rs.getString("comment"));
    }

    /** One row of composite_types.sql: a type and one of its attributes (null for a type without any). */
    private record CompositeRow(QualifiedName type, String comment, CompositeType.Attribute attribute) {
        static CompositeRow of(ResultSet rs) throws SQLException {
            String attribute = rs.getString("attribute_name");
            QualifiedName type = name(rs.getString("object_schema"), rs.getString("type_name"));
            if (attribute == null) {
                return new CompositeRow(type, rs.getString("comment"), null);
            }
            String typeName = rs.getString("user_type_name");
            QualifiedName userType = typeName == null ? null : name(rs.getString("user_type_schema"), typeName);
            return new CompositeRow(type, rs.getString("comment"), new CompositeType.Attribute(
                    attribute, new ColumnType(rs.getString("type_sql"), userType), rs.getString("collation")));
        }
    }

    private static List<CompositeType> compositeTypes(List<CompositeRow> rows) {
        Map<QualifiedName, List<CompositeRow>> byType = new java.util.LinkedHashMap<>();
        rows.forEach(r -> byType.computeIfAbsent(r.type(), k -> new ArrayList<>()).add(r));
        List<CompositeType> types = new ArrayList<>();
        byType.forEach((type, typeRows) -> types.add(new CompositeType(type,
                typeRows.stream().map(CompositeRow::attribute).filter(java.util.Objects::nonNull).toList(),
                typeRows.get(0).comment())));
        return types;
    }

    private record ViewRow(QualifiedName name, boolean materialized, boolean populated, String definition,
                           List<String> storage, String comment, String accessMethod) {
        /**
         * {@code CREATE [MATERIALIZED] VIEW name [WITH (storage parameters)] AS\n<pg_get_viewdef>}
         * without the semicolon; a materialized view ends in {@code WITH [NO] DATA}.
         */
        String statement() {
            String body = definition.stripTrailing();
            if (body.endsWith(";")) {
                body = body.substring(0, body.length() - 1);
            }
            String quoted = Identifiers.quote(name);
            // A view's options (security_barrier, security_invoker, check_option) are reloptions
            // too, and pg_get_viewdef leaves them out: without them a changed option would pass unseen.
            String with = storage == null || storage.isEmpty() ? ""
                    : " WITH (" + Ddl.storageList(StorageParameters.fromReloptions(storage)) + ")";
            if (!materialized) {
                return "CREATE VIEW " + quoted + with + " AS\n" + body;
            }
            String using = accessMethod == null ? "" : " USING " + Identifiers.quote(accessMethod);
            return "CREATE MATERIALIZED VIEW " + quoted + using + with + " AS\n" + body + (populated ? "\nWITH DATA" : "\nWITH NO DATA");
        }
    }

    private static Column column(ResultSet rs) throws SQLException {
        String typeName = rs.getString("user_type_name");
        QualifiedName userType = typeName == null ? null : name(rs.getString("user_type_schema"), typeName);
        String identity = rs.getString("identity");
        return new Column(rs.getString("column_name"),
                new ColumnType(rs.getString("type_sql"), userType),
                rs.getBoolean("not_null"),
                ExpressionForms.canonical(rs.getString("default_expr")),
                identity == null ? null : Column.Identity.valueOf(identity),
                ExpressionForms.canonical(rs.getString("generated_expr")),
                rs.getString("collation"),
                rs.getString("comment")).withSettings(identitySequence(rs),
                (Integer) rs.getObject("statistics"), rs.getString("storage"), rs.getString("compression"),
                StorageParameters.fromReloptions(CatalogQueries.strings(rs, "options")))
                .withFdwOptions(StorageParameters.fromReloptions(CatalogQueries.strings(rs, "fdw_options")));
    }

    /**
     * What a derived column of a partition, inheritance child or typed table has of its own: NOT
     * NULL that no parent has and the table's primary key does not imply, a default unlike the
     * first parent's, and its comment.
     */
    private static dev.strata.model.DerivedColumn derivedColumn(ResultSet rs) throws SQLException {
        boolean notNull = rs.getBoolean("not_null") && !rs.getBoolean("parent_not_null") && !rs.getBoolean("in_key");
        String own = ExpressionForms.canonical(rs.getString("default_expr"));
        String parent = ExpressionForms.canonical(rs.getString("parent_default"));
        boolean sameDefault = java.util.Objects.equals(own, parent);
        return new dev.strata.model.DerivedColumn(notNull, sameDefault ? null : own, !sameDefault && own == null,
                rs.getString("comment"));
    }

    private static IdentitySequence identitySequence(ResultSet rs) throws SQLException {
        String name = rs.getString("seq_name");
        return name == null ? null : new IdentitySequence(name, rs.getLong("seq_start"), rs.getLong("seq_increment"),
                rs.getLong("seq_min"), rs.getLong("seq_max"), rs.getLong("seq_cache"), rs.getBoolean("seq_cycle"),
                rs.getString("seq_persistence"));
    }

    private static Constraint constraint(ResultSet rs) throws SQLException {
        return kindOfConstraint(rs).withComment(rs.getString("comment"));
    }

    private static Constraint kindOfConstraint(ResultSet rs) throws SQLException {
        String name = rs.getString("constraint_name");
        String type = rs.getString("constraint_type");
        List<String> columns = CatalogQueries.strings(rs, "columns");
        String definition = rs.getString("definition");
        boolean deferrable = rs.getBoolean("deferrable");
        boolean initiallyDeferred = rs.getBoolean("initially_deferred");
        boolean notValid = !rs.getBoolean("validated");
        if (type.equals("p")) {
            return new Constraint.PrimaryKey(name, columns, deferrable, initiallyDeferred,
                    CatalogQueries.strings(rs, "include"), StorageParameters.fromReloptions(CatalogQueries.strings(rs,
                            "index_storage")));
        } else if (type.equals("u")) {
            return new Constraint.Unique(name, columns, rs.getBoolean("nulls_not_distinct"), deferrable,
                    initiallyDeferred, CatalogQueries.strings(rs, "include"),
                    StorageParameters.fromReloptions(CatalogQueries.strings(rs, "index_storage")));
        } else if (type.equals("c")) {
            return new Constraint.Check(name, ExpressionForms.canonical(checkExpression(definition)),
                    rs.getBoolean("no_inherit"), notValid);
        } else if (type.equals("f")) {
            return new Constraint.ForeignKey(name, columns,
                    name(rs.getString("ref_schema"), rs.getString("ref_table")),
                    CatalogQueries.strings(rs, "ref_columns"),
                    action(rs.getString("on_delete")), action(rs.getString("on_update")),
                    deferrable, initiallyDeferred,
                    "f".equals(rs.getString("match_type")) ? Constraint.Match.FULL : Constraint.Match.SIMPLE,
                    notValid, CatalogQueries.strings(rs, "delete_set_columns"));
        } else if (type.equals("x")) {
            return new Constraint.Exclusion(name, exclusionDefinition(definition), deferrable, initiallyDeferred);
        }
        throw new IllegalStateException("unsupported constraint type " + type + " of " + name);
    }

    /**
     * {@code EXCLUDE USING gist (r WITH &&) DEFERRABLE INITIALLY DEFERRED} gives
     * {@code EXCLUDE USING gist (r WITH &&)}: the flags are read from their own columns. They come
     * last, after the parenthesised WHERE predicate, so cutting them off the end is safe.
     */
    static String exclusionDefinition(String definition) {
        String s = definition.strip();
        for (String flag : List.of(" INITIALLY DEFERRED", " DEFERRABLE")) {
            if (s.endsWith(flag)) {
                s = s.substring(0, s.length() - flag.length());
            }
        }
        return s;
    }

    /** {@code CHECK ((a > 0)) NOT VALID} gives {@code ((a > 0))}: the flags after it are not kept. */
    static String checkExpression(String definition) {
        int open = definition.indexOf('(');
        if (!definition.startsWith("CHECK ") || open < 0) {
            throw new IllegalStateException("unexpected check constraint definition: " + definition);
        }
        return definition.substring(open, SqlText.closingParen(definition, open) + 1);
    }

    private static Constraint.Action action(String code) {
        if (code.equals("a")) {
            return Constraint.Action.NO_ACTION;
        } else if (code.equals("r")) {
            return Constraint.Action.RESTRICT;
        } else if (code.equals("c")) {
            return Constraint.Action.CASCADE;
        } else if (code.equals("n")) {
            return Constraint.Action.SET_NULL;
        } else if (code.equals("d")) {
            return Constraint.Action.SET_DEFAULT;
        }
        throw new IllegalStateException("unsupported referential action " + code);
    }

    private static Index index(ResultSet rs) throws SQLException {
        IndexDefinition parts = IndexDefinition.parse(rs.getString("definition"));
        return new Index(rs.getString("index_name"), name(rs.getString("object_schema"), rs.getString("table_name")),
                rs.getBoolean("is_unique"), rs.getString("method"), parts.keys(), parts.include(),
                ExpressionForms.canonical(parts.where()),
                StorageParameters.fromReloptions(CatalogQueries.strings(rs, "storage")), rs.getString("comment"),
                rs.getBoolean("nulls_not_distinct"));
    }

    private static Sequence sequence(ResultSet rs) throws SQLException {
        return new Sequence(name(rs.getString("object_schema"), rs.getString("sequence_name")), rs.getString("data_type"),
                rs.getLong("start_value"), rs.getLong("increment"), rs.getLong("min_value"),
                rs.getLong("max_value"), rs.getLong("cache"), rs.getBoolean("cycle"), rs.getString("owned_by"),
                rs.getString("comment"), rs.getBoolean("unlogged"));
    }

    private static Function function(ResultSet rs) throws SQLException {
        if (rs.getBoolean("is_aggregate")) {
            return aggregate(rs);
        }
        boolean procedure = rs.getBoolean("is_procedure");
        String definition = rs.getString("definition");
        String header = "CREATE OR REPLACE " + (procedure ? "PROCEDURE " : "FUNCTION ");
        String qualifier = rs.getString("quoted_schema") + ".";
        QualifiedName name = name(rs.getString("object_schema"), rs.getString("function_name"));
        // The inspected schema's functions are written unqualified, like its other objects; those
        // of other schemas keep the qualifier that says where they live.
        if (name.schema() == null && definition.startsWith(header + qualifier)) {
            definition = header + definition.substring(header.length() + qualifier.length());
        }
        return new Function(name, rs.getString("arguments"),
                procedure, definition.stripTrailing(), null, rs.getString("comment"), null);
    }

    /** An aggregate; its definition is the CREATE AGGREGATE its parts give ({@code *} for no arguments). */
    private static Function aggregate(ResultSet rs) throws SQLException {
        String arguments = rs.getString("agg_arguments");
        dev.strata.model.Aggregate aggregate = new dev.strata.model.Aggregate(
                arguments == null || arguments.isEmpty() ? "*" : arguments,
                rs.getString("agg_sfunc"), rs.getString("agg_stype"), rs.getLong("agg_sspace"),
                rs.getString("agg_finalfunc"), rs.getBoolean("agg_finalfunc_extra"),
                rs.getString("agg_finalfunc_modify"), rs.getString("agg_combinefunc"),
                rs.getString("agg_serialfunc"), rs.getString("agg_deserialfunc"), rs.getString("agg_initcond"),
                rs.getString("agg_sortop"), rs.getString("agg_parallel"), rs.getBoolean("agg_hypothetical"),
                rs.getString("agg_msfunc") == null ? null : new dev.strata.model.Aggregate.Moving(
                        rs.getString("agg_msfunc"), rs.getString("agg_minvfunc"), rs.getString("agg_mstype"),
                        rs.getLong("agg_msspace"), rs.getString("agg_mfinalfunc"),
                        rs.getBoolean("agg_mfinalfunc_extra"), rs.getString("agg_mfinalfunc_modify"),
                        rs.getString("agg_minitcond")));
        QualifiedName name = name(rs.getString("object_schema"), rs.getString("function_name"));
        return new Function(name, rs.getString("arguments"), false,
                dev.strata.sql.Comments.createAggregate(name, aggregate), null, rs.getString("comment"), aggregate);
    }

    /** One row of foreign_data.sql: a wrapper (kind W) or a server (kind S). */
    private static Object foreignData(ResultSet rs) throws SQLException {
        java.util.SortedMap<String, String> options = StorageParameters.fromReloptions(CatalogQueries.strings(rs, "options"));
        if (rs.getString("kind").equals("W")) {
            return new dev.strata.model.ForeignData.Wrapper(rs.getString("object_name"), rs.getString("handler"),
                    rs.getString("validator"), options, rs.getString("comment"));
        }
        return new dev.strata.model.ForeignData.Server(rs.getString("object_name"), rs.getString("server_type"),
                rs.getString("server_version"), rs.getString("wrapper"), options, rs.getString("comment"));
    }

    /** One row of text_search.sql: {@code name=value} option lines, {@code token=dict,dict} mapping lines. */
    private static dev.strata.model.TextSearch textSearch(ResultSet rs) throws SQLException {
        Map<String, String> options = new java.util.LinkedHashMap<>();
        String optionText = rs.getString("options");
        if (optionText != null) {
            for (String line : optionText.split("\n")) {
                int eq = line.indexOf('=');
                options.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        java.util.SortedMap<String, List<String>> mappings = new java.util.TreeMap<>();
        String mappingText = rs.getString("mappings");
        if (mappingText != null) {
            for (String line : mappingText.split("\n")) {
                int eq = line.indexOf('=');
                mappings.put(line.substring(0, eq), List.of(line.substring(eq + 1).split(",")));
            }
        }
        return new dev.strata.model.TextSearch(dev.strata.model.TextSearch.Kind.valueOf(rs.getString("kind")),
                name(rs.getString("object_schema"), rs.getString("object_name")), options, mappings,
                rs.getString("comment"));
    }

    private static Policy policy(ResultSet rs) throws SQLException {
        String name = rs.getString("policy_name");
        QualifiedName table = name(rs.getString("object_schema"), rs.getString("table_name"));
        StringBuilder sql = new StringBuilder("CREATE POLICY ").append(Identifiers.quote(name))
                .append(" ON ").append(Identifiers.quote(table))
                .append(rs.getBoolean("permissive") ? " AS PERMISSIVE" : " AS RESTRICTIVE")
                .append(" FOR ").append(command(rs.getString("command")))
                .append(" TO ").append(String.join(", ", CatalogQueries.strings(rs, "roles")));
        String using = rs.getString("using_expr");
        if (using != null) {
            sql.append(" USING (").append(using).append(')');
        }
        String check = rs.getString("check_expr");
        if (check != null) {
            sql.append(" WITH CHECK (").append(check).append(')');
        }
        return new Policy(name, table, sql.toString(), null, rs.getString("comment"));
    }

    private static String command(String code) {
        if (code.equals("*")) {
            return "ALL";
        } else if (code.equals("r")) {
            return "SELECT";
        } else if (code.equals("a")) {
            return "INSERT";
        } else if (code.equals("w")) {
            return "UPDATE";
        } else if (code.equals("d")) {
            return "DELETE";
        }
        throw new IllegalStateException("unsupported policy command " + code);
    }

    private static Dependency dependency(ResultSet rs) throws SQLException {
        return new Dependency(
                new ObjectRef(ObjectKind.valueOf(rs.getString("from_kind")),
                        name(rs.getString("from_schema"), rs.getString("from_name")),
                        rs.getString("from_part")),
                new ObjectRef(ObjectKind.valueOf(rs.getString("to_kind")),
                        name(rs.getString("to_schema"), rs.getString("to_name")), rs.getString("to_part")));
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** The queries return '' as the schema of the inspected schema's own objects. */
    private static QualifiedName name(String schema, String name) {
        return new QualifiedName(schema == null || schema.isEmpty() ? null : schema, name);
    }

    private static <K, V> Map<K, List<V>> group(List<Map.Entry<K, V>> rows) {
        return rows.stream().collect(Collectors.groupingBy(Map.Entry::getKey, HashMap::new,
                Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    private static <T> List<T> sorted(List<T> items, Comparator<? super T> order) {
        return items.stream().sorted(order).toList();
    }

    /** A schema read: one the model manages besides the target, or the target itself ({@code target}). */
    private record SchemaRow(dev.strata.model.Namespace namespace, boolean target) {
    }
}
