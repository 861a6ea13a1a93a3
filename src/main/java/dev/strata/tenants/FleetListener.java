package dev.strata.tenants;

/**
 * FleetListener hears a fleet run as it happens, from the worker threads (implementations must be
 * thread-safe): a tenant starts, a tenant ends.
 */
public interface FleetListener {
    FleetListener NONE = new FleetListener() {
    };

    /** {@code total} tenants are about to run, {@code parallel} at once. */
    default void starting(int total, int parallel) {
    }

    default void started(String tenant) {
    }

    default void finished(TenantOutcome outcome) {
    }
}
