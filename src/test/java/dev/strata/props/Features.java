package dev.strata.props;

import java.util.List;

/**
 * Features represents which families of objects a generated schema may contain ({@code storage}:
 * UNLOGGED tables, storage parameters of tables and indexes, FORCE ROW LEVEL SECURITY). Each flag shrinks
 * towards {@code false}, so a failing schema shrinks to the fewest families that still fail.
 */
record Features(
        boolean enums,
        boolean identity,
        boolean generated,
        boolean defaults,
        boolean comments,
        boolean collation,
        boolean compositeKeys,
        boolean uniques,
        boolean checks,
        boolean foreignKeys,
        boolean indexes,
        boolean views,
        boolean functions,
        boolean triggers,
        boolean policies,
        boolean sequences,
        boolean storage) {

    static final int COUNT = 17;

    static Features all() {
        return new Features(true, true, true, true, true, true, true, true, true, true, true, true, true, true,
                true, true, true);
    }

    Features withoutCollation() {
        return new Features(enums, identity, generated, defaults, comments, false, compositeKeys, uniques, checks,
                foreignKeys, indexes, views, functions, triggers, policies, sequences, storage);
    }

    static Features of(List<Boolean> flags) {
        if (flags.size() != COUNT) {
            throw new IllegalArgumentException("expected " + COUNT + " flags, got " + flags.size());
        }
        return new Features(flags.get(0), flags.get(1), flags.get(2), flags.get(3), flags.get(4), flags.get(5),
                flags.get(6), flags.get(7), flags.get(8), flags.get(9), flags.get(10), flags.get(11), flags.get(12),
                flags.get(13), flags.get(14), flags.get(15), flags.get(16));
    }
}
