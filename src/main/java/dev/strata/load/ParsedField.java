package dev.strata.load;

import dev.strata.model.Column;
import dev.strata.model.Constraint;
import java.util.List;

/**
 * ParsedField represents one model field turned into a column and its column-level constraints
 * (primary key, unique, foreign key, check) with PostgreSQL's default constraint names.
 *
 * @param column      the column
 * @param constraints its constraints, in the order primary key, unique, foreign key, check
 * @param renamedFrom the old column name given by {@code :renamed-from}, or null
 * @param using       the {@code :using} conversion expression as SQL, or null
 */
public record ParsedField(Column column, List<Constraint> constraints, String renamedFrom, String using) {
    public ParsedField {
        constraints = List.copyOf(constraints);
    }
}
