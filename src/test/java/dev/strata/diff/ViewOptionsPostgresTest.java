package dev.strata.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.catalog.CatalogReader;
import dev.strata.model.Hints;
import dev.strata.model.Schema;
import dev.strata.model.View;
import dev.strata.pg.DevServer;
import dev.strata.pg.ScratchDatabase;
import dev.strata.sql.Rendered;
import dev.strata.testing.WithPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A view's options (security_barrier, check_option and, from PostgreSQL 15, security_invoker) are
 * part of what is read and compared: pg_get_viewdef leaves them out, so before they were read a
 * changed option was a silent divergence (pgcodekeeper's add_view_option, delete_view_option).
 */
@WithPostgres
class ViewOptionsPostgresTest {
    @Test
    void optionsAreReadAddedChangedAndRemoved(DevServer server) throws Exception {
        boolean invoker = server.major() >= 15;
        String base = "CREATE TABLE t (id int, name text);";
        String a = base + "CREATE VIEW plain AS SELECT id, name FROM t;"
                + "CREATE VIEW guarded WITH (security_barrier) AS SELECT id FROM t WHERE id > 0 WITH LOCAL CHECK OPTION;";
        String b = base + "CREATE VIEW plain WITH (security_barrier=true" + (invoker ? ", security_invoker=true" : "")
                + ") AS SELECT id, name FROM t;"
                + "CREATE VIEW guarded AS SELECT id FROM t WHERE id > 0 WITH CASCADED CHECK OPTION;";
        try (ScratchDatabase dbA = server.createScratch("vo_a"); ScratchDatabase dbB = server.createScratch("vo_b");
             Connection ca = dbA.connect(); Connection cb = dbB.connect(); Statement sa = ca.createStatement();
             Statement sb = cb.createStatement()) {
            sa.execute(a);
            sb.execute(b);
            Schema before = CatalogReader.read(ca, "public");
            Schema desired = CatalogReader.read(cb, "public");
            View plain = desired.views().stream().filter(v -> v.name().name().equals("plain")).findFirst().orElseThrow();
            assertTrue(plain.definition().startsWith("CREATE VIEW plain WITH (security_barrier=true"
                    + (invoker ? ", security_invoker=true" : "") + ") AS"), plain.definition());
            View guarded = desired.views().stream().filter(v -> v.name().name().equals("guarded")).findFirst().orElseThrow();
            assertTrue(guarded.definition().startsWith("CREATE VIEW guarded WITH (check_option=cascaded) AS"),
                    guarded.definition());
            Rendered migration = Pipeline.migration(before, desired);
            assertEquals(false, migration.up().isEmpty(), "the options differ");
            for (dev.strata.sql.Statement s : migration.up()) {
                sa.execute(s.sql());
            }
            assertEquals(List.of(), Differ.diff(CatalogReader.read(ca, "public"), desired, Hints.none()), "after up");
            for (dev.strata.sql.Statement s : migration.down()) {
                sa.execute(s.sql());
            }
            assertEquals(List.of(), Differ.diff(CatalogReader.read(ca, "public"), before, Hints.none()), "after down");
        }
    }
}
