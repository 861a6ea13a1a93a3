package dev.strata.diff;

import dev.strata.catalog.CatalogReader;
import dev.strata.compile.DdlCompiler;
import dev.strata.inspect.Inspection;
import dev.strata.inspect.Inspector;
import dev.strata.load.ModelLoader;
import dev.strata.model.Schema;
import dev.strata.pg.DevServer;
import dev.strata.pg.ScratchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

/**
 * ModelApply loads a model tree written by a test, compiles it into a scratch database of the
 * test server, reads the catalog back and inspects it: the round trip each object kind's test
 * checks (model syntax, compile, catalog read, inspect).
 */
final class ModelApply {
    private ModelApply() {
    }

    /**
     * What came back.
     *
     * @param model      the loaded model
     * @param read       the catalog read after the compiled model ran
     * @param inspection inspect of that database
     */
    record Result(Schema model, Schema read, Inspection inspection) {
        /** The inspected {@code shared/<file>}. */
        String file(String name) {
            return inspection.files().get("shared/" + name);
        }
    }

    /** Writes {@code shared/<name>} under {@code root}. */
    static void write(Path root, String name, String text) throws java.io.IOException {
        Path shared = Files.createDirectories(root.resolve("shared"));
        Files.writeString(shared.resolve(name), text);
    }

    /** Loads the tree at {@code root}, applies its compiled DDL to a scratch database, reads and inspects it. */
    static Result run(DevServer server, String scratch, Path root) throws Exception {
        Schema model = ModelLoader.load(root).schema();
        try (ScratchDatabase db = server.createScratch(scratch); Connection c = db.connect(); Statement st = c.createStatement()) {
            for (String sql : DdlCompiler.compile(model)) {
                st.execute(sql);
            }
            return new Result(model, CatalogReader.read(c, "public"), Inspector.inspect(c, "public"));
        }
    }
}
