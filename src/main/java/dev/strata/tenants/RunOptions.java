package dev.strata.tenants;

/**
 * RunOptions represents how a fleet command runs its tenants.
 *
 * @param parallel how many at once; null: derived from the server's free connections (see
 *                 {@code Fleet.parallelism})
 * @param failFast start no tenant after the first failure (those running finish)
 * @param canary   run this many tenants first, and the others only when all of them succeeded; 0: none
 * @param listener hears each tenant start and end
 */
public record RunOptions(Integer parallel, boolean failFast, int canary, FleetListener listener) {
    public static final RunOptions DEFAULTS = new RunOptions(null, false, 0, FleetListener.NONE);

    public RunOptions {
        if (parallel != null && parallel < 1) {
            throw new IllegalArgumentException("parallel must be at least 1");
        }
        if (canary < 0) {
            throw new IllegalArgumentException("canary must not be negative");
        }
        listener = listener == null ? FleetListener.NONE : listener;
    }

    public RunOptions withParallel(Integer n) {
        return new RunOptions(n, failFast, canary, listener);
    }

    public RunOptions withFailFast(boolean value) {
        return new RunOptions(parallel, value, canary, listener);
    }

    public RunOptions withCanary(int n) {
        return new RunOptions(parallel, failFast, n, listener);
    }

    public RunOptions withListener(FleetListener l) {
        return new RunOptions(parallel, failFast, canary, l);
    }
}
