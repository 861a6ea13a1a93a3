package dev.strata.tenants;

import dev.strata.runner.Step;
import java.util.List;

/**
 * TenantOutcome represents what one fleet run did to one tenant.
 *
 * @param tenant  the tenant schema
 * @param state   applied (something ran), up to date (nothing to do), failed, or skipped (not
 *                started: {@code --fail-fast} after a failure, or a failed canary)
 * @param steps   the migrations applied or rolled back, in order (those committed before a failure too)
 * @param error   the failure's message (migration, statement, PostgreSQL's error), or null
 * @param millis  how long the tenant took
 */
public record TenantOutcome(String tenant, State state, List<Step> steps, String error, long millis) {
    public TenantOutcome {
        steps = List.copyOf(steps);
    }

    /** How a tenant ended a run. */
    public enum State {
        APPLIED, UP_TO_DATE, FAILED, SKIPPED
    }
}
