package dev.strata.load;

import dev.strata.model.Constraint;
import java.util.List;
import java.util.function.Function;

/**
 * ConstraintDraft represents a constraint before its final name is chosen.
 *
 * @param name          the name to give
 * @param build         makes the constraint once the name is known
 * @param indexBacked   whether PostgreSQL creates an index for it (primary key, unique), which puts
 *                      its name in the schema-wide relation namespace
 * @param where         where the model declares it
 * @param subject       the model (and field) it belongs to, for messages
 */
record ConstraintDraft(NameSpec name, Function<String, Constraint> build, boolean indexBacked,
                       Location where, String subject) {

    /** This draft with a comment on the constraint it makes ({@code null}: none). */
    ConstraintDraft withComment(String comment) {
        if (comment == null) {
            return this;
        }
        Function<String, Constraint> made = build;
        return new ConstraintDraft(name, n -> made.apply(n).withComment(comment), indexBacked, where, subject);
    }

    /** The columns the constraint lists (none for CHECK and EXCLUDE, whose columns are in SQL). */
    List<String> columns() {
        Constraint c = build.apply(name.defaultName());
        if (c instanceof Constraint.PrimaryKey pk) {
            return pk.columns();
        }
        if (c instanceof Constraint.Unique u) {
            return u.columns();
        }
        if (c instanceof Constraint.ForeignKey fk) {
            return fk.columns();
        }
        if (c instanceof Constraint.Check || c instanceof Constraint.Exclusion) {
            return List.of();
        }
        throw new IllegalStateException("unsupported constraint " + c);
    }

    /** The columns of a UNIQUE constraint, else null. */
    List<String> uniqueColumns() {
        return build.apply(name.defaultName()) instanceof Constraint.Unique u ? u.columns() : null;
    }
}
