package dev.strata.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import dev.strata.catalog.CatalogReader;
import dev.strata.model.Hints;
import dev.strata.model.Schema;
import dev.strata.pg.DevServer;
import dev.strata.pg.ScratchDatabase;
import dev.strata.sql.Rendered;
import dev.strata.testing.WithPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Lineage changes on a real PostgreSQL: ATTACH / DETACH of a partition, a changed bound with the
 * partition's own index kept, a sub-partition's bound, INHERIT / NO INHERIT with the parent's
 * check, OF / NOT OF, and a changed partition key (rebuilt when the table holds no rows, refused
 * otherwise). Each migrates up, re-diffs empty, and its down restores the start.
 */
@WithPostgres
class PartitionChangesPostgresTest {
    private static final String PARENT = "CREATE TABLE m (id int NOT NULL, at date NOT NULL, CONSTRAINT m_id CHECK (id > 0))"
            + " PARTITION BY RANGE (at);"
            + "CREATE TABLE m_2024 PARTITION OF m FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');";

    @Test
    void plainTableAttachedAndDetached(DevServer server) throws Exception {
        String plain = PARENT + "CREATE TABLE m_2025 (id int NOT NULL, at date NOT NULL, CONSTRAINT m_id CHECK (id > 0));";
        String attached = PARENT + "CREATE TABLE m_2025 PARTITION OF m FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');";
        PairCheck.run(server, plain, attached, (c, m) -> assertEquals(
                List.of("ALTER TABLE m ATTACH PARTITION m_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')"),
                Pipeline.up(m)));
        PairCheck.run(server, attached, plain, (c, m) -> assertEquals(
                List.of("ALTER TABLE m DETACH PARTITION m_2025"), Pipeline.up(m)));
    }

    @Test
    void boundsChangeOnPartitionsAndSubPartitions(DevServer server) throws Exception {
        String base = "CREATE TABLE m (id int NOT NULL, at date NOT NULL, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);"
                + "CREATE INDEX m_at ON m (at);"
                + "CREATE TABLE m_rest PARTITION OF m DEFAULT;";
        String a = base + "CREATE TABLE m_2024 PARTITION OF m FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')"
                + " PARTITION BY RANGE (at);"
                + "CREATE TABLE m_2024_h1 PARTITION OF m_2024 FOR VALUES FROM ('2024-01-01') TO ('2024-07-01');"
                + "CREATE INDEX m_2024_h1_id ON m_2024_h1 (id);";
        String b = base + "CREATE TABLE m_2024 PARTITION OF m FOR VALUES FROM ('2023-01-01') TO ('2025-01-01')"
                + " PARTITION BY RANGE (at);"
                + "CREATE TABLE m_2024_h1 PARTITION OF m_2024 FOR VALUES FROM ('2024-01-01') TO ('2024-06-01');"
                + "CREATE INDEX m_2024_h1_id ON m_2024_h1 (id);";
        PairCheck.run(server, a, b, (c, m) -> assertEquals(List.of(
                "ALTER TABLE m ATTACH PARTITION m_2024 FOR VALUES FROM ('2023-01-01') TO ('2025-01-01')",
                "ALTER TABLE m DETACH PARTITION m_2024",
                "ALTER TABLE m_2024 ATTACH PARTITION m_2024_h1 FOR VALUES FROM ('2024-01-01') TO ('2024-06-01')",
                "ALTER TABLE m_2024 DETACH PARTITION m_2024_h1"),
                Pipeline.up(m).stream().sorted().toList()));
    }

    @Test
    void aSplitPointMovesAcrossNeighbours(DevServer server) throws Exception {
        String base = "CREATE TABLE m (id int, at int) PARTITION BY RANGE (at);";
        String a = base + "CREATE TABLE m_lo PARTITION OF m FOR VALUES FROM (0) TO (100);"
                + "CREATE TABLE m_hi PARTITION OF m FOR VALUES FROM (100) TO (1000);";
        String b = base + "CREATE TABLE m_lo PARTITION OF m FOR VALUES FROM (0) TO (300);"
                + "CREATE TABLE m_hi PARTITION OF m FOR VALUES FROM (300) TO (1000);";
        PairCheck.run(server, a, b, (c, m) -> assertEquals(List.of(
                "ALTER TABLE m DETACH PARTITION m_hi", "ALTER TABLE m DETACH PARTITION m_lo"),
                Pipeline.up(m).subList(0, 2).stream().sorted().toList()));
    }

