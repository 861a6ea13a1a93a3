package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.load.ModelLoader;
import dev.strata.model.Schema;
import dev.strata.pg.DevServer;
import dev.strata.pg.ScratchDatabase;
import dev.strata.testing.WithPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code strata inspect} through the real command line, against a real database. */
@WithPostgres
class InspectCommandTest {
    private static String url;

    @BeforeAll
    static void schema(ScratchDatabase db, DevServer server) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA shop");
            // A base type (made here from PostgreSQL's own text I/O functions): the model has no syntax for one.
            st.execute("CREATE TYPE shop.price");
            st.execute("CREATE FUNCTION shop.price_in(cstring) RETURNS shop.price LANGUAGE internal IMMUTABLE STRICT AS 'textin'");
            st.execute("CREATE FUNCTION shop.price_out(shop.price) RETURNS cstring LANGUAGE internal IMMUTABLE STRICT"
                    + " AS 'textout'");
            st.execute("CREATE TYPE shop.price (INPUT = shop.price_in, OUTPUT = shop.price_out, LIKE = text)");
            st.execute("CREATE TYPE shop.item_kind AS ENUM ('book', 'music')");
            st.execute("CREATE TABLE shop.items (id serial PRIMARY KEY, kind shop.item_kind NOT NULL,"
                    + " created_at timestamptz NOT NULL DEFAULT now(), cost shop.price)");
        }
        url = db.url() + (db.url().contains("?") ? "&" : "?") + "user=" + server.user()
                + (server.password() == null ? "" : "&password=" + server.password());
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void writesALoadableTreeAndWarnsAboutWhatItLeavesOut(@TempDir Path dir) throws Exception {
        Run r = run("inspect", "--url", url, "--schema", "shop", "--out", dir.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("Wrote 1 table, 1 enum, 0 views, 0 functions, 0 triggers, 0 policies of schema shop"),
                r.out());
        assertTrue(r.err().contains("warning: the model cannot carry 4 objects or properties of schema shop"
                + " (4 left out of the tree):"), r.err());
        assertTrue(r.err().contains("  - column items.cost: left out, it uses base type price, which is left out"), r.err());
        assertTrue(r.err().contains("  - base type price: left out, base and shell types have no model syntax"), r.err());
        String models = Files.readString(dir.resolve("shared/models.edn"));
        assertTrue(models.contains(":items {:fields {:id {:type :serial :primary-key true}\n"), models);
        assertTrue(models.contains(":kind {:type :item-kind :null false}"), models);
        Schema loaded = ModelLoader.load(dir).schema();
        assertEquals(3, loaded.table("items").orElseThrow().columns().size());
    }

    @Test
    void leavesTheHistoryTableOutOfTheModel(ScratchDatabase db, @TempDir Path dir) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA adopted");
            st.execute("CREATE TABLE adopted.notes (id int PRIMARY KEY)");
            st.execute("CREATE TABLE adopted.strata_migrations (number int PRIMARY KEY)");
        }
        Run r = run("inspect", "--url", url, "--schema", "adopted", "--out", dir.toString());
        assertEquals(0, r.exit(), r.err());
        Schema loaded = ModelLoader.load(dir).schema();
        assertEquals(java.util.List.of("notes"), loaded.tables().stream().map(t -> t.name().name()).toList());
    }

    @Test
    void jsonListsTheUnsupportedObjectsAsData(@TempDir Path dir) {
        Run r = run("inspect", "--url", url, "--schema", "shop", "--out", dir.toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("{\"schema\": \"shop\", \"out\": "), r.out());
        assertTrue(r.out().contains("{\"kind\": \"base type\", \"table\": null, \"name\": \"price\", \"left_out\": true,"),
                r.out());
        assertTrue(r.out().contains("{\"kind\": \"column\", \"table\": \"items\", \"name\": \"cost\", \"left_out\": true,"
                + " \"reason\": \"it uses base type price, which is left out\"}"), r.out());
        assertTrue(r.err().contains("warning:"), r.err());
    }

    @Test
    void refusesToOverwriteWithoutForce(@TempDir Path dir) throws Exception {
        assertEquals(0, run("inspect", "--url", url, "--schema", "shop", "--out", dir.toString()).exit());
        Files.writeString(dir.resolve("shared/views.edn"), "{:mine {:sql \"CREATE VIEW mine AS SELECT 1\"}}\n");
        Run again = run("inspect", "--url", url, "--schema", "shop", "--out", dir.toString());
        assertEquals(8, again.exit(), again.err());
        assertTrue(again.err().contains("already exists"), again.err());
        assertTrue(Files.readString(dir.resolve("shared/views.edn")).contains(":mine"), "nothing was replaced");
        Run forced = run("inspect", "--url", url, "--schema", "shop", "--out", dir.toString(), "--force");
        assertEquals(0, forced.exit(), forced.err());
        assertFalse(Files.readString(dir.resolve("shared/views.edn")).contains(":mine"));
    }

    @Test
    void aMissingSchemaIsADatabaseError(@TempDir Path dir) {
        Run r = run("inspect", "--url", url, "--schema", "nope", "--out", dir.toString());
        assertEquals(5, r.exit(), r.err());
        assertTrue(r.err().contains("schema nope does not exist"), r.err());
        assertFalse(Files.exists(dir.resolve("shared")));
    }
}
