package dev.strata.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.pg.DevServer;
import dev.strata.pg.ScratchDatabase;
import dev.strata.testing.WithPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fleet's history read: one statement for every tenant, the same rows as one UNION ALL, in and out of a transaction. */
@WithPostgres
class FleetHistoryTest {
    @Test
    void readsEveryTenantsRowsAsTheyAre(DevServer server) throws Exception {
        try (ScratchDatabase db = server.createScratch("fleet_history"); Connection c = db.connect();
             Statement s = c.createStatement()) {
            for (String t : List.of("a", "b", "Odd Tenant")) {
                HistoryTable h = new HistoryTable(t, MigratorOptions.DEFAULT_HISTORY_TABLE);
                h.create(c);
            }
            s.execute("CREATE SCHEMA empty_one");
            s.execute("INSERT INTO a.strata_migrations (number, name, kind, checksum, applied_at, execution_ms, applied_by)"
                    + " VALUES (2, 'two & <more>', 'sql', 'c2', '2026-01-02 03:04:05.678901+00', 7, 'me'),"
                    + " (1, 'one', 'edn', 'c1', '2026-01-01 00:00:00+00', 0, 'Ödön')");
            s.execute("INSERT INTO \"Odd Tenant\".strata_migrations (number, name, kind, checksum, applied_at, execution_ms, applied_by)"
                    + " VALUES (-1, 'backfill', 'backfill', 'x', now(), 1, 'me')");
            List<String> schemas = List.of("b", "Odd Tenant", "a", "empty_one", "missing");
            Map<String, List<AppliedMigration>> read = FleetHistory.read(c, schemas, MigratorOptions.DEFAULT_HISTORY_TABLE);
            assertEquals(schemas, List.copyOf(read.keySet()));
            assertEquals(List.of(1, 2), read.get("a").stream().map(AppliedMigration::number).toList());
            assertEquals("two & <more>", read.get("a").get(1).name());
            assertEquals("Ödön", read.get("a").get(0).appliedBy());
            assertEquals(java.time.OffsetDateTime.parse("2026-01-02T03:04:05.678901Z").toInstant(),
                    read.get("a").get(1).appliedAt().toInstant());
            assertEquals(List.of(), read.get("b"));
            assertEquals(List.of(), read.get("empty_one"));
            assertEquals(List.of(-1), read.get("Odd Tenant").stream().map(AppliedMigration::number).toList());

            Map<String, List<AppliedMigration>> union = new java.util.LinkedHashMap<>();
            schemas.forEach(x -> union.put(x, new java.util.ArrayList<>()));
            FleetHistory.readUnion(c, List.of("a", "b", "Odd Tenant"), MigratorOptions.DEFAULT_HISTORY_TABLE, union);
            assertEquals(read, union, "the fallback for servers without libxml reads the same");

            c.setAutoCommit(false);
            assertEquals(read, FleetHistory.read(c, schemas, MigratorOptions.DEFAULT_HISTORY_TABLE), "inside a transaction");
            c.rollback();
        }
    }
}
