package dev.strata.tenants;

import java.util.List;

/**
 * FleetRun represents the outcome of one command over many tenants.
 *
 * @param command  what ran: {@code deploy}, {@code migrate-to 3}, {@code rollback 5}
 * @param outcomes one per tenant, in tenant name order
 * @param parallel how many tenants ran at once
 * @param millis   the whole run's time
 */
public record FleetRun(String command, List<TenantOutcome> outcomes, int parallel, long millis) {
    public FleetRun {
        outcomes = List.copyOf(outcomes);
    }

    public List<TenantOutcome> with(TenantOutcome.State state) {
        return outcomes.stream().filter(o -> o.state() == state).toList();
    }

    /** Whether any tenant failed (the command then exits 9). */
    public boolean anyFailed() {
        return !with(TenantOutcome.State.FAILED).isEmpty();
    }
}
