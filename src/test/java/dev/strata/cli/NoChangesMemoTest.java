package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * make-all-migrations on the embedded shadow server remembers a "no changes" answer for exactly its
 * inputs: the next run with the same model, files and Strata answers without a server, and any
 * changed input (an edited file, a changed model) runs the whole comparison again.
 */
class NoChangesMemoTest {
    @TempDir
    Path project;

    @Test
    void sameInputsSameAnswerWithoutAServerAndAnyChangeComparesAgain() throws Exception {
        Path config = Files.writeString(project.resolve("strata.edn"),
                "{:models-dir \"db\" :migrations-dir \"db/migrations\" :profiles {:dev {:pg-version 17}}}");
        Path models = Files.createDirectories(project.resolve("db/shared")).resolve("models.edn");
        Files.writeString(models, "{:account {:fields {:id {:type :integer :primary-key true}}}}\n");
        CliRun made = CliRun.of("make-all-migrations", "--config", config.toString());
        assertEquals(0, made.code(), made.toString());
        assertTrue(made.out().contains("Created"), made.toString());

        CliRun compared = CliRun.of("make-all-migrations", "--config", config.toString());
        assertTrue(compared.out().contains("Shadow server: embedded PostgreSQL 17")
                && compared.out().contains(MigrationGeneration.NO_CHANGES), compared.toString());
        assertTrue(Files.isRegularFile(project.resolve(NoChangesMemo.FILE)));

        CliRun remembered = CliRun.of("make-all-migrations", "--config", config.toString());
        assertEquals(0, remembered.code(), remembered.toString());
        assertFalse(remembered.out().contains("Shadow server"), "no server was started: " + remembered);
        assertTrue(remembered.out().contains("as on the last run"), remembered.toString());

        // An edited migration file: compared again (a comment changes the checksum, not the schema).
        Path file;
        try (var listing = Files.list(project.resolve("db/migrations"))) {
            file = listing.filter(p -> p.getFileName().toString().startsWith("0001")).findFirst().orElseThrow();
        }
        Files.writeString(file, ";; edited by hand\n" + Files.readString(file));
        CliRun afterEdit = CliRun.of("make-all-migrations", "--config", config.toString());
        assertTrue(afterEdit.out().contains("Shadow server") && afterEdit.out().contains(MigrationGeneration.NO_CHANGES),
                afterEdit.toString());

        // A changed model: compared again, and a migration written.
        Files.writeString(models, "{:account {:fields {:id {:type :integer :primary-key true} :name {:type :text}}}}\n");
        CliRun changed = CliRun.of("make-all-migrations", "--config", config.toString());
        assertTrue(changed.out().contains("Shadow server") && changed.out().contains("Created"), changed.toString());
        assertFalse(Files.exists(project.resolve(NoChangesMemo.FILE)), "the memo is forgotten once there was work");
    }
}