    @Test
    void inheritanceAddedAndRemoved(DevServer server) throws Exception {
        String parent = "CREATE TABLE animal (id int NOT NULL, name text, CONSTRAINT animal_id CHECK (id > 0));";
        String child = parent + "CREATE TABLE dog (breed text) INHERITS (animal);";
        String plain = parent + "CREATE TABLE dog (id int NOT NULL, name text, breed text,"
                + " CONSTRAINT animal_id CHECK (id > 0));";
        // The columns a child had from its parent become its own on NO INHERIT, and stay its own on
        // INHERIT (see InheritedColumnsPostgresTest): the child that inherits lists them here.
        String childOwning = parent + "CREATE TABLE dog (id int NOT NULL, name text, breed text) INHERITS (animal);";
        PairCheck.run(server, childOwning, plain, (c, m) -> assertEquals(
                List.of("ALTER TABLE dog NO INHERIT animal"), Pipeline.up(m)));
        PairCheck.run(server, plain, childOwning, (c, m) -> assertEquals(
                List.of("ALTER TABLE dog INHERIT animal"), Pipeline.up(m)));
        try (ScratchDatabase a = server.createScratch("inh_a"); ScratchDatabase b = server.createScratch("inh_b");
             Connection ca = a.connect(); Connection cb = b.connect(); Statement sa = ca.createStatement();
             Statement sb = cb.createStatement()) {
            sa.execute(child);
            sb.execute(plain);
            Rendered m = Pipeline.migration(CatalogReader.read(ca, "public"), CatalogReader.read(cb, "public"));
            assertEquals(List.of("ALTER TABLE dog NO INHERIT animal"), Pipeline.up(m));
        }
    }

    @Test
    void typedTableBecomesPlainAndBack(DevServer server) throws Exception {
        String type = "CREATE TYPE pt AS (x int, y text);";
        String typed = type + "CREATE TABLE spot OF pt (PRIMARY KEY (x));";
        String plain = type + "CREATE TABLE spot (x int NOT NULL, y text, PRIMARY KEY (x));";
        PairCheck.run(server, typed, plain, (c, m) -> assertEquals(List.of("ALTER TABLE spot NOT OF"), Pipeline.up(m)));
        PairCheck.run(server, plain, typed, (c, m) -> assertEquals(List.of("ALTER TABLE spot OF pt"), Pipeline.up(m)));
    }

    @Test
    void changedKeyIsRebuiltOnlyWithoutPartitions(DevServer server) throws Exception {
        String ref = "CREATE TABLE c (id int PRIMARY KEY);";
        PairCheck.run(server,
                ref + "CREATE TABLE m (id int REFERENCES c, at date) PARTITION BY RANGE (at);",
                ref + "CREATE TABLE m (id int REFERENCES c, at date) PARTITION BY LIST (id);",
                (c, m) -> assertTrue(Pipeline.up(m).contains("DROP TABLE m"), Pipeline.up(m).toString()));
        try (ScratchDatabase a = server.createScratch("key_a"); ScratchDatabase b = server.createScratch("key_b");
             Connection ca = a.connect(); Connection cb = b.connect(); Statement sa = ca.createStatement();
             Statement sb = cb.createStatement()) {
            sa.execute(PARENT);
            sb.execute(PARENT.replace("RANGE (at)", "RANGE (id)").replace("FROM ('2024-01-01') TO ('2025-01-01')",
                    "FROM (1) TO (10)"));
            Schema current = CatalogReader.read(ca, "public");
            Schema desired = CatalogReader.read(cb, "public");
            StrataException e = assertThrows(StrataException.class, () -> Differ.diff(current, desired, Hints.none()));
            assertEquals(ErrorCode.REFUSED_CHANGE, e.code());
            assertTrue(e.getMessage().startsWith("Refusing to change the partitioning of table m.\n"
                    + "  Current: PARTITION BY RANGE (at)\n  Model:   PARTITION BY RANGE (id)\n"), e.getMessage());
            assertTrue(e.getMessage().contains("its partitions (m_2024) hold rows that would be lost"), e.getMessage());
        }
    }
}
