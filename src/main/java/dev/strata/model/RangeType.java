package dev.strata.model;

import java.util.Objects;

/**
 * RangeType represents a range type ({@code CREATE TYPE r AS RANGE (subtype = ...)}). Texts are
 * as PostgreSQL prints them: the subtype by {@code format_type}, names quoted as needed and
 * qualified outside the target schema.
 *
 * @param name            the type
 * @param subtype         the element type ({@code character varying})
 * @param subtypeOpclass  the b-tree operator class, {@code null} for the subtype's default
 * @param collation       the collation ({@code "C"}), {@code null} for the subtype's default
 * @param canonical       the canonical function, or {@code null}
 * @param subtypeDiff     the subtype difference function, or {@code null}
 * @param multirange      the multirange type's name (PostgreSQL 14+), {@code null} for the default
 *                        name PostgreSQL derives ({@code <name>_multirange} or its variant)
 * @param comment         the comment, or {@code null}
 */
public record RangeType(QualifiedName name, String subtype, String subtypeOpclass, String collation, String canonical,
                        String subtypeDiff, String multirange, String comment) {
    public RangeType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(subtype, "subtype");
    }

    /** Everything but the comment: what CREATE TYPE fixes and only a drop and create can change. */
    public RangeType definitionOnly() {
        return new RangeType(name, subtype, subtypeOpclass, collation, canonical, subtypeDiff, multirange, null);
    }

    public RangeType withComment(String newComment) {
        return new RangeType(name, subtype, subtypeOpclass, collation, canonical, subtypeDiff, multirange, newComment);
    }
}
