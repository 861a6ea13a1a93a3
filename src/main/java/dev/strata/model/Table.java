package dev.strata.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Table represents a table with its columns (in position order), constraints and indexes (each
 * sorted by name), its row-level-security flag and its comment.
 */
public record Table(
        QualifiedName name,
        List<Column> columns,
        List<Constraint> constraints,
        List<Index> indexes,
        boolean rowLevelSecurity,
        String comment) {

    public Table {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        constraints = List.copyOf(constraints);
        indexes = List.copyOf(indexes);
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    public Optional<Constraint.PrimaryKey> primaryKey() {
        return constraints.stream()
                .filter(Constraint.PrimaryKey.class::isInstance)
                .map(Constraint.PrimaryKey.class::cast)
                .findFirst();
    }

    public <T extends Constraint> List<T> constraints(Class<T> kind) {
        return constraints.stream().filter(kind::isInstance).map(kind::cast).toList();
    }
}
