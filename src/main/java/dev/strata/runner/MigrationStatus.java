package dev.strata.runner;

import dev.strata.migration.Migration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * MigrationStatus represents the state of every migration of a schema: the files on disk joined
 * with the rows of the history table.
 *
 * @param schema  the target schema
 * @param entries one entry per number found on disk or in the history table, in number order
 */
public record MigrationStatus(String schema, List<Entry> entries) {
    public MigrationStatus {
        entries = List.copyOf(entries);
    }

    /** What is known of one migration number. */
    public enum State {
        /** Applied, and the file on disk is the one that was applied. */
        APPLIED,
        /** On disk, not applied. */
        PENDING,
        /** Applied, but the file on disk has changed since (migrate refuses to run). */
        CHANGED,
        /** Applied, but no file with its number is on disk (migrate refuses to run). */
        MISSING
    }

    /**
     * One migration number.
     *
     * @param number    the number
     * @param name      the file's name, or the recorded one when the file is missing
     * @param state     its state
     * @param migration the file, or {@code null} when missing
     * @param applied   its history row, or {@code null} when pending
     */
    public record Entry(int number, String name, State state, Migration migration, AppliedMigration applied) {
        public boolean isApplied() {
            return applied != null;
        }

        /** When it was applied, or {@code null}. */
        public OffsetDateTime appliedAt() {
            return applied == null ? null : applied.appliedAt();
        }
    }

    public long appliedCount() {
        return entries.stream().filter(Entry::isApplied).count();
    }

    public long pendingCount() {
        return count(State.PENDING);
    }

    public long count(State state) {
        return entries.stream().filter(e -> e.state() == state).count();
    }
}
