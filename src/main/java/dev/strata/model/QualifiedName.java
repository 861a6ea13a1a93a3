package dev.strata.model;

import java.util.Objects;

/**
 * QualifiedName represents a schema-qualified object name. A {@code null} schema means "the
 * target schema", which is how models describe their objects: the same model applies to any schema.
 *
 * @param schema the schema, or {@code null} for the target schema
 * @param name   the object name as PostgreSQL stores it (unquoted, case preserved)
 */
public record QualifiedName(String schema, String name) implements Comparable<QualifiedName> {
    public QualifiedName {
        Objects.requireNonNull(name, "name");
    }

    /** A name in the target schema. */
    public static QualifiedName of(String name) {
        return new QualifiedName(null, name);
    }

    /** The same name with its schema removed (so catalogs of two schemas compare equal). */
    public QualifiedName unqualified() {
        return schema == null ? this : new QualifiedName(null, name);
    }

    @Override
    public int compareTo(QualifiedName o) {
        return toString().compareTo(o.toString());
    }

    @Override
    public String toString() {
        return schema == null ? name : schema + "." + name;
    }
}
