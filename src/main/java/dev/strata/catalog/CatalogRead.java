package dev.strata.catalog;

import dev.strata.model.Schema;
import java.util.List;
import java.util.Objects;

/**
 * CatalogRead represents the result of reading one schema: the schema itself, the dependency
 * edges the planner orders by, and what the read cost (so a benchmark can show that the number
 * of queries does not grow with the number of tables).
 *
 * @param schema       the schema, in its normal form
 * @param dependencies pg_depend edges from objects of the schema, sorted
 * @param queryCount   statements sent to the server, the bookkeeping ones included
 * @param millis       wall-clock time of the read
 */
public record CatalogRead(Schema schema, List<Dependency> dependencies, int queryCount, long millis) {
    public CatalogRead {
        Objects.requireNonNull(schema, "schema");
        dependencies = List.copyOf(dependencies);
    }
}
