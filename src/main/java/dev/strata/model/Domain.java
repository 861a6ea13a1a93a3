package dev.strata.model;

import java.util.List;
import java.util.Objects;

/**
 * Domain represents a {@code CREATE DOMAIN}: a base type with an optional collation, default,
 * NOT NULL and named CHECK constraints.
 *
 * @param name        the domain name
 * @param base        the base type (an enum, a composite type or another domain is a user type)
 * @param collation   an explicit collation as SQL, quoted as needed ({@code "C"}), or {@code null}
 * @param notNull     whether values may not be NULL
 * @param defaultExpr the default as SQL, or {@code null}
 * @param checks      the CHECK constraints, sorted by name
 * @param comment     the comment, or {@code null}
 */
public record Domain(QualifiedName name, ColumnType base, String collation, boolean notNull, String defaultExpr,
                     List<Check> checks, String comment) {
    public Domain {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(base, "base");
        checks = checks.stream().sorted(java.util.Comparator.comparing(Check::name)).toList();
    }

    /**
     * Check represents one named domain constraint.
     *
     * @param name       the constraint name
     * @param definition the constraint as {@code pg_get_constraintdef} prints it ({@code CHECK (VALUE > 0)}),
     *                   without a trailing {@code NOT VALID}
     * @param notValid   added with {@code NOT VALID} (values already stored are not checked)
     * @param comment    {@code COMMENT ON CONSTRAINT name ON DOMAIN d}, or {@code null}
     */
    public record Check(String name, String definition, boolean notValid, String comment) {
        public Check {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(definition, "definition");
        }

        /** A check without a comment. */
        public Check(String name, String definition, boolean notValid) {
            this(name, definition, notValid, null);
        }

        /** A validated check. */
        public Check(String name, String definition) {
            this(name, definition, false);
        }

        /** This check, validated or not. */
        public Check withNotValid(boolean newNotValid) {
            return new Check(name, definition, newNotValid, comment);
        }

        /** This check with another comment. */
        public Check withComment(String newComment) {
            return new Check(name, definition, notValid, newComment);
        }
    }
}
