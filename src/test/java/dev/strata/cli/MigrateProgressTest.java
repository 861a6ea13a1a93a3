package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.pg.DevServer;
import dev.strata.pg.ScratchDatabase;
import dev.strata.runner.RunnerFixtures;
import dev.strata.testing.WithPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** migrate prints each migration as it commits: a later failure does not hide what was committed. */
@WithPostgres
class MigrateProgressTest {
    @Test
    void aFailureAfterTwoCommitsStillShowsThem(DevServer server, @TempDir Path dir) throws Exception {
        RunnerFixtures.writeBasicProject(dir);
        RunnerFixtures.write(dir, "0003_add_indexes.edn", "{:up [\"CREATE INDEX users_email_idx ON users (nope)\"]\n"
                + " :down [\"DROP INDEX users_email_idx\"]}\n");
        try (ScratchDatabase db = server.createScratch("migrate_progress")) {
            CliRun run = CliRun.of("migrate", "--migrations-dir", dir.toString(), "--url", CliRun.url(db), "--no-verify");
            assertEquals(5, run.code(), run.toString());
            assertTrue(run.out().contains("Applied     0001_create_users") && run.out().contains("Applied     0002_add_email"),
                    run.toString());
            assertTrue(run.err().contains("0003_add_indexes failed"), run.toString());
            assertEquals(2, RunnerFixtures.history(db, "public").size());
        }
    }
}
