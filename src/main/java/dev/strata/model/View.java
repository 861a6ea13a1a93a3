package dev.strata.model;

import java.util.List;
import java.util.Objects;

/**
 * View represents a view or materialized view.
 *
 * @param name         the view name
 * @param materialized whether it is a materialized view
 * @param definition   the complete {@code CREATE [MATERIALIZED] VIEW} statement
 * @param dropSql      a statement that drops it, when the model gave one, else {@code null}
 * @param indexes      indexes of a materialized view
 * @param dependsOn    relations the view reads (for ordering); may be empty when unknown
 * @param comment      the comment (COMMENT ON [MATERIALIZED] VIEW), or {@code null}
 */
public record View(
        QualifiedName name,
        boolean materialized,
        String definition,
        String dropSql,
        List<Index> indexes,
        List<QualifiedName> dependsOn,
        String comment) {
    public View {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(definition, "definition");
        indexes = List.copyOf(indexes);
        dependsOn = List.copyOf(dependsOn);
    }

    /** A view without a comment. */
    public View(QualifiedName name, boolean materialized, String definition, String dropSql, List<Index> indexes,
                List<QualifiedName> dependsOn) {
        this(name, materialized, definition, dropSql, indexes, dependsOn, null);
    }

    /** This view with another comment. */
    public View withComment(String newComment) {
        return new View(name, materialized, definition, dropSql, indexes, dependsOn, newComment);
    }
}
