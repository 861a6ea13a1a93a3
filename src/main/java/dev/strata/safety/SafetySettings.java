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
 * @param safe              whether generated migrations take the zero-downtime form where one exists
 *                          ({@code :safe}, default true; see {@code dev.strata.workflow.SafeRewrites})
 */
public record SafetySettings(Map<Rule, Severity> levels, long exactCountMaxRows, String lockTimeout, boolean safe) {
    public static final long DEFAULT_EXACT_COUNT_MAX_ROWS = 100_000;

    public SafetySettings {
        levels = levels == null ? Map.of() : new java.util.HashMap<>(levels);
    }

    public SafetySettings(Map<Rule, Severity> levels, long exactCountMaxRows, String lockTimeout) {
        this(levels, exactCountMaxRows, lockTimeout, true);
    }

    public static SafetySettings defaults() {
        return new SafetySettings(Map.of(), DEFAULT_EXACT_COUNT_MAX_ROWS, "10s", true);
    }

    /**
     * Rule levels as written in {@code :rules {:drop-column :warning :index-not-concurrently :off}}
     * (strata.edn's {@code :safety}, or one migration's): rule -> severity, null for off.
     *
     * @throws IllegalArgumentException saying what is wrong and what to write instead
     */
    public static Map<Rule, Severity> parseLevels(Object rules) {
        if (!(rules instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(":rules is not a map; write :rules {:index-not-concurrently :off :rename-column :error}");
        }
        Map<Rule, Severity> levels = new java.util.HashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            Rule rule = e.getKey() instanceof us.bpsm.edn.Keyword k ? Rule.byId(k.getName()) : null;
            if (rule == null) {
                throw new IllegalArgumentException("names the unknown safety rule " + e.getKey() + "; use one of :"
                        + String.join(" :", java.util.Arrays.stream(Rule.values()).map(Rule::id).toList()));
            }
            String level = e.getValue() instanceof us.bpsm.edn.Keyword k ? k.getName() : String.valueOf(e.getValue());
            switch (level) {
                case "off" -> levels.put(rule, null);
                case "error" -> levels.put(rule, Severity.ERROR);
                case "warning" -> levels.put(rule, Severity.WARNING);
                case "info" -> levels.put(rule, Severity.INFO);
                default -> throw new IllegalArgumentException("sets safety rule :" + rule.id() + " to " + e.getValue()
                        + "; write :error, :warning, :info or :off");
            }
        }
        return levels;
    }

    /** These settings with {@code overrides} (one migration's levels) on top. */
    public SafetySettings with(Map<Rule, Severity> overrides) {
        if (overrides.isEmpty()) {
            return this;
        }
        Map<Rule, Severity> merged = new java.util.HashMap<>(levels);
        merged.putAll(overrides);
        return new SafetySettings(merged, exactCountMaxRows, lockTimeout, safe);
    }

    /** The rule's severity, or null when it is switched off. */
    public Severity severity(Rule rule) {
        return levels.containsKey(rule) ? levels.get(rule) : rule.defaultSeverity();
    }
}
