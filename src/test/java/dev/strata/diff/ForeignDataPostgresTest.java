package dev.strata.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import dev.strata.catalog.CatalogReader;
import dev.strata.inspect.Inspection;
import dev.strata.load.ModelLoader;
import dev.strata.model.Hints;
import dev.strata.model.Schema;
import dev.strata.model.Table;
import dev.strata.pg.DevServer;
import dev.strata.pg.ScratchDatabase;
import dev.strata.testing.WithPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SQL/MED: foreign-data wrappers, servers and foreign tables, from the model to PostgreSQL and back. */
@WithPostgres
class ForeignDataPostgresTest {
    private static final String BASE = "CREATE FOREIGN DATA WRAPPER dummy;"
            + "CREATE SERVER films FOREIGN DATA WRAPPER dummy OPTIONS (host 'a');";

    @Test
    void wrappersServersAndForeignTablesConverge(DevServer server) throws Exception {
        PairCheck.Result r = PairCheck.run(server, BASE
                        + "CREATE FOREIGN TABLE film (code char(5) NOT NULL, title text) SERVER films"
                        + " OPTIONS (table_name 'films', updatable 'true');"
                        + "ALTER FOREIGN TABLE film ALTER COLUMN code OPTIONS (column_name 'number');",
                BASE.replace("host 'a'", "host 'b', port '5432'")
                        + "CREATE SERVER other TYPE 'pg' VERSION '17' FOREIGN DATA WRAPPER dummy;"
                        + "COMMENT ON SERVER other IS 'the other one';"
                        + "CREATE FOREIGN TABLE film (code char(5) NOT NULL, title text, kind text) SERVER films"
                        + " OPTIONS (table_name 'all_films');"
                        + "ALTER FOREIGN TABLE film ALTER COLUMN code OPTIONS (column_name 'num');"
                        + "ALTER FOREIGN TABLE film ALTER COLUMN kind OPTIONS (column_name 'film kind');"
                        + "COMMENT ON FOREIGN TABLE film IS 'remote films';"
                        + "CREATE FOREIGN TABLE old_film (code char(5)) SERVER other;",
                (c, m) -> assertTrue(Pipeline.up(m).stream().anyMatch(s -> s.startsWith("ALTER FOREIGN TABLE film OPTIONS")),
                        Pipeline.up(m).toString()));
        Table film = r.desired().tables().get(0);
        assertEquals("films", film.foreign().server());
        assertEquals(Map.of("table_name", "all_films"), film.foreign().options());
        assertEquals(Map.of("column_name", "num"), film.columns().get(0).fdwOptions());
        assertEquals(List.of("films", "other"), r.desired().servers().stream().map(s -> s.name()).toList());
        PairCheck.run(server, BASE + "CREATE SERVER other FOREIGN DATA WRAPPER dummy;"
                        + "CREATE FOREIGN TABLE t (a int) SERVER films;",
                BASE + "CREATE SERVER other FOREIGN DATA WRAPPER dummy; CREATE FOREIGN TABLE t (a int) SERVER other;",
                (c, m) -> assertTrue(Pipeline.up(m).contains("DROP FOREIGN TABLE t"), Pipeline.up(m).toString()));
    }

    @Test
    void anOrdinaryTableDoesNotSilentlyBecomeForeign(DevServer server) throws Exception {
        try (ScratchDatabase a = server.createScratch("fdw_a"); ScratchDatabase b = server.createScratch("fdw_b");
             Connection ca = a.connect(); Connection cb = b.connect(); Statement sa = ca.createStatement();
             Statement sb = cb.createStatement()) {
            sa.execute(BASE + "CREATE TABLE t (a int)");
            sb.execute(BASE + "CREATE FOREIGN TABLE t (a int) SERVER films");
            StrataException e = assertThrows(StrataException.class, () -> Differ.diff(CatalogReader.read(ca, "public"),
                    CatalogReader.read(cb, "public"), Hints.none()));
            assertEquals(ErrorCode.REFUSED_CHANGE, e.code());
            assertTrue(e.getMessage().contains("its rows would be lost"), e.getMessage());
        }
    }

    @Test
    void modelSaysItAndInspectWritesIt(DevServer server, @TempDir Path root) throws Exception {
        ModelApply.write(root, "models.edn", """
                {:dummy {:type :foreign-data-wrapper}
                 :films {:type :server :wrapper :dummy :options {:host "db" :port 5432} :comment "films"}
                 :film {:fields {:code {:type [:char 5] :null false :fdw-options {:column-name "number"}}
                                 :title {:type :text}}
                        :foreign {:server :films :options {:table-name "films"}}
                        :comment "remote"}}
                """);
        ModelApply.Result r = ModelApply.run(server, "fdw_m", root);
        Schema model = r.model();
        Schema read = r.read();
        Table film = read.tables().get(0);
        assertEquals("remote", film.comment());
        assertEquals(Map.of("column_name", "number"), film.columns().get(0).fdwOptions());
        assertEquals(Map.of("host", "db", "port", "5432"), read.servers().get(0).options());
        Inspection inspection = r.inspection();
        assertEquals(List.of(), inspection.unsupported());
        String models = inspection.files().get("shared/models.edn");
        assertTrue(models.contains(":foreign {:server :films") && models.contains(":fdw-options {:column-name \"number\"}")
                && models.contains(":type :foreign-data-wrapper") && models.contains(":type :server"), models);
    }

    @Test
    void badEntriesAreInvalidModels(@TempDir Path root) throws Exception {
        ModelApply.write(root, "models.edn", """
                {:s {:type :server :options {:host "db"}}
                 :t {:fields {:a {:type :integer}} :foreign {:options {:x "y"}}}}
                """);
        StrataException e = assertThrows(StrataException.class, () -> ModelLoader.load(root));
        String problems = String.join("\n", e.problems());
        assertTrue(problems.contains("server has no :wrapper") && problems.contains("bad :foreign"), problems);
    }
}
