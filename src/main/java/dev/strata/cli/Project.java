package dev.strata.cli;

import dev.strata.config.ShadowServers;
import dev.strata.pg.PgMajor;
import java.sql.Connection;
import java.sql.SQLException;

import dev.strata.config.StrataConfig;
import dev.strata.config.Target;
import dev.strata.config.Targets;
import dev.strata.load.LoadOptions;
import dev.strata.load.LoadedModel;
import dev.strata.load.ModelLoader;
import dev.strata.runner.Migrator;
import java.nio.file.Path;
import java.util.Set;

/**
 * Project joins the global options with {@code strata.edn}: options win over the file, the file
 * over the defaults. The migrations directory is {@code --migrations-dir}, else the file's
 * {@code :migrations-dir}, else {@code migrations} under the models directory.
 */
final class Project {
    private final GlobalOptions global;
    private final StrataConfig config;

    private Project(GlobalOptions global, StrataConfig config) {
        this.global = global;
        this.config = config;
    }

    static Project of(GlobalOptions global) {
        return new Project(global, StrataConfig.load(Path.of("").toAbsolutePath(), global.config));
    }

    StrataConfig config() {
        return config;
    }

    /** The models root: {@code --models-dir}, else the file's {@code :models-dir}, else {@code resources/db}. */
    Path modelsDir() {
        return global.modelsDir != null ? global.modelsDir : config.modelsDir();
    }

    /** How models are loaded: the file's {@code :strip-keys}. */
    LoadOptions loadOptions() {
        return new LoadOptions(Set.copyOf(config.stripKeys()));
    }

    Path migrationsDir() {
        if (global.migrationsDir != null) {
            return global.migrationsDir;
        }
        if (config.migrationsDir() != null) {
            return config.migrationsDir();
        }
        return global.modelsDir != null ? global.modelsDir.resolve("migrations") : config.migrationsDirOrDefault();
    }

    /** Where the processed model goes: {@code :processed-model} of strata.edn, else {@code db/models_processed.edn}. */
    Path processedModel() {
        return config.processedModel();
    }

    /** Loads and validates the model tree with the configured strip keys. */
    LoadedModel loadModel() {
        return ModelLoader.load(modelsDir(), loadOptions());
    }

    String schema() {
        return Targets.schema(config, global.profile, global.schema);
    }

    /**
     * The target database; the caller closes it (that stops an embedded server). Its version is
     * recorded for later commands that do not reach it ({@link ShadowServers#offline}).
     */
    Target target() {
        Target target = Targets.resolve(config, global.profile, global.url, System::getenv);
        try (Connection c = target.source().open()) {
            ShadowServers.record(config.projectDir(), PgMajor.of(c));
        } catch (SQLException | RuntimeException e) {
            // Not reachable: the command's own connection reports that, with the fix.
        }
        return target;
    }

    /**
     * The target, when one is configured (--url, the profile's :url / :url-env, DATABASE_URL), for
     * the safety stage's numbers; {@code null} for the embedded :dev database, which is not started
     * just for them.
     */
    Target configuredTarget() {
        dev.strata.config.Profile profile = profile();
        if (Targets.isEmbeddedDev(profile, global.url, System::getenv)) {
            return null;
        }
        return Targets.resolve(config, global.profile, global.url, System::getenv);
    }

    /** The server named for scratch databases ({@code --dev-url}, else the profile's {@code :dev-url}), or {@code null}. */
    String devUrl(String option) {
        return ShadowServers.devUrl(config, global.profile, option);
    }

    /** The shadow server's version when the target is not reached. */
    ShadowServers.Choice offlineShadow() {
        return ShadowServers.offline(config, global.profile, global.url, System::getenv);
    }

    /** The profile the command works with: --profile, else :dev. */
    private dev.strata.config.Profile profile() {
        return config.profile(global.profile == null ? dev.strata.config.Profile.DEV : global.profile);
    }

    Migrator migrator(Target target, boolean allowOutOfOrder) {
        return migrator(target, allowOutOfOrder, null);
    }

    /** A migrator that takes a pg_dump backup first when {@code backup} or the profile asks for one. */
    Migrator migrator(Target target, boolean allowOutOfOrder, BackupOptions backup) {
        return migrator(target, allowOutOfOrder, backup, false);
    }

    /** ... and without the verification when {@code noVerify} or the profile's {@code :verify false} says so. */
    Migrator migrator(Target target, boolean allowOutOfOrder, BackupOptions backup, boolean noVerify) {
        dev.strata.config.Profile profile = profile();
        var options = config.migratorOptions(schema()).withAllowOutOfOrder(allowOutOfOrder).withBackupDir(backupDir(backup))
                .withVerify(!noVerify && !Boolean.FALSE.equals(profile.verify()));
        if (profile.verifyMaxRows() != null) {
            options = options.withVerifyMaxRows(profile.verifyMaxRows());
        }
        return new Migrator(target.source(), migrationsDir(), options);
    }

    /** The backup directory: --backup [DIR], else --no-backup, else the profile's :backup (on for prod). */
    Path backupDir(BackupOptions backup) {
        dev.strata.config.Profile profile = profile();
        Path fallback = config.projectDir().resolve(".strata").resolve("backups");
        if (backup != null && backup.backup != null) {
            return backup.backup.isEmpty() ? (profile.backupDir() != null ? config.projectDir().resolve(profile.backupDir()) : fallback)
                    : Path.of(backup.backup);
        }
        if (backup != null && backup.noBackup) {
            return null;
        }
        if (!profile.backsUpByDefault()) {
            return null;
        }
        return profile.backupDir() != null ? config.projectDir().resolve(profile.backupDir()) : fallback;
    }
}
