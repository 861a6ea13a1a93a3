package dev.strata.model;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * StorageParameters holds the one normal form of a relation's storage parameters
 * ({@code WITH (fillfactor=70)}, {@code reloptions}): an unmodifiable map sorted by name, values as
 * PostgreSQL stores them ({@code "70"}, {@code "false"}). Two relations with the same parameters
 * compare equal whatever map they were built from.
 */
public final class StorageParameters {
    private StorageParameters() {
    }

    /** An unmodifiable sorted copy; {@code null} gives the empty map. */
    public static SortedMap<String, String> copyOf(Map<String, String> parameters) {
        if (parameters == null || parameters.isEmpty()) {
            return Collections.emptySortedMap();
        }
        TreeMap<String, String> copy = new TreeMap<>();
        parameters.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "parameter name"),
                Objects.requireNonNull(v, "value of " + k)));
        return Collections.unmodifiableSortedMap(copy);
    }

    /** {@code ["fillfactor=70", ...]} (the reloptions array) as a map. */
    public static SortedMap<String, String> fromReloptions(java.util.List<String> reloptions) {
        TreeMap<String, String> m = new TreeMap<>();
        if (reloptions != null) {
            for (String option : reloptions) {
                int eq = option.indexOf('=');
                if (eq < 0) {
                    m.put(option, "true");
                } else {
                    m.put(option.substring(0, eq), option.substring(eq + 1));
                }
            }
        }
        return copyOf(m);
    }
}
