package dev.strata.load;

import dev.strata.model.Constraint;
import java.util.List;

/**
 * ForeignKeyDraft represents a foreign key as the model writes it, before the referenced model is
 * resolved to its table.
 *
 * @param name      the name to give
 * @param columns   the referencing columns (SQL names)
 * @param refModel  the referenced model key or table name as written ({@code account})
 * @param refFields the referenced fields as written ({@code id}); may be empty for "the primary key"
 * @param options   DEFERRABLE, MATCH and NOT VALID
 * @param written   the reference as written, for messages ({@code :account/id})
 * @param comment   the constraint's comment, or {@code null}
 */
record ForeignKeyDraft(NameSpec name, List<String> columns, String refModel, List<String> refFields,
                       Constraint.Action onDelete, Constraint.Action onUpdate, ConstraintOptions options,
                       String written,
                       Location where, String subject, String comment, List<String> deleteSetColumns) {
    ForeignKeyDraft(NameSpec name, List<String> columns, String refModel, List<String> refFields,
                    Constraint.Action onDelete, Constraint.Action onUpdate, ConstraintOptions options, String written,
                    Location where, String subject) {
        this(name, columns, refModel, refFields, onDelete, onUpdate, options, written, where, subject, null, List.of());
    }

    ForeignKeyDraft(NameSpec name, List<String> columns, String refModel, List<String> refFields,
                    Constraint.Action onDelete, Constraint.Action onUpdate, ConstraintOptions options, String written,
                    Location where, String subject, String comment) {
        this(name, columns, refModel, refFields, onDelete, onUpdate, options, written, where, subject, comment, List.of());
    }

    ForeignKeyDraft(NameSpec name, List<String> columns, String refModel, List<String> refFields,
                    Constraint.Action onDelete, Constraint.Action onUpdate, ConstraintOptions options, String written,
                    Location where, String subject, List<String> deleteSetColumns) {
        this(name, columns, refModel, refFields, onDelete, onUpdate, options, written, where, subject, null, deleteSetColumns);
    }

    ForeignKeyDraft {
        deleteSetColumns = deleteSetColumns == null ? List.of() : List.copyOf(deleteSetColumns);
        columns = List.copyOf(columns);
        refFields = List.copyOf(refFields);
    }
}
