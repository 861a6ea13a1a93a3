package dev.strata.model;

import java.util.List;
import java.util.Objects;

/** Constraint represents a table constraint; every constraint has a name. */
public sealed interface Constraint
        permits Constraint.PrimaryKey, Constraint.Unique, Constraint.Check, Constraint.ForeignKey,
                Constraint.Exclusion {

    String name();

    /** PRIMARY KEY (columns). */
    record PrimaryKey(String name, List<String> columns) implements Constraint {
        public PrimaryKey {
            Objects.requireNonNull(name, "name");
            columns = List.copyOf(columns);
        }
    }

    /** UNIQUE (columns). */
    record Unique(String name, List<String> columns, boolean nullsNotDistinct) implements Constraint {
        public Unique {
            Objects.requireNonNull(name, "name");
            columns = List.copyOf(columns);
        }
    }

    /** CHECK (expression); the expression is SQL without the outer CHECK keyword. */
    record Check(String name, String expression) implements Constraint {
        public Check {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(expression, "expression");
        }
    }

    /** FOREIGN KEY (columns) REFERENCES refTable (refColumns). */
    record ForeignKey(
            String name,
            List<String> columns,
            QualifiedName refTable,
            List<String> refColumns,
            Action onDelete,
            Action onUpdate,
            boolean deferrable,
            boolean initiallyDeferred) implements Constraint {
        public ForeignKey {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(refTable, "refTable");
            columns = List.copyOf(columns);
            refColumns = List.copyOf(refColumns);
            onDelete = onDelete == null ? Action.NO_ACTION : onDelete;
            onUpdate = onUpdate == null ? Action.NO_ACTION : onUpdate;
        }
    }

    /** An exclusion constraint, kept as PostgreSQL prints it ({@code EXCLUDE USING gist (...)}). */
    record Exclusion(String name, String definition) implements Constraint {
        public Exclusion {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(definition, "definition");
        }
    }

    /** Referential actions. */
    enum Action {
        NO_ACTION("NO ACTION"),
        RESTRICT("RESTRICT"),
        CASCADE("CASCADE"),
        SET_NULL("SET NULL"),
        SET_DEFAULT("SET DEFAULT");

        private final String sql;

        Action(String sql) {
            this.sql = sql;
        }

        public String sql() {
            return sql;
        }
    }
}
