package dev.strata.safety;

/**
 * Finding represents one thing the safety stage found in a change set.
 *
 * @param rule     the rule
 * @param severity its severity after {@code strata.edn}'s overrides
 * @param object   the object, e.g. {@code column users.notes}
 * @param numbers  what the target holds, e.g. {@code 1,204 rows (exact), 310 non-null values}, or a
 *                 sentence saying why there are none (no target reachable)
 * @param accepted whether the model accepts this loss explicitly
 */
public record Finding(Rule rule, Severity severity, String object, String numbers, boolean accepted) {
    /** One line: {@code error drop-column: column users.notes: ... (1,204 rows ...). Instead: ...}. */
    public String describe() {
        return severity.label() + " " + rule.id() + ": " + object + ": " + rule.effect()
                + (numbers == null || numbers.isBlank() ? "" : " [" + numbers + "]")
                + (accepted ? " (accepted in the model)" : "") + ".\n    Instead: " + rule.alternative() + ".";
    }
}
