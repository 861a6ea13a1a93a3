package dev.strata.cli;

import dev.strata.config.ShadowServers;
import dev.strata.pg.PgMajor;
import java.sql.Connection;
import java.sql.SQLException;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import dev.strata.config.Target;
import dev.strata.inspect.BaselineMigration;
import dev.strata.inspect.Inspection;
import dev.strata.inspect.Inspector;
import dev.strata.load.LoadOptions;
import dev.strata.load.ModelLoader;
import dev.strata.migration.Migration;
import dev.strata.migration.MigrationFiles;
import dev.strata.migration.MigrationWriter;
import dev.strata.model.Schema;
import dev.strata.pg.DevServer;
import dev.strata.runner.Migrator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * BaselineCommand is {@code strata baseline}: an existing schema adopts Strata without anything
 * being recreated. It writes the schema's model tree (as {@code strata inspect} does), writes
 * migration {@code 0001_baseline.edn} whose up creates what that tree holds and whose down drops
 * it, and records 0001 in the history table as applied without running it. Every refusal comes
 * before anything is written. See docs/inspect.md, "Baseline".
 */
@Command(name = "baseline", mixinStandardHelpOptions = true,
        description = "Adopt an existing schema: write its model tree and migration 0001 (which recreates it on an"
                + " empty database), and record 0001 as applied without running it.")
final class BaselineCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Option(names = "--name", paramLabel = "NAME", defaultValue = "baseline",
            description = "Name of the migration (default: baseline, giving 0001_baseline.edn).")
    String name;

    @Option(names = "--out", paramLabel = "DIR",
            description = "The models root to write (default: --models-dir, i.e. resources/db).")
    Path out;

    @Option(names = "--force", description = "Replace model files that already exist.")
    boolean force;

    @Option(names = "--dev-url", paramLabel = "URL",
            description = "Server for the scratch database the model is compiled on (default: a throw-away"
                    + " embedded PostgreSQL).")
    String devUrl;

    @Override
    public Integer call() {
        Project project = Project.of(global);
        String migrationName = MigrationFiles.snakeName(name);
        Path root = out != null ? out : project.modelsDir();
        Path migrationsDir = project.migrationsDir();
        refuseMigrationFiles(migrationsDir);
        PrintWriter o = spec.commandLine().getOut();
        try (Target target = project.target()) {
            Migrator migrator = project.migrator(target, false);
            String schema = migrator.options().schema();
            migrator.checkBaselineAllowed();
            o.println("Target: " + target.describe() + ", schema " + schema);
            Inspection inspection = inspect(target, schema, migrator.options().historyTable());
            if (!force) {
                inspection.refuseExisting(root);
            }
            BaselineMigration baseline;
            ShadowServers.Choice choice = ShadowServers.forTarget(targetVersion(target));
            try (DevServer dev = DevServers.open(project, project.devUrl(devUrl), choice)) {
                if (ShadowServers.describe(dev, choice) != null) {
                    o.println(ShadowServers.describe(dev, choice));
                }
                baseline = BaselineMigration.of(loadBack(inspection, project), dev);
            }
            Path file = MigrationWriter.writeEdn(migrationsDir, migrationName, baseline.actions(), baseline.up(),
                    baseline.down(), baseline.transactional());
            Migration migration = MigrationFiles.read(file);
            try {
                migrator.baseline(migration);
            } catch (RuntimeException e) {
                deleteQuietly(file);
                throw e;
            }
            inspection.writeTo(root, force);
            InspectCommand.warn(spec.commandLine().getErr(), inspection, "Objects left out stay in the database"
                    + " untouched, but " + migration.id() + " does not create them: a database built from the"
                    + " migrations lacks them. Add them with hand-written migrations, or accept their removal.");
            o.println("Wrote " + InspectCommand.summary(inspection.schema(), inspection) + " to "
                    + root.resolve(Inspection.LAYER));
            o.println("Wrote " + file + " (" + count(baseline.up().size(), "statement") + " up, "
                    + baseline.down().size() + " down)");
            o.println("Recorded " + migration.id() + " as applied to schema " + schema
                    + " without running it; nothing in the schema was changed.");
            o.println("Next: strata status shows it applied; strata migrate applies only the migrations after it.");
        }
        o.flush();
        return 0;
    }

    private static PgMajor.ServerVersion targetVersion(Target target) {
        try (Connection c = target.source().open()) {
            return PgMajor.of(c);
        } catch (SQLException e) {
            throw new StrataException(ErrorCode.DATABASE, "cannot ask " + target.describe() + " for its version: "
                    + e.getMessage() + "\n  Fix: check the URL and that the database is up.", e);
        }
    }

    private static void refuseMigrationFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Migration> files = MigrationFiles.readAll(dir);
        if (!files.isEmpty()) {
            throw new StrataException(ErrorCode.MIGRATION_FILES, "migrations dir " + dir + " already holds "
                    + count(files.size(), "migration") + " (" + Migrator.availableRange(files) + "); a baseline"
                    + " must be the first migration.\n  Fix: run strata migrate for a project that already has"
                    + " migrations, or point --migrations-dir at an empty folder.");
        }
    }

    private static Inspection inspect(Target target, String schema, String historyTable) {
        try (Connection c = target.source().open()) {
            return Inspector.inspect(c, schema, Set.of(historyTable));
        } catch (SQLException e) {
            throw new StrataException(ErrorCode.DATABASE, "could not connect to " + target.describe() + ": "
                    + e.getMessage() + "\n  Check the URL, the credentials and that the server is running.", e);
        }
    }

    /** The tree as the loader reads it, from a temporary copy, so nothing is written when it fails. */
    private static Schema loadBack(Inspection inspection, Project project) {
        Path temp;
        try {
            temp = Files.createTempDirectory("strata-baseline");
        } catch (IOException e) {
            throw new StrataException(ErrorCode.CONFIG, "could not create a temporary directory: " + e.getMessage(), e);
        }
        try {
            inspection.writeTo(temp, false);
            return ModelLoader.load(temp, new LoadOptions(Set.copyOf(project.config().stripKeys()))).schema();
        } finally {
            deleteTree(temp);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(BaselineCommand::deleteQuietly);
        } catch (IOException e) {
            // A temporary directory left behind is harmless; the system cleans it up.
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // Best effort: the caller is already reporting the failure that matters.
        }
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
