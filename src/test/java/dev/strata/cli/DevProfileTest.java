package dev.strata.cli;

import static dev.strata.runner.RunnerFixtures.write;
import static dev.strata.runner.RunnerFixtures.writeBasicProject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The :dev profile's embedded PostgreSQL keeps its data under .strata/pg between runs. */
class DevProfileTest {
    @TempDir
    Path project;

    @Test
    void theSecondRunSeesTheFirstRunsHistory() {
        assumeTrue(System.getenv("DATABASE_URL") == null, "DATABASE_URL is set, so the :dev profile would not use the embedded server");
        Path config = write(project, "strata.edn", "{:migrations-dir \"migrations\" :profiles {:dev {}}}");
        writeBasicProject(project.resolve("migrations"));

        CliRun first = CliRun.of("migrate", "--to", "2", "--config", config.toString());
        assertEquals(0, first.code(), first.toString());
        assertTrue(first.out().contains("(profile :dev, embedded PostgreSQL with data in " + project.toAbsolutePath().resolve(".strata/pg") + ")"),
                first.toString());
        assertTrue(Files.isRegularFile(project.resolve(".strata/pg/PG_VERSION")), "the cluster lives in the project");

        CliRun second = CliRun.of("status", "--config", config.toString());
        assertEquals(0, second.code(), second.toString());
        assertTrue(second.out().contains("✓ 0002_add_email") && second.out().contains("Total: 2 applied, 1 pending"), second.toString());

        CliRun third = CliRun.of("migrate", "--config", config.toString(), "--profile", "dev");
        assertTrue(third.out().contains("Applied     0003_add_indexes") && third.out().contains("3 applied, 0 pending"), third.toString());
    }
}
