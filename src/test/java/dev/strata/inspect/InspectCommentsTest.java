package dev.strata.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.model.Schema;
import dev.strata.pg.DevServer;
import dev.strata.pg.ScratchDatabase;
import dev.strata.testing.WithPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Comments on constraints, indexes, sequences, domains, composite types, functions, procedures,
 * aggregates, views, materialized views, triggers and policies, plain aggregates (pagila's
 * group_concat among them) and a materialized view WITH NO DATA are written by inspect with
 * nothing reported, and the tree applies back to the same catalog.
 */
@WithPostgres
class InspectCommentsTest {
    @Test
    void commentsAndAggregatesRoundTrip(DevServer server, @TempDir Path out) throws Exception {
        Inspection inspection;
        try (ScratchDatabase db = server.createScratch("inspect_comments"); Connection c = db.connect()) {
            InspectFixtures.run(c, "app", InspectFixtures.resource("comments.sql"));
            inspection = Inspector.inspect(c, "app");
        }
        assertEquals(List.of(), inspection.unsupported(), "comments and plain aggregates are carried by the model");
        Schema original = inspection.schema();
        inspection.writeTo(out, false);
        String models = Files.readString(out.resolve("shared").resolve("models.edn"));
        String functions = Files.readString(out.resolve("shared").resolve("functions.edn"));
        String views = Files.readString(out.resolve("shared").resolve("views.edn"));
        String triggers = Files.readString(out.resolve("shared").resolve("triggers.edn"));
        String policies = Files.readString(out.resolve("shared").resolve("policies.edn"));
        for (String expected : List.of(":constraint-comment \"the key\"", ":comment \"one address each\"",
                ":comment \"composite key\"", ":comment \"it''s odd\"", ":comment \"whose login\"")) {
            assertTrue(models.contains(expected.replace("''", "'")), expected + " in\n" + models);
        }
        for (String expected : List.of(":type :aggregate", ":sfunc :_group_concat", ":finalfunc :abs", ":comment \"joins with commas\"",
                ":name \"Count Rows\"", ":args []", ":sortop \">\"", ":finalfunc-modify :shareable",
                ":args [\"named integer\" \"integer\"]", ":comment \"adds\"", ":comment \"step\"")) {
            assertTrue(functions.contains(expected), expected + " in\n" + functions);
        }
        assertTrue(views.contains(":comment \"every address\"") && views.contains(":comment \"not yet filled\"")
                && views.contains("WITH NO DATA"), views);
        assertTrue(triggers.contains(":comment \"touches\""), triggers);
        assertTrue(policies.contains(":comment \"only positive ids\""), policies);
        Schema back = RoundTrip.applyAndRead(server, out, "app");
        RoundTrip.assertSameSchema(original, back);
    }
}
