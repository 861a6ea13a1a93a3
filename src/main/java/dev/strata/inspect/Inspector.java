package dev.strata.inspect;

import dev.strata.catalog.CatalogRead;
import dev.strata.catalog.CatalogReader;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** Reads schema {@code schemaName} through {@code connection} and builds its model tree. */
    public static Inspection inspect(Connection connection, String schemaName) {
        CatalogRead read = CatalogReader.inspect(connection, schemaName);
        List<UnmodelledObjects.Row> unmodelled = UnmodelledObjects.read(connection, schemaName);
        TreeBuilder builder = new TreeBuilder(read.schema(), read.dependencies(), unmodelled);
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
        return new Inspection(schemaName, read.schema(), files, builder.unsupported());
    }
}
