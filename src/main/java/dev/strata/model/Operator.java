package dev.strata.model;

import java.util.Objects;

/**
 * Operator represents a {@code CREATE OPERATOR}. Types and functions are SQL as the catalog reader
 * prints them: unqualified in the operator's own schema and in pg_catalog, qualified elsewhere.
 * Shell operators (named by a COMMUTATOR or NEGATOR before they are defined) are not operators
 * here: PostgreSQL makes them again when an operator that names them is created.
 *
 * @param name       the operator symbol ({@code ||++}) and its schema
 * @param left       the left operand type, or {@code null} for a prefix operator
 * @param right      the right operand type
 * @param function   the function that implements it (FUNCTION)
 * @param commutator the commutator's symbol, {@code OPERATOR(schema.sym)} outside the schema, or {@code null}
 * @param negator    the negator, as the commutator, or {@code null}
 * @param restrict   the restriction selectivity estimator (RESTRICT), or {@code null}
 * @param join       the join selectivity estimator (JOIN), or {@code null}
 * @param hashes     HASHES
 * @param merges     MERGES
 * @param comment    the comment, or {@code null}
 */
public record Operator(QualifiedName name, String left, String right, String function, String commutator,
                       String negator, String restrict, String join, boolean hashes, boolean merges, String comment)
        implements Comparable<Operator> {
    public Operator {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(right, "right");
        Objects.requireNonNull(function, "function");
    }

    /** {@code (text, text)} or {@code (NONE, integer)}: the argument list DROP and COMMENT ON name it by. */
    public String signature() {
        return "(" + (left == null ? "NONE" : left) + ", " + right + ")";
    }

    /** The name with the signature, unique among operators: what a change is about. */
    public QualifiedName identity() {
        return new QualifiedName(name.schema(), name.name() + signature());
    }

    /** The same operator without its comment: what cannot change without a drop and create. */
    public Operator definitionOnly() {
        return new Operator(name, left, right, function, commutator, negator, restrict, join, hashes, merges, null);
    }

    @Override
    public int compareTo(Operator o) {
        return identity().compareTo(o.identity());
    }
}
