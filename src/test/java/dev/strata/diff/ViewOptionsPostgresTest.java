package dev.strata.diff;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.model.View;
import dev.strata.pg.DevServer;
import dev.strata.testing.WithPostgres;
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
        PairCheck.Result r = PairCheck.run(server,
                base + "CREATE VIEW plain AS SELECT id, name FROM t;"
                        + "CREATE VIEW guarded WITH (security_barrier) AS SELECT id FROM t WHERE id > 0 WITH LOCAL CHECK OPTION;",
                base + "CREATE VIEW plain WITH (security_barrier=true" + (invoker ? ", security_invoker=true" : "")
                        + ") AS SELECT id, name FROM t;"
                        + "CREATE VIEW guarded AS SELECT id FROM t WHERE id > 0 WITH CASCADED CHECK OPTION;",
                (c, m) -> assertFalse(m.up().isEmpty(), "the options differ"));
        View plain = view(r, "plain");
        assertTrue(plain.definition().startsWith("CREATE VIEW plain WITH (security_barrier=true"
                + (invoker ? ", security_invoker=true" : "") + ") AS"), plain.definition());
        View guarded = view(r, "guarded");
        assertTrue(guarded.definition().startsWith("CREATE VIEW guarded WITH (check_option=cascaded) AS"),
                guarded.definition());
    }

    private static View view(PairCheck.Result r, String name) {
        return r.desired().views().stream().filter(v -> v.name().name().equals(name)).findFirst().orElseThrow();
    }
}
