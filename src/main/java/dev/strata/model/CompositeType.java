package dev.strata.model;

import java.util.List;
import java.util.Objects;

/**
 * CompositeType represents a {@code CREATE TYPE ... AS (attribute type, ...)}; attributes keep
 * their declared order.
 */
public record CompositeType(QualifiedName name, List<Attribute> attributes, String comment) {
    public CompositeType {
        Objects.requireNonNull(name, "name");
        attributes = List.copyOf(attributes);
    }

    /** The attribute of that name, if any. */
    public java.util.Optional<Attribute> attribute(String attributeName) {
        return attributes.stream().filter(a -> a.name().equals(attributeName)).findFirst();
    }

    /**
     * Attribute represents one attribute of a composite type.
     *
     * @param collation an explicit collation as SQL, quoted as needed, or {@code null}
     */
    public record Attribute(String name, ColumnType type, String collation) {
        public Attribute {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }
    }
}
