package dev.strata.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.pg.DevServer;
import dev.strata.pg.ScratchDatabase;
import dev.strata.model.Schema;
import dev.strata.testing.WithPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sample schemas in ../shared/corpora/samples (pagila, chinook, northwind) round-trip through
 * inspect, minus what inspect reports it cannot carry; every object that does not come back is in
 * the report.
 */
@WithPostgres
class InspectSamplesTest {
    static final Path SAMPLES = samplesDir();

    /** $STRATA_CORPORA/samples, else ../shared/corpora/samples (from the project), else /work/shared/corpora/samples. */
    private static Path samplesDir() {
        String env = System.getenv("STRATA_CORPORA");
        List<Path> candidates = new ArrayList<>();
        if (env != null && !env.isBlank()) {
            candidates.add(Path.of(env, "samples"));
        }
        candidates.add(Path.of("..", "shared", "corpora", "samples"));
        candidates.add(Path.of("/work", "shared", "corpora", "samples"));
        return candidates.stream().filter(Files::isDirectory).findFirst().orElse(candidates.get(0))
                .toAbsolutePath().normalize();
    }

    static Stream<String> samples() throws IOException {
        if (!Files.isDirectory(SAMPLES)) {
            return Stream.of("(absent)");
        }
        List<String> files = new ArrayList<>();
        for (String sample : List.of("pagila", "chinook", "northwind")) {
            Path dir = SAMPLES.resolve(sample);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.list(dir)) {
                    s.map(p -> p.getFileName().toString())
                            .filter(n -> n.endsWith(".sql") && !n.contains("jsonb"))
                            .sorted()
                            .forEach(n -> files.add(sample + "/" + n));
                }
            }
        }
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void roundTripsMinusWhatIsReported(String sample, DevServer server, @TempDir Path out) throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(SAMPLES),
                "sample schemas not found at " + SAMPLES + "; skipping the sample round trips");
        String sql = Files.readString(SAMPLES.resolve(sample));
        Inspection inspection;
        try (ScratchDatabase db = server.createScratch("inspect_sample"); Connection c = db.connect()) {
            try (Statement st = c.createStatement()) {
                st.execute(prelude(c, sql));
                st.execute(forThisServer(c, withoutMissingExtensions(c, sql)));
            } catch (SQLException e) {
                Assumptions.abort("sample " + sample + " does not load on this PostgreSQL ("
                        + c.getMetaData().getDatabaseProductVersion() + "): " + e.getMessage());
            }
            inspection = Inspector.inspect(c, "public");
        }
        assertFalse(inspection.schema().tables().isEmpty(), "the sample has tables");
        inspection.writeTo(out, false);
        String prelude;
        try (ScratchDatabase probe = server.createScratch("inspect_probe"); Connection c = probe.connect()) {
            prelude = prelude(c, sql);
        }
        Schema back = RoundTrip.applyAndRead(server, out, "public", prelude);
        assertEquals(List.of(), RoundTrip.unreported(inspection.schema(), back, inspection.unsupported()),
                "objects lost without a report; the report was:\n"
                        + String.join("\n", inspection.unsupported().stream().map(Unsupported::describe).toList()));
        assertEquals(inspection.schema().tables().size() - inspection.leftOut().stream()
                .filter(u -> u.kind().equals("table")).count(), back.tables().size(), "tables that came back");
        if (inspection.schema().functions().stream().anyMatch(f -> f.name().name().equals("group_concat"))) {
            // pagila's group_concat(text) is a plain aggregate over its own _group_concat: carried, unreported.
            assertFalse(inspection.unsupported().stream().anyMatch(u -> u.object().contains("group_concat")),
                    "group_concat is not reported");
            assertTrue(back.functions().stream().anyMatch(f -> f.name().name().equals("group_concat") && f.isAggregate()),
                    "group_concat came back as an aggregate");
        }
        if (sample.startsWith("pagila")) {
            // payment is partitioned by month: its partitions are in the model, nothing about them is reported.
            assertEquals(List.of(), inspection.unsupported().stream()
                    .filter(u -> u.describe().toLowerCase(java.util.Locale.ROOT).contains("partition")
                            || u.object().startsWith("payment"))
                    .map(Unsupported::describe).toList());
            assertEquals(inspection.schema().table("payment"), back.table("payment"));
            assertEquals(inspection.schema().table("payment_p2022_01"), back.table("payment_p2022_01"));
            assertTrue(back.table("payment_p2022_01").orElseThrow().lineage().isPartition());
        }
        if (sample.startsWith("northwind")) {
            // Northwind names its keys pk_<table>: they come back under those names, unreported.
            assertEquals("pk_customers", back.table("customers").orElseThrow().primaryKey().orElseThrow().name());
            assertFalse(inspection.unsupported().stream().anyMatch(u -> u.object().contains("pk_customers")),
                    "pk_customers is not reported");
        }
    }

    /**
     * pagila's defaults call uuidv7(), new in PostgreSQL 18; on an older server a stand-in goes into
     * pg_catalog (which inspect does not read) of both databases, so the sample still loads.
     */
    static String prelude(Connection c, String sql) throws SQLException {
        if (!sql.contains("uuidv7()") || c.getMetaData().getDatabaseMajorVersion() >= 18) {
            return "SELECT 1";
        }
        return "CREATE FUNCTION pg_catalog.uuidv7() RETURNS uuid LANGUAGE sql VOLATILE AS 'SELECT gen_random_uuid()'";
    }

    /** Before PostgreSQL 18 there are no VIRTUAL generated columns; they become STORED. */
    static String forThisServer(Connection c, String sql) throws SQLException {
        return c.getMetaData().getDatabaseMajorVersion() >= 18 ? sql
                : sql.replaceAll("(GENERATED ALWAYS AS \\(.*\\)) VIRTUAL", "$1 STORED");
    }

    /**
     * pagila needs pgvector; where the server lacks it, the dump sections that create or use it
     * (the extension and the film_embedding table) are cut, at pg_dump's "-- Name:" headers.
     */
    static String withoutMissingExtensions(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT 1 FROM pg_available_extensions WHERE name = 'vector'")) {
            if (rs.next() || !sql.contains("EXTENSION IF NOT EXISTS vector")) {
                return sql;
            }
        }
        StringBuilder kept = new StringBuilder();
        for (String section : sql.split("\n--\n-- Name: ")) {
            String header = section.lines().findFirst().orElse("");
            if (!header.contains("vector") && !header.contains("film_embedding")) {
                kept.append(kept.length() == 0 ? "" : "\n--\n-- Name: ").append(section);
            }
        }
        return kept.toString();
    }
}
