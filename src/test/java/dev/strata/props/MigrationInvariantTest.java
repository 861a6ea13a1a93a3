package dev.strata.props;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.catalog.CatalogReader;
import dev.strata.compile.DdlCompiler;
import dev.strata.diff.Change;
import dev.strata.diff.Differ;
import dev.strata.model.Hints;
import dev.strata.model.Schema;
import dev.strata.plan.Planner;
import dev.strata.sql.ChangeRenderer;
import dev.strata.sql.Rendered;
import dev.strata.sql.Statement;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The invariants of docs/DESIGN.md on random schema pairs (A, B), against a real PostgreSQL:
 * A and B are compiled into two fresh databases and read back; the migration from A to B
 * (differ, planner, renderer) applied to A's database converges on B; its down brings the
 * database back to A as read; and diff(A, A), diff(B, B) are empty. The number of tries is the
 * {@code jqwik.tries.default} the build sets (200, or 5,000 with {@code -Pfull}). The pairs avoid
 * the engine defects listed in {@link KnownGaps#CURRENT}.
 */
class MigrationInvariantTest {

    @Provide
    Arbitrary<SchemaPair> pairs() {
        return SchemaArbitraries.pairs(KnownGaps.CURRENT);
    }

    @Property
    void upConvergesDownRestoresAndSelfDiffsAreEmpty(@ForAll("pairs") SchemaPair pair) throws SQLException {
        try (TryDatabases.Db dbA = TryDatabases.get().create(); TryDatabases.Db dbB = TryDatabases.get().create()) {
            dbA.run(DdlCompiler.compile(pair.a()));
            dbB.run(DdlCompiler.compile(pair.b()));
            Schema a = CatalogReader.read(dbA.connection, "public");
            Schema b = CatalogReader.read(dbB.connection, "public");
            assertEquals(List.of(), migration(a, a), "diff(A, A) is not empty; edits: " + pair.edits());
            assertEquals(List.of(), migration(b, b), "diff(B, B) is not empty; edits: " + pair.edits());

            List<Change> changes = migration(a, b);
            Rendered sql = ChangeRenderer.renderAll(changes);
            String context = "\nedits: " + String.join("; ", pair.edits())
                    + "\nup:\n" + script(sql.up()) + "\ndown:\n" + script(sql.down());
            try {
                dbA.apply(sql.up());
            } catch (SQLException e) {
                throw new AssertionError("up failed: " + e.getMessage() + context, e);
            }
            Schema afterUp = CatalogReader.read(dbA.connection, "public");
            assertEquals(List.of(), migration(afterUp, b), "up does not converge on B" + context);
            try {
                dbA.apply(sql.down());
            } catch (SQLException e) {
                throw new AssertionError("down failed: " + e.getMessage() + context, e);
            }
            Schema afterDown = CatalogReader.read(dbA.connection, "public");
            assertEquals(List.of(), migration(afterDown, a), "down does not restore A" + context);
        }
    }

    private static List<Change> migration(Schema current, Schema desired) {
        return Planner.plan(Differ.diff(current, desired, Hints.none()), current, desired);
    }

    private static String script(List<Statement> statements) {
        return statements.stream()
                .map(s -> (s.transactional() ? "" : "-- no transaction\n") + s.sql() + ";")
                .collect(Collectors.joining("\n"));
    }
}
