package dev.strata.migration;

import dev.strata.safety.Rule;
import dev.strata.safety.SafetySettings;
import dev.strata.safety.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import us.bpsm.edn.Keyword;

/**
 * MigrationSafety is what one migration file says about the safety rules: the findings it
 * accepts ({@code :accepted [{:rule :drop-column :object "column t.c"} ...]}, written by
 * make-all-migrations for losses the model accepted, or by hand) and the rule levels it overrides
 * ({@code :safety {:rules {:index-not-concurrently :off}}}). In a {@code .sql} file both are
 * comment lines: {@code -- :accepted [...]} and {@code -- :safety {...}}.
 *
 * @param accepted {@code rule-id object} of each accepted finding
 * @param levels   rule -> severity for this migration, null for off
 */
public record MigrationSafety(Set<String> accepted, Map<Rule, Severity> levels) {
    private static final Keyword RULE = Keyword.newKeyword("rule");
    private static final Keyword OBJECT = Keyword.newKeyword("object");
    private static final Keyword RULES = Keyword.newKeyword("rules");

    public MigrationSafety {
        accepted = Set.copyOf(accepted);
        levels = new java.util.HashMap<>(levels);
    }

    public static MigrationSafety none() {
        return new MigrationSafety(Set.of(), Map.of());
    }

    /** Whether the file accepts the finding of {@code rule} on {@code object}. */
    public boolean accepts(Rule rule, String object) {
        return accepted.contains(rule.id() + " " + object);
    }

    /** {@code settings} with this migration's levels on top. */
    public SafetySettings applyTo(SafetySettings settings) {
        return settings.with(levels);
    }

    /**
     * Reads {@code :accepted} and {@code :safety} values (either may be null).
     *
     * @throws IllegalArgumentException saying what is wrong; the hint follows "; "
     */
    public static MigrationSafety parse(Object acceptedValue, Object safetyValue) {
        Set<String> accepted = new TreeSet<>();
        if (acceptedValue != null) {
            if (!(acceptedValue instanceof List<?> list)) {
                throw new IllegalArgumentException(":accepted is not a vector; write [{:rule :drop-column :object \"column t.c\"} ...]");
            }
            for (Object item : list) {
                if (!(item instanceof Map<?, ?> m) || !(m.get(RULE) instanceof Keyword rule)
                        || !(m.get(OBJECT) instanceof String object)) {
                    throw new IllegalArgumentException(":accepted holds " + item + ", which is not {:rule :rule-id :object \"...\"};"
                            + " write [{:rule :drop-column :object \"column t.c\"} ...]");
                }
                if (Rule.byId(rule.getName()) == null) {
                    throw new IllegalArgumentException(":accepted names the unknown safety rule " + rule + "; use one of :"
                            + String.join(" :", java.util.Arrays.stream(Rule.values()).map(Rule::id).toList()));
                }
                accepted.add(rule.getName() + " " + object);
            }
        }
        Map<Rule, Severity> levels = Map.of();
        if (safetyValue != null) {
            if (!(safetyValue instanceof Map<?, ?> m) || !m.keySet().stream().allMatch(RULES::equals)) {
                throw new IllegalArgumentException(":safety is not a map with only :rules; write :safety {:rules {:index-not-concurrently :off}}");
            }
            if (m.containsKey(RULES)) {
                levels = SafetySettings.parseLevels(m.get(RULES));
            }
        }
        return new MigrationSafety(accepted, levels);
    }

    /** The accepted entries as the ids and objects they name, for messages. */
    public List<String> describeAccepted() {
        return new ArrayList<>(accepted);
    }
}
