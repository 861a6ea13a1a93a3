package dev.strata.diff;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.pg.DevServer;
import dev.strata.testing.WithPostgres;
import org.junit.jupiter.api.Test;

/**
 * A column whose type or collation changes while a generated column that reads it is dropped (or
 * added) in the same change set: PostgreSQL refuses to alter a column a generated column uses, so
 * the drop runs before the alter and the add after it. Found by the random-model property test.
 */
@WithPostgres
class GeneratedColumnOrderPostgresTest {
    @Test
    void generatedReaderDroppedBeforeItsSourceChangesAndAddedAfter(DevServer server) throws Exception {
        String a = "CREATE TABLE audit_log (code varchar(60), \"Total Price\" text GENERATED ALWAYS AS (lower(code::text)) STORED)";
        String b = "CREATE TABLE audit_log (code varchar(60) COLLATE \"C\")";
        PairCheck.run(server, a, b, (c, m) -> {
            String up = String.join("\n", Pipeline.up(m));
            assertTrue(up.indexOf("DROP COLUMN \"Total Price\"") < up.indexOf("ALTER COLUMN code TYPE"), up);
            String down = String.join("\n", Pipeline.down(m));
            assertTrue(down.indexOf("ALTER COLUMN code TYPE") < down.indexOf("ADD COLUMN \"Total Price\""), down);
        });
        PairCheck.run(server, b, a, (c, m) -> {
            String up = String.join("\n", Pipeline.up(m));
            assertTrue(up.indexOf("ALTER COLUMN code TYPE") < up.indexOf("ADD COLUMN \"Total Price\""), up);
        });
    }
}
