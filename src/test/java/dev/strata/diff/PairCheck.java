package dev.strata.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.catalog.CatalogReader;
import dev.strata.model.Hints;
import dev.strata.model.Schema;
import dev.strata.pg.DevServer;
import dev.strata.pg.ScratchDatabase;
import dev.strata.sql.Rendered;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * PairCheck runs one schema pair on a real PostgreSQL: builds A and B from SQL, diffs, plans and
 * renders A to B, applies the up to A (each statement in one transaction) and checks that a
 * re-diff against B is empty, then applies the down and checks a re-diff against A is empty.
 */
final class PairCheck {
    private PairCheck() {
    }

    /** What a step sees: the migrated database and the migration. */
    @FunctionalInterface
    interface AfterUp {
        void check(Connection migrated, Rendered migration) throws SQLException;
    }

    /** The two catalogs as read before the migration, and the migration. */
    record Result(Schema before, Schema desired, Rendered migration) {
    }

    static Result run(DevServer server, String sqlA, String sqlB, AfterUp afterUp) throws SQLException {
        try (ScratchDatabase dbA = server.createScratch("pair_a"); ScratchDatabase dbB = server.createScratch("pair_b");
             Connection a = dbA.connect(); Connection b = dbB.connect(); Statement sa = a.createStatement();
             Statement sb = b.createStatement()) {
            sa.execute(sqlA);
            sb.execute(sqlB);
            Schema before = CatalogReader.read(a, "public");
            Schema desired = CatalogReader.read(b, "public");
            Rendered migration = Pipeline.migration(before, desired);
            apply(a, migration.up());
            assertEquals(List.of(), Differ.diff(CatalogReader.read(a, "public"), desired, Hints.none()), "after up");
            afterUp.check(a, migration);
            apply(a, migration.down());
            assertEquals(List.of(), Differ.diff(CatalogReader.read(a, "public"), before, Hints.none()), "after down");
            return new Result(before, desired, migration);
        }
    }

    private static void apply(Connection c, List<dev.strata.sql.Statement> statements) throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            for (dev.strata.sql.Statement statement : statements) {
                s.execute(statement.sql());
            }
        }
        c.commit();
        c.setAutoCommit(true);
    }
}
