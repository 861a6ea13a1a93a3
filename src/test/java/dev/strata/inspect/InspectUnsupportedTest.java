package dev.strata.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.model.Schema;
import dev.strata.pg.DevServer;
import dev.strata.pg.ScratchDatabase;
import dev.strata.testing.WithPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the model cannot carry is reported object by object; the rest still round-trips, and
 * everything that does not come back is in the report.
 */
@WithPostgres
class InspectUnsupportedTest {
    @Test
    void reportsEachObjectAndRoundTripsTheRest(DevServer server, @TempDir Path out) throws Exception {
        Inspection inspection;
        try (ScratchDatabase db = server.createScratch("inspect_odd"); Connection c = db.connect()) {
            InspectFixtures.run(c, "odd", InspectFixtures.resource("unsupported.sql"));
            inspection = Inspector.inspect(c, "odd");
        }
        List<String> report = inspection.unsupported().stream()
                .map(u -> (u.leftOut() ? "- " : "~ ") + u.kind() + " " + u.object())
                .toList();
        assertEquals(List.of("~ comment shops.index shop_identity"), report);

        inspection.writeTo(out, false);
        Schema back = RoundTrip.applyAndRead(server, out, "odd");
        assertEquals(List.of(), RoundTrip.unreported(inspection.schema(), back, inspection.unsupported()));
        // What is supported came back whole.
        assertEquals(inspection.schema().table("measurements"), back.table("measurements"));
        assertEquals(inspection.schema().statistics(), back.statistics());
        assertEquals(1, back.statistics().size());
        // A DESC key and an unlogged table are in the model now.
        assertEquals(inspection.schema().table("scratch"), back.table("scratch"));
        assertEquals(true, back.table("scratch").orElseThrow().unlogged());
        assertEquals(List.of("label DESC"), back.table("items").orElseThrow().indexes().stream()
                .filter(i -> i.name().equals("items_label_desc_idx")).findFirst().orElseThrow().keys());
        assertEquals(inspection.schema().views().stream().filter(v -> v.name().name().equals("item_names")).toList(),
                back.views().stream().filter(v -> v.name().name().equals("item_names")).toList());
    }

    @Test
    void extendedStatisticsAreWrittenNotReported(DevServer server, @TempDir Path out) throws Exception {
        Inspection inspection;
        try (ScratchDatabase db = server.createScratch("inspect_stats"); Connection c = db.connect();
             java.sql.Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t (a int, \"B c\" text); CREATE STATISTICS t_ab ON a, \"B c\" FROM t");
            inspection = Inspector.inspect(c, "public");
        }
        assertEquals(List.of(), inspection.unsupported());
        StringBuilder edn = new StringBuilder();
        for (Path p : inspection.writeTo(out, false)) {
            edn.append(java.nio.file.Files.readString(p));
        }
        org.junit.jupiter.api.Assertions.assertTrue(edn.toString().contains(":on [:a \"B c\"]"), edn.toString());
        Schema back = RoundTrip.applyAndRead(server, out, "public");
        assertEquals(inspection.schema().statistics(), back.statistics());
    }

    @Test
    void virtualGeneratedColumnIsReportedOnEighteen(DevServer server) throws Exception {
        Assumptions.assumeTrue(server.major() >= 18, "VIRTUAL generated columns exist from PostgreSQL 18 on");
        try (ScratchDatabase db = server.createScratch("inspect_virtual"); Connection c = db.connect();
             java.sql.Statement st = c.createStatement()) {
            st.execute("CREATE TABLE box (w int, h int, area int GENERATED ALWAYS AS (w * h) VIRTUAL)");
            Inspection inspection = Inspector.inspect(c, "public");
            assertEquals(List.of("~ column box.area"), inspection.unsupported().stream()
                    .map(u -> (u.leftOut() ? "- " : "~ ") + u.kind() + " " + u.object()).toList());
            assertEquals("(w * h)", inspection.schema().table("box").orElseThrow().column("area").orElseThrow().generatedExpr(),
                    "read as a generated column, not as a plain one");
        }
    }
}
