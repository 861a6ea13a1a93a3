package dev.strata.runner;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * MigratorOptions represents how a {@link Migrator} runs.
 *
 * @param schema          the target schema (created when missing); its history table lives there
 * @param historyTable    the history table's name
 * @param lockTimeout     PostgreSQL's {@code lock_timeout} for the migration session ({@code 10s},
 *                        {@code 500ms}, {@code 2min}; {@code 0} waits forever)
 * @param lockWait        how long to wait for another migrator of the same schema to finish
 * @param allowOutOfOrder whether a pending migration numbered below the last applied one may run
 * @param backupDir       where {@code pg_dump} writes a backup of the schema before a run changes
 *                        anything ({@code migrate --backup}), or {@code null} for no backup
 * @param verify          whether each migration is checked against snapshots taken before and after it
 *                        ({@code migrate --verify}, on by default)
 * @param verifyMaxRows   tables estimated above this many rows are not counted exactly by the verification
 * @param lockRetries     how many times a migration that failed on lock_timeout is tried again (0: not retried)
 */
public record MigratorOptions(
        String schema,
        String historyTable,
        String lockTimeout,
        Duration lockWait,
        boolean allowOutOfOrder,
        java.nio.file.Path backupDir,
        boolean verify,
        long verifyMaxRows,
        int lockRetries) {
    public static final long DEFAULT_VERIFY_MAX_ROWS = 1_000_000;
    public static final String DEFAULT_SCHEMA = "public";
    public static final String DEFAULT_HISTORY_TABLE = "strata_migrations";
    public static final String DEFAULT_LOCK_TIMEOUT = "10s";
    public static final Duration DEFAULT_LOCK_WAIT = Duration.ofSeconds(60);
    private static final Pattern PG_DURATION = Pattern.compile("\\d+\\s*(us|ms|s|min|h|d)?");

    public MigratorOptions {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(historyTable, "historyTable");
        Objects.requireNonNull(lockTimeout, "lockTimeout");
        Objects.requireNonNull(lockWait, "lockWait");
        if (schema.isBlank() || historyTable.isBlank()) {
            throw new StrataException(ErrorCode.CONFIG, "the schema and the history table need a name");
        }
        if (!PG_DURATION.matcher(lockTimeout).matches()) {
            throw new StrataException(ErrorCode.CONFIG, "lock timeout '" + lockTimeout
                    + "' is not a duration PostgreSQL reads.\n  Fix: write a number with a unit: 500ms, 10s, 2min.");
        }
        if (verifyMaxRows < 0) {
            throw new StrataException(ErrorCode.CONFIG, "the verification's row limit cannot be negative: " + verifyMaxRows);
        }
        if (lockRetries < 0) {
            throw new StrataException(ErrorCode.CONFIG, "the number of lock retries cannot be negative: " + lockRetries);
        }
        if (lockWait.isNegative()) {
            throw new StrataException(ErrorCode.CONFIG, "the lock wait cannot be negative: " + lockWait);
        }
    }

    public MigratorOptions(String schema, String historyTable, String lockTimeout, Duration lockWait, boolean allowOutOfOrder) {
        this(schema, historyTable, lockTimeout, lockWait, allowOutOfOrder, null, true, DEFAULT_VERIFY_MAX_ROWS, 0);
    }

    /** Schema {@code public}, table {@code strata_migrations}, lock timeout 10s, lock wait 60 s, in order. */
    public static MigratorOptions defaults() {
        return new MigratorOptions(DEFAULT_SCHEMA, DEFAULT_HISTORY_TABLE, DEFAULT_LOCK_TIMEOUT, DEFAULT_LOCK_WAIT, false);
    }

    public MigratorOptions withSchema(String value) {
        return new MigratorOptions(value, historyTable, lockTimeout, lockWait, allowOutOfOrder, backupDir, verify, verifyMaxRows, lockRetries);
    }

    public MigratorOptions withHistoryTable(String value) {
        return new MigratorOptions(schema, value, lockTimeout, lockWait, allowOutOfOrder, backupDir, verify, verifyMaxRows, lockRetries);
    }

    public MigratorOptions withLockTimeout(String value) {
        return new MigratorOptions(schema, historyTable, value, lockWait, allowOutOfOrder, backupDir, verify, verifyMaxRows, lockRetries);
    }

    public MigratorOptions withLockWait(Duration value) {
        return new MigratorOptions(schema, historyTable, lockTimeout, value, allowOutOfOrder, backupDir, verify, verifyMaxRows, lockRetries);
    }

    public MigratorOptions withAllowOutOfOrder(boolean value) {
        return new MigratorOptions(schema, historyTable, lockTimeout, lockWait, value, backupDir, verify, verifyMaxRows, lockRetries);
    }

    /** The same options with a backup directory ({@code null}: no backup). */
    public MigratorOptions withBackupDir(java.nio.file.Path value) {
        return new MigratorOptions(schema, historyTable, lockTimeout, lockWait, allowOutOfOrder, value, verify, verifyMaxRows, lockRetries);
    }

    /** The same options with verification on or off. */
    public MigratorOptions withVerify(boolean value) {
        return new MigratorOptions(schema, historyTable, lockTimeout, lockWait, allowOutOfOrder, backupDir, value, verifyMaxRows, lockRetries);
    }

    /** The same options with another exact-count limit for the verification. */
    public MigratorOptions withVerifyMaxRows(long value) {
        return new MigratorOptions(schema, historyTable, lockTimeout, lockWait, allowOutOfOrder, backupDir, verify, value, lockRetries);
    }

    /** The same options with another number of retries after a lock_timeout. */
    public MigratorOptions withLockRetries(int value) {
        return new MigratorOptions(schema, historyTable, lockTimeout, lockWait, allowOutOfOrder, backupDir, verify,
                verifyMaxRows, value);
    }
}
