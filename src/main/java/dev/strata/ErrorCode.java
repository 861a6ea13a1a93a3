package dev.strata;

/**
 * ErrorCode represents a class of failure and the process exit code it maps to. The table is
 * documented in README.md ("Exit codes"); keep the two in step.
 */
public enum ErrorCode {
    /** An unexpected internal error (a bug): exit 1. */
    INTERNAL(1),
    /** The model is invalid: malformed EDN, duplicate keys, failed validation. Nothing is written. */
    INVALID_MODEL(2),
    /** {@code diff} found differences (not a failure: a signal for CI drift checks). */
    DIFFERENCES(3),
    /** A change was refused because it would lose data (enum label removal, ...). */
    REFUSED_CHANGE(4),
    /** The database could not be reached, or a statement failed. */
    DATABASE(5),
    /** Migration files are inconsistent: checksum changed, duplicate numbers, out of order, missing. */
    MIGRATION_FILES(6),
    /** Another migrator holds the schema's lock. */
    LOCKED(7),
    /** Configuration problem ({@code strata.edn}, profile, URL). */
    CONFIG(8),
    /**
     * {@code migrate --verify} found what the migration did not say it would do (rows gone, a
     * constraint no longer valid, an index invalid); the migration was rolled back when it ran in a
     * transaction.
     */
    VERIFY_FAILED(9),
    /** A tenant command ({@code strata tenants ...}) failed on at least one tenant; the others ran. */
    TENANTS_FAILED(9),
    /** Bad command line (unknown option, missing argument). */
    USAGE(64);

    private final int exitCode;

    ErrorCode(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
