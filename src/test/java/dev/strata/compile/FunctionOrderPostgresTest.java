package dev.strata.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.catalog.CatalogReader;
import dev.strata.load.ModelLoader;
import dev.strata.model.Function;
import dev.strata.model.Schema;
import dev.strata.pg.DevServer;
import dev.strata.pg.ScratchDatabase;
import dev.strata.testing.WithPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Functions whose signature names a table's row type, and SQL-standard bodies, which PostgreSQL
 * resolves at creation, are compiled after what they use.
 */
@WithPostgres
class FunctionOrderPostgresTest {
    @Test
    void rowTypeAndAtomicFunctionsComeAfterTheirTablesAndViews(DevServer server, @TempDir Path root) throws Exception {
        Path shared = Files.createDirectories(root.resolve("shared"));
        Files.writeString(shared.resolve("models.edn"), "{:customer {:fields {:id {:type :serial :primary-key true}\n"
                + "                        :name {:type :text}}}}\n");
        Files.writeString(shared.resolve("views.edn"),
                "{:customer-names {:sql \"CREATE VIEW customer_names AS SELECT name FROM customer\"}}\n");
        Files.writeString(shared.resolve("functions.edn"), "{:active {:sql \"CREATE FUNCTION active() RETURNS SETOF customer"
                + " LANGUAGE sql STABLE AS $$ SELECT * FROM customer $$\"}\n"
                + " :lookup {:sql \"CREATE FUNCTION lookup(c customer) RETURNS text LANGUAGE sql AS $$ SELECT c.name $$\"}\n"
                + " :counted {:sql \"CREATE FUNCTION counted() RETURNS bigint LANGUAGE sql BEGIN ATOMIC"
                + " SELECT count(*) FROM customer; END\"}\n"
                + " :named {:sql \"CREATE FUNCTION named() RETURNS bigint LANGUAGE sql BEGIN ATOMIC"
                + " SELECT count(*) FROM customer_names; END\"}\n"
                + " :plain {:sql \"CREATE FUNCTION plain() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$\"}}\n");
        Schema model = ModelLoader.load(root).schema();
        List<String> script = DdlCompiler.compile(model);
        int table = indexOf(script, "CREATE TABLE");
        int view = indexOf(script, "CREATE VIEW");
        assertTrue(indexOf(script, "plain()") < table, "a plain function stays before the tables");
        assertTrue(indexOf(script, "active()") > table && indexOf(script, "lookup(") > table);
        assertTrue(indexOf(script, "counted()") > table && indexOf(script, "counted()") < view);
        assertTrue(indexOf(script, "named()") > view, "an atomic body reading a view comes after it");
        try (ScratchDatabase db = server.createScratch("fn_order"); Connection c = db.connect(); Statement st = c.createStatement()) {
            for (String sql : script) {
                st.execute(sql);
            }
            Schema read = CatalogReader.read(c, "public");
            assertEquals(List.of("active", "counted", "lookup", "named", "plain"),
                    read.functions().stream().map(Function::name).map(n -> n.name()).toList());
        }
    }

    private static int indexOf(List<String> script, String text) {
        for (int i = 0; i < script.size(); i++) {
            if (script.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError(text + " is not in the script:\n" + String.join("\n", script));
    }
}
