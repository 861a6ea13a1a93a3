package dev.strata.bench;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Runs the fleet benchmark at 200 tenants in the {@code full} profile (tag {@code slow}), so that
 * it keeps working; its figures are read from the output, not asserted (docs/benchmarks.md).
 */
@Tag("slow")
class FleetBenchmarkTest {
    @Test
    void runsSideBySideWithFlyway() throws Exception {
        FleetBenchmark.main(new String[] {"200", System.getProperty("strata.test.pg", "15")});
    }
}
