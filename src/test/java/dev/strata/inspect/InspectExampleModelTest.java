package dev.strata.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.diff.Differ;
import dev.strata.load.ModelLoader;
import dev.strata.model.Hints;
import dev.strata.model.Schema;
import dev.strata.pg.DevServer;
import dev.strata.state.ScratchApply;
import dev.strata.testing.WithPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example model (resources/db) survives inspect: applied, inspected into a tree, the tree
 * loaded, compiled and applied again, it reads back to the same catalog and nothing is reported
 * as unsupported.
 */
@WithPostgres
class InspectExampleModelTest {
    @Test
    void exampleModelRoundTripsThroughInspect(DevServer server, @TempDir Path out) throws Exception {
        Schema original = ScratchApply.model(ModelLoader.load(Path.of("resources", "db")).schema(), server).schema();
        Inspection inspection;
        try (var db = server.createScratch("inspect_example"); Connection c = db.connect()) {
            try (var s = c.createStatement()) {
                for (String sql : dev.strata.compile.DdlCompiler.compile(ModelLoader.load(Path.of("resources", "db")).schema())) {
                    s.execute(sql);
                }
            }
            inspection = Inspector.inspect(c, "public");
        }
        assertEquals(List.of(), inspection.unsupported(), "the example uses only what the model carries");
        inspection.writeTo(out, false);
        Schema back = ScratchApply.model(ModelLoader.load(out).schema(), server).schema();
        assertEquals(14, back.tables().size());
        assertEquals(List.of(), Differ.diff(original, back, Hints.none()));
        RoundTrip.assertSameSchema(original, back);
    }
}
