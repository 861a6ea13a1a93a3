package dev.strata.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.StrataException;
import dev.strata.catalog.CatalogReader;
import dev.strata.inspect.Inspection;
import dev.strata.load.ModelLoader;
import dev.strata.model.Schema;
import dev.strata.pg.DevServer;
import dev.strata.pg.ScratchDatabase;
import dev.strata.testing.WithPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The comment on the target schema itself: {@code {:type :target-schema :comment "..."}}. */
@WithPostgres
class TargetSchemaCommentPostgresTest {
    @Test
    void setChangedAndRemovedConverge(DevServer server) throws Exception {
        PairCheck.Result r = PairCheck.run(server, "CREATE TABLE t (id int);",
                "CREATE TABLE t (id int); COMMENT ON SCHEMA public IS 'the shop';",
                (c, m) -> assertTrue(Pipeline.up(m).stream().anyMatch(s -> s.contains("current_schema()")),
                        Pipeline.up(m).toString()));
        assertNull(r.before().targetComment(), "public's initdb comment counts as none");
        assertEquals("the shop", r.desired().targetComment());
        PairCheck.run(server, "COMMENT ON SCHEMA public IS 'a';", "COMMENT ON SCHEMA public IS 'b';", (c, m) -> { });
    }

    @Test
    void aTenantSchemaGetsItsOwnComment(DevServer server) throws Exception {
        try (ScratchDatabase db = server.createScratch("tsc_t"); Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA tenant_a");
            st.execute("SET search_path TO tenant_a");
            st.execute(dev.strata.sql.Ddl.commentOnTargetSchema("tenant A"));
            assertEquals("tenant A", CatalogReader.read(c, "tenant_a").targetComment());
            st.execute(dev.strata.sql.Ddl.commentOnTargetSchema(null));
            assertNull(CatalogReader.read(c, "tenant_a").targetComment());
            try (ResultSet rs = st.executeQuery("SELECT obj_description('tenant_a'::regnamespace, 'pg_namespace')")) {
                rs.next();
                assertNull(rs.getString(1));
            }
        }
    }

    @Test
    void modelSaysItAndInspectWritesIt(DevServer server, @TempDir Path root) throws Exception {
        ModelApply.write(root, "models.edn", "{:t {:fields {:id {:type :integer}}}\n"
                + " :target-schema {:type :target-schema :comment \"orders and stock\"}}\n");
        ModelApply.Result r = ModelApply.run(server, "tsc_m", root);
        Schema model = r.model();
        assertEquals("orders and stock", model.targetComment());
        assertEquals("orders and stock", r.read().targetComment());
        Inspection inspection = r.inspection();
        String models = inspection.files().get("shared/models.edn");
        assertTrue(models.contains(":type :target-schema") && models.contains("orders and stock"), models);
    }

    @Test
    void twoEntriesAreAnInvalidModel(@TempDir Path root) throws Exception {
        ModelApply.write(root, "models.edn", "{:a {:type :target-schema :comment \"x\"}\n"
                + " :b {:type :target-schema :comment \"y\" :owner :me}}\n");
        StrataException e = org.junit.jupiter.api.Assertions.assertThrows(StrataException.class, () -> ModelLoader.load(root));
        String problems = String.join("\n", e.problems());
        assertTrue(problems.contains("described twice") && problems.contains("unknown target schema option :owner"), problems);
    }
}
