package dev.strata.tenants;

import dev.strata.runner.MigrationStatus;
import java.util.List;

/**
 * TenantStatus represents where one tenant stands.
 *
 * @param tenant        the tenant schema
 * @param migrations    its files joined with its history
 * @param failure       the last failed run's message, when the last run on it failed (the fleet journal), or null
 * @param missingTables the required tables it lacks (only {@code verify} fills this in)
 * @param drift         what differs from the model (only {@code verify} fills this in), empty when nothing
 */
public record TenantStatus(String tenant, MigrationStatus migrations, String failure, List<String> missingTables,
                           List<String> drift) {
    public TenantStatus {
        missingTables = missingTables == null ? List.of() : List.copyOf(missingTables);
        drift = drift == null ? List.of() : List.copyOf(drift);
    }

    /** A tenant's state, most urgent first. */
    public enum State {
        CHECKSUM_MISMATCH("checksum mismatch"),
        FAILED("failed"),
        PENDING("pending"),
        DRIFTED("drifted"),
        UP_TO_DATE("up to date");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public State state() {
        if (migrations.count(MigrationStatus.State.CHANGED) > 0 || migrations.count(MigrationStatus.State.MISSING) > 0) {
            return State.CHECKSUM_MISMATCH;
        }
        if (failure != null) {
            return State.FAILED;
        }
        if (migrations.pendingCount() > 0) {
            return State.PENDING;
        }
        if (!drift.isEmpty() || !missingTables.isEmpty()) {
            return State.DRIFTED;
        }
        return State.UP_TO_DATE;
    }

    public long pending() {
        return migrations.pendingCount();
    }

    /** The number of the last applied migration, 0 when none. */
    public int current() {
        return migrations.entries().stream().filter(MigrationStatus.Entry::isApplied)
                .mapToInt(MigrationStatus.Entry::number).max().orElse(0);
    }
}
