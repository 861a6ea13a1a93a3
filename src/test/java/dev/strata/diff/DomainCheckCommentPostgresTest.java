package dev.strata.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.model.Schema;
import dev.strata.pg.DevServer;
import dev.strata.testing.WithPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Comments on a domain's CHECK constraints ({@code COMMENT ON CONSTRAINT c ON DOMAIN d}). */
@WithPostgres
class DomainCheckCommentPostgresTest {
    private static final String DOMAIN = "CREATE DOMAIN pos AS integer CONSTRAINT pos_check CHECK (VALUE > 0);";

    @Test
    void aCommentAloneIsACommentAndAnAddedCheckTakesItsComment(DevServer server) throws Exception {
        PairCheck.Result r = PairCheck.run(server, DOMAIN + "COMMENT ON CONSTRAINT pos_check ON DOMAIN pos IS 'old';",
                DOMAIN + "COMMENT ON CONSTRAINT pos_check ON DOMAIN pos IS 'why';"
                        + "ALTER DOMAIN pos ADD CONSTRAINT small CHECK (VALUE < 100);"
                        + "COMMENT ON CONSTRAINT small ON DOMAIN pos IS 'small';",
                (c, m) -> {
                    assertTrue(Pipeline.up(m).contains("COMMENT ON CONSTRAINT pos_check ON DOMAIN pos IS 'why'"),
                            Pipeline.up(m).toString());
                    assertTrue(Pipeline.up(m).stream().noneMatch(s -> s.contains("DROP CONSTRAINT pos_check")),
                            Pipeline.up(m).toString());
                });
        assertEquals("why", r.desired().domains().get(0).checks().get(0).comment());
    }

    @Test
    void modelSaysItAndInspectWritesIt(DevServer server, @TempDir Path root) throws Exception {
        ModelApply.write(root, "models.edn",
                "{:pos {:type :domain :base :integer :checks [{:name \"pos_check\" :check [:raw \"VALUE > 0\"]"
                        + " :comment \"positive\"}]}}\n");
        ModelApply.Result r = ModelApply.run(server, "dcc_m", root);
        Schema model = r.model();
        assertEquals("positive", r.read().domains().get(0).checks().get(0).comment());
        String models = r.inspection().files().get("shared/models.edn");
        assertTrue(models.contains(":comment \"positive\""), models);
    }
}
