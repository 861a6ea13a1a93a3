package dev.strata.safety;

import java.util.Map;

/**
 * SafetySettings are the safety stage's settings from {@code strata.edn}'s {@code :safety} map:
 * rules switched off or re-levelled ({@code :rules {:drop-column :warning :index-not-concurrently :off}})
 * and the size below which tables are counted exactly ({@code :exact-count-max-rows}).
 *
 * @param levels            rule -> severity, or null for "off"; rules not in the map keep their default
 * @param exactCountMaxRows tables estimated above this many rows get the estimate instead of a count
 * @param lockTimeout       the lock_timeout migrations run with (for {@link Rule#NO_LOCK_TIMEOUT})
 */
public record SafetySettings(Map<Rule, Severity> levels, long exactCountMaxRows, String lockTimeout) {
    public static final long DEFAULT_EXACT_COUNT_MAX_ROWS = 100_000;

    public SafetySettings {
        levels = levels == null ? Map.of() : new java.util.HashMap<>(levels);
    }

    public static SafetySettings defaults() {
        return new SafetySettings(Map.of(), DEFAULT_EXACT_COUNT_MAX_ROWS, "10s");
    }

    /** The rule's severity, or null when it is switched off. */
    public Severity severity(Rule rule) {
        return levels.containsKey(rule) ? levels.get(rule) : rule.defaultSeverity();
    }
}
