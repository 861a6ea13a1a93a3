package dev.strata.tenants;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Fleets runs one fleet command over the tenants of several databases (or servers) at once, each
 * database with its own {@link Fleet}, its own connections and its own parallelism, and gives each
 * database's result (in the order the databases are listed). A tenant named on the command line
 * must exist in at least one of them.
 */
public final class Fleets {
    private final List<Fleet> fleets;

    public Fleets(List<Fleet> fleets) {
        if (fleets.isEmpty()) {
            throw new IllegalArgumentException("a fleet needs at least one database");
        }
        this.fleets = List.copyOf(fleets);
    }

    public List<Fleet> fleets() {
        return fleets;
    }

    public List<List<String>> tenants(Selection selection) {
        return each(f -> f.tenants(checked(selection)));
    }

    public List<FleetRun> deploy(Selection selection, RunOptions run) {
        Selection s = checked(selection);
        return each(f -> f.deploy(s, run));
    }

    public List<FleetRun> migrateTo(int n, Selection selection, RunOptions run) {
        Selection s = checked(selection);
        return each(f -> f.migrateTo(n, s, run));
    }

    public List<FleetRun> rollback(int version, Selection selection, RunOptions run) {
        Selection s = checked(selection);
        return each(f -> f.rollback(version, s, run));
    }

    public List<FleetRun> backfill(Selection selection, List<String> modelDdl, RunOptions run) {
        Selection s = checked(selection);
        return each(f -> f.backfill(s, modelDdl, run));
    }

    public List<FleetStatus> status(Selection selection) {
        Selection s = checked(selection);
        return each(f -> f.status(s));
    }

    public List<FleetStatus> verify(Selection selection, List<String> modelDdl) {
        Selection s = checked(selection);
        return each(f -> f.verify(s, modelDdl));
    }

    /**
     * Creates tenant {@code name} on the database that holds the fewest tenants (the first of
     * those on a tie); refused when any database already has a schema of that name.
     */
    public java.util.Map.Entry<String, TenantOutcome> create(String name) {
        List<List<String>> all = each(f -> f.tenants(Selection.ALL));
        Fleet fewest = fleets.get(0);
        int least = Integer.MAX_VALUE;
        for (int i = 0; i < fleets.size(); i++) {
            if (all.get(i).contains(name)) {
                throw new StrataException(ErrorCode.MIGRATION_FILES, "tenant " + name + " already exists on "
                        + fleets.get(i).description() + ".\n  Fix: choose another name.");
            }
            if (all.get(i).size() < least) {
                least = all.get(i).size();
                fewest = fleets.get(i);
            }
        }
        return java.util.Map.entry(fewest.description(), fewest.create(name));
    }

    /** The selection every database applies, after checking that each named tenant is on one of them. */
    private Selection checked(Selection selection) {
        if (fleets.size() == 1 || selection.tenants().isEmpty()) {
            return fleets.size() == 1 ? selection : selection.lenient();
        }
        Set<String> found = new LinkedHashSet<>();
        each(f -> f.tenants(selection.lenient())).forEach(found::addAll);
        List<String> unknown = selection.tenants().stream().filter(t -> !found.contains(t)).toList();
        if (!unknown.isEmpty()) {
            throw new StrataException(ErrorCode.USAGE, "no tenant " + String.join(", ", unknown) + " on any of the "
                    + fleets.size() + " databases of the fleet.\n  Fix: check the name (strata tenants list).");
        }
        return selection.lenient();
    }

    /** {@code work} on every database at once, the results in database order; the first error is thrown. */
    private <T> List<T> each(Function<Fleet, T> work) {
        if (fleets.size() == 1) {
            return List.of(work.apply(fleets.get(0)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(fleets.size(), r -> {
            Thread t = new Thread(r, "strata-database");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Fleet f : fleets) {
                futures.add(pool.submit(() -> work.apply(f)));
            }
            List<T> out = new ArrayList<>();
            for (Future<T> future : futures) {
                try {
                    out.add(future.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException re) {
                        throw re;
                    }
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new StrataException(ErrorCode.DATABASE, "interrupted while working on the fleet's databases", e);
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
