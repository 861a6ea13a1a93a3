package dev.strata.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.catalog.CatalogReader;
import dev.strata.compile.DdlCompiler;
import dev.strata.load.ModelLoader;
import dev.strata.model.Hints;
import dev.strata.model.Schema;
import dev.strata.pg.DevServer;
import dev.strata.pg.ScratchDatabase;
import dev.strata.sql.Rendered;
import dev.strata.testing.WithPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stand-alone sequences from models.edn on a real PostgreSQL: the compiled model applies and reads
 * back equal to the model; option, owner and comment changes and a removed sequence migrate up,
 * re-diff empty, and migrate down to what was there before.
 */
@WithPostgres
class SequenceModelPostgresTest {
    private static final String V1 = """
            {:orders {:fields {:id {:type :bigint :primary-key true :default [:nextval :order-id]}
                               :number {:type :bigint :null false :default [:nextval :order-number]}}}
             :order-id {:type :sequence :owned-by :orders/id}
             :order-number {:type :sequence :as :bigint :start 1000 :increment 1 :min-value 1 :max-value 9999999
                            :cache 1 :cycle false :owned-by :orders/number :comment "order numbers"}
             :ticket {:type :sequence :as :integer :increment -2 :comment "counts down"}
             "Legacy Seq" {:type :sequence :as :smallint :cycle true}}
            """;
    private static final String V2 = """
            {:orders {:fields {:id {:type :bigint :primary-key true :default [:nextval :order-id]}
                               :number {:type :bigint :null false :default [:nextval :order-number]}}}
             :order-id {:type :sequence}
             :order-number {:type :sequence :as :integer :start 5000 :increment 10 :min-value 100 :max-value 99999999
                            :cache 20 :cycle true :owned-by :orders/number :comment "renumbered"}
             :ticket {:type :sequence :as :integer :increment -2}
             :fresh {:type :sequence :comment "new" :owned-by :orders/id}}
            """;

    @TempDir
    Path dir;

    private Schema model(String name, String edn) throws IOException {
        Path file = dir.resolve(name).resolve("shared").resolve("models.edn");
        Files.createDirectories(file.getParent());
        Files.writeString(file, edn);
        return ModelLoader.load(dir.resolve(name)).schema();
    }

    @Test
    void compiledModelReadsBackAndMigratesBothWays(DevServer server) throws Exception {
        Schema v1 = model("v1", V1);
        Schema v2 = model("v2", V2);
        try (ScratchDatabase db = server.createScratch("seqmodel"); Connection c = db.connect()) {
            try (Statement s = c.createStatement()) {
                for (String sql : DdlCompiler.compile(v1)) {
                    s.execute(sql);
                }
                s.execute("INSERT INTO orders DEFAULT VALUES");
                try (ResultSet rs = s.executeQuery("SELECT id, number FROM orders")) {
                    assertTrue(rs.next());
                    assertEquals(1, rs.getLong(1));
                    assertEquals(1000, rs.getLong(2));
                }
            }
            Schema live1 = CatalogReader.read(c, "public");
            assertEquals(v1.sequences(), live1.sequences());
            assertEquals(List.of(), Differ.diff(live1, v1, Hints.none()), "diff(live, v1)");

            Rendered migration = Pipeline.migration(live1, v2);
            List<String> up = Pipeline.up(migration);
            assertTrue(up.contains("ALTER SEQUENCE order_number AS integer INCREMENT BY 10 MINVALUE 100"
                    + " MAXVALUE 99999999 START WITH 5000 CACHE 20 CYCLE"), String.join("\n", up));
            assertTrue(up.contains("COMMENT ON SEQUENCE order_number IS 'renumbered'"), String.join("\n", up));
            assertTrue(up.contains("COMMENT ON SEQUENCE ticket IS NULL"), String.join("\n", up));
            assertTrue(up.contains("DROP SEQUENCE \"Legacy Seq\""), String.join("\n", up));
            assertTrue(up.indexOf("CREATE SEQUENCE fresh AS bigint INCREMENT BY 1 MINVALUE 1 MAXVALUE"
                    + " 9223372036854775807 START WITH 1 CACHE 1 NO CYCLE")
                    < up.indexOf("ALTER SEQUENCE fresh OWNED BY orders.id"), String.join("\n", up));
            execute(c, up);
            Schema live2 = CatalogReader.read(c, "public");
            assertEquals(v2.sequences(), live2.sequences());
            assertEquals(List.of(), Differ.diff(live2, v2, Hints.none()), "diff(live after up, v2)");

            execute(c, Pipeline.down(migration));
            Schema back = CatalogReader.read(c, "public");
            assertEquals(List.of(), Differ.diff(back, live1, Hints.none()), "diff(live after down, v1)");
            assertEquals(live1.sequences(), back.sequences());
        }
    }

    @Test
    void removingEverySequenceAndTheTableMigratesBothWays(DevServer server) throws Exception {
        Schema v1 = model("v1", V1);
        try (ScratchDatabase db = server.createScratch("seqdrop"); Connection c = db.connect()) {
            try (Statement s = c.createStatement()) {
                for (String sql : DdlCompiler.compile(v1)) {
                    s.execute(sql);
                }
            }
            Schema live1 = CatalogReader.read(c, "public");
            Rendered migration = Pipeline.migration(live1, Schema.empty());
            execute(c, Pipeline.up(migration));
            assertEquals(List.of(), CatalogReader.read(c, "public").sequences());
            execute(c, Pipeline.down(migration));
            Schema back = CatalogReader.read(c, "public");
            assertEquals(List.of(), Differ.diff(back, v1, Hints.none()), "diff(live after down, v1)");
        }
    }

    private static void execute(Connection c, List<String> statements) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                try {
                    s.execute(sql);
                } catch (SQLException e) {
                    throw new SQLException("failed at: " + sql + "\n" + e.getMessage(), e);
                }
            }
        }
    }
}
