package dev.strata.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.model.Schema;
import dev.strata.pg.DevServer;
import dev.strata.pg.ScratchDatabase;
import dev.strata.testing.WithPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
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
        assertEquals(List.of(
                "- aggregate concat_all(text)",
                "~ column default items.ticket",
                "~ comment view item_names",
                "~ constraint items.items_shop_id_fkey",
                "~ constraint shops.shop_identity",
                "- index items.items_label_desc_idx",
                "- partition measurements.measurements_2024",
                "- sequence ticket_seq",
                "~ table measurements",
                "~ table scratch",
                "- view item_labels"), report.stream().sorted(InspectUnsupportedTest::byKindThenName).toList());

        inspection.writeTo(out, false);
        Schema back = RoundTrip.applyAndRead(server, out, "odd");
        assertEquals(List.of(), RoundTrip.unreported(inspection.schema(), back, inspection.unsupported()));
        // What is supported came back whole.
        assertEquals(inspection.schema().table("measurements"), back.table("measurements"));
        assertEquals(inspection.schema().views().stream().filter(v -> v.name().name().equals("item_names")).toList(),
                back.views().stream().filter(v -> v.name().name().equals("item_names")).toList());
    }

    private static int byKindThenName(String a, String b) {
        return a.substring(2).compareTo(b.substring(2));
    }
}
