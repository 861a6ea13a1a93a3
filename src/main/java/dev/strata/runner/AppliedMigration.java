package dev.strata.runner;

import java.time.OffsetDateTime;

/**
 * AppliedMigration represents one row of the history table.
 *
 * @param number      the migration number
 * @param name        its name when applied
 * @param kind        its file format ({@code edn}, {@code sql}, {@code actions})
 * @param checksum    the SHA-256 of the file when applied
 * @param appliedAt   when it was applied
 * @param executionMs how long its statements took
 * @param appliedBy   the database user that applied it
 */
public record AppliedMigration(
        int number,
        String name,
        String kind,
        String checksum,
        OffsetDateTime appliedAt,
        long executionMs,
        String appliedBy) {
}
