package dev.strata.load;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import java.util.ArrayList;
import java.util.List;

/**
 * Problems collects what is wrong with a model, so that one run reports everything. Each problem
 * reads {@code <file>:<line>: <subject>: <what>. <how to fix>.}
 */
final class Problems {
    private final List<String> items = new ArrayList<>();

    void add(Location where, String subject, String what, String fix) {
        StringBuilder s = new StringBuilder();
        if (where != null) {
            s.append(where).append(": ");
        }
        if (subject != null && !subject.isEmpty()) {
            s.append(subject).append(": ");
        }
        s.append(what).append(". ").append(Character.toUpperCase(fix.charAt(0))).append(fix.substring(1));
        if (!fix.endsWith(".")) {
            s.append('.');
        }
        items.add(s.toString());
    }

    void addRaw(String problem) {
        items.add(problem);
    }

    boolean isEmpty() {
        return items.isEmpty();
    }

    int size() {
        return items.size();
    }

    List<String> list() {
        return List.copyOf(items);
    }

    /** Throws when anything was collected. */
    void throwIfAny(String summaryPrefix) {
        if (!items.isEmpty()) {
            throw new StrataException(ErrorCode.INVALID_MODEL,
                    summaryPrefix + ": " + items.size() + (items.size() == 1 ? " problem" : " problems")
                            + " (nothing was written)",
                    items, null);
        }
    }
}
