package dev.strata.load;

import dev.strata.edn.EdnPrinter;
import dev.strata.model.Constraint;
import java.util.Map;
import java.util.Set;
import us.bpsm.edn.Keyword;

/**
 * ConstraintOptions represents the options a table-level constraint entry may carry besides its
 * definition and {@code :name}: {@code :deferrable}, {@code :initially-deferred},
 * {@code :nulls-not-distinct}, {@code :no-inherit}, {@code :match} and {@code :not-valid}. Which
 * of them a kind takes is fixed by the constants below.
 */
record ConstraintOptions(boolean deferrable, boolean initiallyDeferred, boolean nullsNotDistinct, boolean noInherit,
                         Constraint.Match match, boolean notValid) {
    static final Set<String> ALL = Set.of("deferrable", "initially-deferred", "nulls-not-distinct", "no-inherit",
            "match", "not-valid");
    static final Set<String> PRIMARY_KEY = Set.of("deferrable", "initially-deferred");
    static final Set<String> UNIQUE = Set.of("deferrable", "initially-deferred", "nulls-not-distinct");
    static final Set<String> EXCLUSION = Set.of("deferrable", "initially-deferred");
    static final Set<String> CHECK = Set.of("no-inherit", "not-valid");
    static final Set<String> FOREIGN_KEY = Set.of("deferrable", "initially-deferred", "match", "not-valid");

    static final ConstraintOptions NONE = new ConstraintOptions(false, false, false, false, Constraint.Match.SIMPLE,
            false);

    /**
     * Reads the options of {@code m} that are in {@link #ALL}. An option outside {@code allowed}
     * is reported with the kind's name ({@code "a unique constraint"}); other keys are the
     * caller's to check.
     */
    static ConstraintOptions read(Map<?, ?> m, Set<String> allowed, String kind, Location where, String subject,
                                  Problems problems) {
        for (Object key : m.keySet()) {
            if (key instanceof Keyword k && ALL.contains(k.getName()) && !allowed.contains(k.getName())) {
                problems.add(where, subject, ":" + k.getName() + " does not apply to " + kind,
                        "remove it; " + kind + " takes " + list(allowed));
            }
        }
        boolean deferrable = flag(m, "deferrable", allowed, where, subject, problems);
        boolean initiallyDeferred = flag(m, "initially-deferred", allowed, where, subject, problems);
        if (initiallyDeferred && !deferrable) {
            problems.add(where, subject, ":initially-deferred true without :deferrable true",
                    "add :deferrable true (only a DEFERRABLE constraint can be INITIALLY DEFERRED)");
        }
        Constraint.Match match = Constraint.Match.SIMPLE;
        Object v = m.get(Keyword.newKeyword("match"));
        if (v != null && allowed.contains("match")) {
            if (Keyword.newKeyword("full").equals(v)) {
                match = Constraint.Match.FULL;
            } else if (Keyword.newKeyword("partial").equals(v)) {
                problems.add(where, subject, ":match :partial is not implemented by PostgreSQL",
                        "write :match :full or :match :simple (the default)");
            } else if (!Keyword.newKeyword("simple").equals(v)) {
                problems.add(where, subject, "bad :match " + EdnPrinter.flat(v),
                        "write :match :full or :match :simple (the default)");
            }
        }
        return new ConstraintOptions(deferrable, initiallyDeferred,
                flag(m, "nulls-not-distinct", allowed, where, subject, problems),
                flag(m, "no-inherit", allowed, where, subject, problems), match,
                flag(m, "not-valid", allowed, where, subject, problems));
    }

    private static boolean flag(Map<?, ?> m, String name, Set<String> allowed, Location where, String subject,
                                Problems problems) {
        Object v = m.get(Keyword.newKeyword(name));
        if (v == null || !allowed.contains(name)) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        problems.add(where, subject, ":" + name + " must be true or false, not " + EdnPrinter.flat(v),
                "write :" + name + " true");
        return false;
    }

    private static String list(Set<String> options) {
        return options.isEmpty() ? "none of these options"
                : String.join(" ", options.stream().sorted().map(o -> ":" + o).toList());
    }
}
