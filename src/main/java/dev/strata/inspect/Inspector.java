package dev.strata.inspect;

import dev.strata.catalog.CatalogRead;
import dev.strata.catalog.CatalogReader;
import dev.strata.catalog.Dependency;
import dev.strata.model.QualifiedName;
import dev.strata.model.Schema;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Inspector represents {@code strata inspect}: it reads a live schema and writes it as a model
 * tree of one layer ({@code shared/models.edn}, {@code functions.edn}, {@code views.edn},
 * {@code triggers.edn}, {@code policies.edn}), in the seed's map-of-fields syntax with every
 * constraint and index under its own name. What the model cannot say is listed, object by object,
 * in {@link Inspection#unsupported()}. See docs/inspect.md.
 */
public final class Inspector {
    private Inspector() {
    }

    /**
     * Reads every user schema of the database into one tree ({@code strata inspect --all-schemas}):
     * {@code schemaName}'s objects unqualified, the others' qualified. Schemas of extensions and
     * PostgreSQL's own are not read; nor is {@code public} when it is not the target, because a
     * model cannot hold objects of {@code public} by name.
     */
    public static Inspection inspectAll(Connection connection, String schemaName, Set<String> skippedTables) {
        List<String> others = CatalogReader.userSchemas(connection).stream()
                .filter(s -> !s.equals(schemaName) && !s.equals("public")).toList();
        return inspect(connection, schemaName, skippedTables, others);
    }

    /** Reads schema {@code schemaName} through {@code connection} and builds its model tree. */
    public static Inspection inspect(Connection connection, String schemaName) {
        return inspect(connection, schemaName, Set.of());
    }

    /**
     * Like {@link #inspect(Connection, String)}, but the tables named in {@code skippedTables}
     * (with their triggers, policies and dependency edges) are neither read into the tree nor
     * reported: {@code strata baseline} skips the history table this way.
     */
    public static Inspection inspect(Connection connection, String schemaName, Set<String> skippedTables) {
        return inspect(connection, schemaName, skippedTables, List.of());
    }

    /**
     * Like {@link #inspect(Connection, String, Set)}, and also reads the schemas
     * {@code otherSchemas} into the same tree: their objects get keys with the schema as namespace
     * ({@code :auth/users}), and each becomes a {@code {:type :schema}} entry.
     */
    public static Inspection inspect(Connection connection, String schemaName, Set<String> skippedTables,
                                     List<String> otherSchemas) {
        List<String> others = otherSchemas.stream().filter(s -> !s.equals(schemaName)).toList();
        CatalogRead read = CatalogReader.inspect(connection, schemaName, others);
        Schema schema = without(read.schema(), skippedTables);
        List<Dependency> dependencies = read.dependencies().stream()
                .filter(d -> !skipped(d.from(), skippedTables) && !skipped(d.to(), skippedTables))
                .toList();
        List<UnmodelledObjects.Row> unmodelled = UnmodelledObjects.read(connection, schemaName, others).stream()
                .filter(r -> !(r.ref() != null && skipped(r.ref(), skippedTables))
                        && (r.unsupported().table() == null || !skippedTables.contains(r.unsupported().table())))
                .toList();
        TreeBuilder builder = new TreeBuilder(schema, dependencies, unmodelled);
        String origin = "Written by strata inspect from schema " + schemaName + ".";
        Map<String, String> files = new LinkedHashMap<>();
        files.put(Inspection.LAYER + "/models.edn", EdnText.file(
                List.of(origin, "Extensions, enums and tables; every constraint and index under its own name."),
                builder.models()));
        files.put(Inspection.LAYER + "/functions.edn", EdnText.file(
                List.of(origin, "Functions and procedures as PostgreSQL prints them."), builder.functions()));
        files.put(Inspection.LAYER + "/views.edn", EdnText.file(
                List.of(origin, "Views and materialized views (with their indexes)."), builder.views()));
        files.put(Inspection.LAYER + "/triggers.edn", EdnText.file(List.of(origin), builder.triggers()));
        files.put(Inspection.LAYER + "/policies.edn", EdnText.file(
                List.of(origin, "Row-level-security policies; their tables get ROW LEVEL SECURITY enabled."),
                builder.policies()));
        return new Inspection(schemaName, schema, files, builder.unsupported());
    }

    private static Schema without(Schema s, Set<String> tables) {
        if (tables.isEmpty()) {
            return s;
        }
        return new Schema(s.extensions(), s.enums(), s.sequences(),
                s.tables().stream().filter(t -> !skipped(t.name(), tables)).toList(),
                s.views(), s.functions(),
                s.triggers().stream().filter(t -> !skipped(t.table(), tables)).toList(),
                s.policies().stream().filter(p -> !skipped(p.table(), tables)).toList(), s.domains(),
                s.compositeTypes(), s.namespaces(), s.targetComment(), s.collations(), s.operators(), s.textSearch(), s.accessMethods(), s.wrappers(), s.servers(), s.rangeTypes(),
                s.statistics().stream().filter(x -> !skipped(x.table(), tables)).toList());
    }

    private static boolean skipped(QualifiedName name, Set<String> tables) {
        return name.schema() == null && tables.contains(name.name());
    }

    private static boolean skipped(Dependency.ObjectRef ref, Set<String> tables) {
        return ref.kind() != Dependency.ObjectKind.FUNCTION && skipped(ref.name(), tables);
    }
}
