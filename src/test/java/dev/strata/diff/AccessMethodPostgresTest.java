package dev.strata.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.inspect.Inspection;
import dev.strata.model.AccessMethod;
import dev.strata.model.Schema;
import dev.strata.model.Table;
import dev.strata.pg.DevServer;
import dev.strata.testing.WithPostgres;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Table access methods ({@code USING am}) and {@code CREATE ACCESS METHOD}, from the model to PostgreSQL and back. */
@WithPostgres
class AccessMethodPostgresTest {
    private static final String AM = "CREATE FUNCTION my_heap(internal) RETURNS table_am_handler LANGUAGE internal"
            + " AS 'heap_tableam_handler';"
            + "CREATE ACCESS METHOD my_heap TYPE TABLE HANDLER my_heap;";

    @Test
    void tablesAndMaterializedViewsMoveBetweenAccessMethods(DevServer server) throws Exception {
        PairCheck.Result r = PairCheck.run(server, AM + "CREATE TABLE a (id int); CREATE TABLE b (id int) USING my_heap;",
                AM + "COMMENT ON ACCESS METHOD my_heap IS 'a heap';"
                        + "CREATE TABLE a (id int) USING my_heap; CREATE TABLE b (id int);"
                        + "CREATE TABLE c (id int) USING my_heap;"
                        + "CREATE MATERIALIZED VIEW v USING my_heap AS SELECT id FROM c;",
                (c, m) -> assertTrue(Pipeline.up(m).contains("ALTER TABLE a SET ACCESS METHOD my_heap"),
                        Pipeline.up(m).toString()));
        assertEquals(java.util.Arrays.asList("my_heap", null, "my_heap"), r.desired().tables().stream().map(Table::accessMethod).toList());
        assertTrue(r.desired().views().get(0).definition().contains("USING my_heap"), r.desired().views().get(0).definition());
        assertEquals(List.of(new AccessMethod("my_heap", "TABLE", "my_heap", "a heap")), r.desired().accessMethods());
        PairCheck.run(server, "", AM + "CREATE TABLE t (id int) USING my_heap;", (c, m) -> { });
    }

    @Test
    void modelSaysItAndInspectWritesIt(DevServer server, @TempDir Path root) throws Exception {
        ModelApply.write(root, "functions.edn", "{:my-heap {:sql \"CREATE FUNCTION my_heap(internal)"
                + " RETURNS table_am_handler LANGUAGE internal AS 'heap_tableam_handler'\"}}\n");
        ModelApply.write(root, "models.edn", "{:my-heap-am {:type :access-method :kind :table :handler :my-heap}\n"
                + " :events {:fields {:id {:type :integer}} :access-method :my-heap-am}}\n");
        ModelApply.Result r = ModelApply.run(server, "am_m", root);
        Schema model = r.model();
        Schema read = r.read();
        assertEquals("my_heap_am", read.tables().get(0).accessMethod());
        Inspection inspection = r.inspection();
        assertEquals(List.of(), inspection.unsupported());
        String models = inspection.files().get("shared/models.edn");
        assertTrue(models.contains(":access-method :my-heap-am") && models.contains(":type :access-method"), models);
    }
}
