package dev.strata.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.catalog.CatalogReader;
import dev.strata.model.Hints;
import dev.strata.model.Schema;
import dev.strata.pg.DevServer;
import dev.strata.pg.ScratchDatabase;
import dev.strata.sql.Rendered;
import dev.strata.testing.WithPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A sequence whose new MINVALUE passes its current value is moved forward first (pgcodekeeper's modify_sequence_minvalue_set). */
@WithPostgres
class SequenceBoundsPostgresTest {
    @Test
    void raisedMinValueMovesTheCounterForwardAndTheDownLowersTheBound(DevServer server) throws Exception {
        try (ScratchDatabase dbA = server.createScratch("sb_a"); ScratchDatabase dbB = server.createScratch("sb_b");
             Connection a = dbA.connect(); Connection b = dbB.connect(); Statement sa = a.createStatement();
             Statement sb = b.createStatement()) {
            sa.execute("CREATE SEQUENCE s INCREMENT BY 10; SELECT nextval('s');"
                    + "CREATE SEQUENCE d INCREMENT BY -1 MAXVALUE 100 START 100; SELECT nextval('d');");
            sb.execute("CREATE SEQUENCE s START 1000 INCREMENT BY 10 MINVALUE 1000;"
                    + "CREATE SEQUENCE d INCREMENT BY -1 MAXVALUE 50 START 50;");
            Schema before = CatalogReader.read(a, "public");
            Schema desired = CatalogReader.read(b, "public");
            Rendered migration = Pipeline.migration(before, desired);
            for (dev.strata.sql.Statement s : migration.up()) {
                sa.execute(s.sql());
            }
            assertEquals(List.of(), Differ.diff(CatalogReader.read(a, "public"), desired, Hints.none()), "after up");
            try (ResultSet rs = sa.executeQuery("SELECT nextval('s'), nextval('d')")) {
                rs.next();
                assertEquals(1000, rs.getLong(1), "the counter moved up to the new MINVALUE");
                assertEquals(50, rs.getLong(2), "the descending counter moved down to the new MAXVALUE");
            }
            for (dev.strata.sql.Statement s : migration.down()) {
                sa.execute(s.sql());
            }
            assertEquals(List.of(), Differ.diff(CatalogReader.read(a, "public"), before, Hints.none()), "after down");
        }
    }
}
