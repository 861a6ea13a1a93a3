package dev.strata.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.config.ShadowServers;
import dev.strata.load.LoadedModel;
import dev.strata.load.ModelLoader;
import dev.strata.migration.MigrationFiles;
import dev.strata.pg.DevServer;
import dev.strata.pg.PgMajor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On the project's shadow cluster the state the migration files produce and the model's state
 * are kept between runs and read again while nothing changed; an edited file is replayed, not
 * reused, and so is a changed model.
 */
class KeptStatesTest {
    private static final ShadowServers.Choice CHOICE = new ShadowServers.Choice(PgMajor.BUNDLED, "test");

    @Test
    void anEditedFileIsReplayedAndAnUnchangedOneReused(@TempDir Path project) throws Exception {
        Path models = project.resolve("db");
        Path migrations = models.resolve("migrations");
        Files.createDirectories(models.resolve("shared"));
        Files.createDirectories(migrations);
        Files.writeString(models.resolve("shared/models.edn"),
                "{:a {:fields {:id {:type :integer}}}\n :b {:fields {:id {:type :integer} :note {:type :text}}}}\n");
        Files.writeString(migrations.resolve("0001_a.sql"), "-- FORWARD\nCREATE TABLE a (id integer);\n-- BACKWARD\nDROP TABLE a;\n");
        Files.writeString(migrations.resolve("0002_b.sql"),
                "-- FORWARD\nCREATE TABLE b (id integer, note text);\n-- BACKWARD\nDROP TABLE b;\n");
        LoadedModel model = ModelLoader.load(models);

        Map<String, Long> first;
        try (DevServer dev = ShadowServers.open(null, CHOICE, project)) {
            assertTrue(dev.keepsStates());
            assertEquals(0, MigrationMaker.plan(model, MigrationFiles.readAll(migrations), dev, null).changes().size());
            first = kept(dev);
            assertEquals(2, first.size(), "one state of the files, one of the model: " + first);
        }
        try (DevServer dev = ShadowServers.open(null, CHOICE, project)) {
            assertEquals(0, MigrationMaker.plan(model, MigrationFiles.readAll(migrations), dev, null).changes().size());
            assertEquals(first, kept(dev), "nothing changed: both states read again, not made again");
        }
        // 0002 edited by hand: the kept state of the files no longer holds, the model's still does.
        Files.writeString(migrations.resolve("0002_b.sql"), "-- FORWARD\nCREATE TABLE b (id integer);\n-- BACKWARD\nDROP TABLE b;\n");
        try (DevServer dev = ShadowServers.open(null, CHOICE, project)) {
            MigrationMaker.Result result = MigrationMaker.plan(model, MigrationFiles.readAll(migrations), dev, null);
            assertEquals(1, result.changes().size(), "the edited 0002 was replayed: b lacks note");
            assertTrue(result.changes().get(0).change() instanceof dev.strata.diff.Change.AddColumn, result.changes().toString());
            Map<String, Long> after = kept(dev);
            assertEquals(2, after.size(), "the old state of the files was dropped: " + after);
            String model1 = first.keySet().stream().filter(n -> n.contains("_model_")).findFirst().orElseThrow();
            assertEquals(first.get(model1), after.get(model1), "the model's state was reused");
            String files1 = first.keySet().stream().filter(n -> n.contains("_files_")).findFirst().orElseThrow();
            String files2 = after.keySet().stream().filter(n -> n.contains("_files_")).findFirst().orElseThrow();
            assertNotEquals(files1, files2);
        }
        // A new file: the kept state of the first two is copied and only 0003 applied. A table put into
        // the kept state by hand shows that it was copied, not replayed.
        try (DevServer dev = ShadowServers.open(null, CHOICE, project)) {
            String files = kept(dev).keySet().stream().filter(n -> n.contains("_files_")).findFirst().orElseThrow();
            try (Connection c = dev.connectTo(files); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE copied_marker (id integer)");
            }
        }
        Files.writeString(migrations.resolve("0003_c.sql"), "-- FORWARD\nALTER TABLE b ADD COLUMN note text;\n-- BACKWARD\nALTER TABLE b DROP COLUMN note;\n");
        try (DevServer dev = ShadowServers.open(null, CHOICE, project)) {
            MigrationMaker.Result result = MigrationMaker.plan(model, MigrationFiles.readAll(migrations), dev, null);
            assertEquals(List.of("drop-table copied_marker"), result.changes().stream()
                    .map(c -> ChangeActions.kind(c.change()) + " " + c.change().object()).toList(),
                    "0003 was applied on a copy of the kept state of 0001 and 0002");
        }
        // A file removed: the kept state (of three files) is no prefix of the two left, so they are replayed.
        Files.delete(migrations.resolve("0003_c.sql"));

        // The model changed: its state is made again.
        Files.writeString(models.resolve("shared/models.edn"), "{:a {:fields {:id {:type :integer}}}\n :b {:fields {:id {:type :integer}}}}\n");
        try (DevServer dev = ShadowServers.open(null, CHOICE, project)) {
            assertEquals(0, MigrationMaker.plan(ModelLoader.load(models), MigrationFiles.readAll(migrations), dev, null)
                    .changes().size());
        }
    }

    /** The kept databases, name to oid. */
    private static Map<String, Long> kept(DevServer dev) throws Exception {
        Map<String, Long> out = new TreeMap<>();
        try (Connection c = dev.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT datname, oid::bigint FROM pg_database WHERE datname LIKE 'strata\\_kept\\_%'")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }
}
