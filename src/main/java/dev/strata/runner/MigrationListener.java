package dev.strata.runner;

/**
 * MigrationListener hears a {@link Migrator} run as it happens: the backup taken before anything
 * runs, then each migration as it commits (so what was committed before a failure is known even
 * when the run then fails).
 */
public interface MigrationListener {
    MigrationListener NONE = new MigrationListener() {
    };

    default void backupTaken(Backup backup) {
    }

    /** A migration was applied or rolled back, and committed with its history row. */
    default void committed(Step step) {
    }
}
