package dev.strata.inspect;

import java.util.Comparator;
import java.util.Objects;

/**
 * Unsupported represents one object (or one property of an object) of the inspected schema that
 * the written model tree does not carry. Either the object is left out of the tree entirely
 * ({@code leftOut}), or it is written without the property the reason names.
 *
 * @param kind    what it is: {@code domain}, {@code aggregate}, {@code partition}, {@code sequence},
 *                {@code table}, {@code column}, {@code column default}, {@code constraint},
 *                {@code index}, {@code view}, {@code function}, {@code trigger}, {@code policy},
 *                {@code comment}, ...
 * @param table   the table (or view) the object belongs to, or {@code null} for a schema-level object
 * @param name    the object's name (a function's with its argument types)
 * @param reason  why, and what the tree holds instead
 * @param leftOut whether the object is missing from the tree (else only the property is)
 */
public record Unsupported(String kind, String table, String name, String reason, boolean leftOut)
        implements Comparable<Unsupported> {
    private static final Comparator<Unsupported> ORDER = Comparator.comparing(Unsupported::kind)
            .thenComparing(Unsupported::table, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Unsupported::name)
            .thenComparing(Unsupported::reason);

    public Unsupported {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(reason, "reason");
    }

    /** The object as one would name it in SQL: {@code table.name} or {@code name}. */
    public String object() {
        return table == null ? name : table + "." + name;
    }

    /** One line for the warning: {@code column film.release_year: left out (uses domain year)}. */
    public String describe() {
        return kind + " " + object() + ": " + (leftOut ? "left out, " : "") + reason;
    }

    @Override
    public int compareTo(Unsupported o) {
        return ORDER.compare(this, o);
    }
}
