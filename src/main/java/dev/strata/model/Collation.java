package dev.strata.model;

import java.util.Objects;

/**
 * Collation represents a {@code CREATE COLLATION} of the model: a named sort order that columns,
 * domains and index keys can use ({@code COLLATE "case_insensitive"}).
 *
 * @param name          the collation name
 * @param provider      {@code icu}, {@code libc} or {@code builtin} (PostgreSQL 17+)
 * @param locale        the locale of an ICU or builtin collation, or of a libc one whose
 *                      LC_COLLATE and LC_CTYPE are the same; {@code null} otherwise
 * @param lcCollate     LC_COLLATE of a libc collation whose two categories differ, else {@code null}
 * @param lcCtype       LC_CTYPE of such a collation, else {@code null}
 * @param deterministic {@code false} for a nondeterministic collation (equal strings may differ in bytes)
 * @param rules         ICU tailoring rules (PostgreSQL 16+), or {@code null}
 * @param comment       the comment, or {@code null}
 */
public record Collation(QualifiedName name, String provider, String locale, String lcCollate, String lcCtype,
                        boolean deterministic, String rules, String comment) {
    public Collation {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(provider, "provider");
        if (locale == null && (lcCollate == null || lcCtype == null)) {
            throw new IllegalArgumentException("a collation needs a locale, or both LC_COLLATE and LC_CTYPE");
        }
        if (locale != null && lcCollate != null && !lcCollate.equals(locale)) {
            throw new IllegalArgumentException("a collation has a locale or LC_COLLATE/LC_CTYPE, not both");
        }
        if (lcCollate != null && lcCollate.equals(lcCtype)) {
            locale = lcCollate;
            lcCollate = null;
            lcCtype = null;
        }
    }

    /** The same collation without its comment: what cannot change without a drop and create. */
    public Collation definitionOnly() {
        return new Collation(name, provider, locale, lcCollate, lcCtype, deterministic, rules, null);
    }
}
