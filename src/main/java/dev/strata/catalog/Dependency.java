package dev.strata.catalog;

import dev.strata.model.QualifiedName;
import java.util.Comparator;
import java.util.Objects;

/**
 * Dependency represents one pg_depend edge: {@code from} needs {@code to} to exist (a column of
 * an enum type, a default that calls {@code nextval} on a sequence, a trigger that runs a
 * function, a view that reads a table, a SQL-standard function body that reads a table).
 *
 * @param from the dependent object, always in the inspected schema
 * @param to   the object it needs; in another schema when its name carries one
 */
public record Dependency(ObjectRef from, ObjectRef to) implements Comparable<Dependency> {
    private static final Comparator<Dependency> ORDER =
            Comparator.comparing(Dependency::from).thenComparing(Dependency::to);

    public Dependency {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    @Override
    public int compareTo(Dependency o) {
        return ORDER.compare(this, o);
    }

    /** The kinds of object an edge may join. */
    public enum ObjectKind {
        TABLE, VIEW, MATERIALIZED_VIEW, FOREIGN_TABLE, SEQUENCE, TYPE, FUNCTION,
        /** A column (or its default) of a table; the part is the column name. */
        COLUMN,
        /** A constraint of a table; the part is the constraint name. */
        CONSTRAINT,
        /** An index of a table or materialized view; the part is the index name. */
        INDEX,
        /** A trigger of a table or view; the part is the trigger name. */
        TRIGGER,
        /** A policy of a table; the part is the policy name. */
        POLICY
    }

    /**
     * ObjectRef represents one end of an edge.
     *
     * @param kind what it is
     * @param name the object, or for a column, constraint, index, trigger or policy the relation
     *             that holds it
     * @param part the column, constraint, index, trigger or policy name; a function's identity
     *             arguments; else {@code null}
     */
    public record ObjectRef(ObjectKind kind, QualifiedName name, String part) implements Comparable<ObjectRef> {
        private static final Comparator<ObjectRef> ORDER = Comparator.comparing(ObjectRef::kind)
                .thenComparing(ObjectRef::name)
                .thenComparing(ObjectRef::part, Comparator.nullsFirst(Comparator.naturalOrder()));

        public ObjectRef {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(name, "name");
        }

        @Override
        public int compareTo(ObjectRef o) {
            return ORDER.compare(this, o);
        }
    }
}
