package dev.strata.model;

import java.util.List;
import java.util.Objects;

/**
 * Constraint represents a table constraint; every constraint has a name. Besides its definition
 * each kind carries the options PostgreSQL keeps for it: DEFERRABLE / INITIALLY DEFERRED (primary
 * key, unique, foreign key, exclusion), NULLS NOT DISTINCT (unique), NO INHERIT (check), MATCH FULL
 * (foreign key) and NOT VALID (check, foreign key). Each may carry a comment (COMMENT ON
 * CONSTRAINT), {@code null} when it has none.
 */
public sealed interface Constraint
        permits Constraint.PrimaryKey, Constraint.Unique, Constraint.Check, Constraint.ForeignKey,
                Constraint.Exclusion {

    String name();

    /** The same constraint under another name. */
    Constraint withName(String name);

    /** The comment, or {@code null}. */
    String comment();

    /** The same constraint with another comment. */
    Constraint withComment(String comment);

    /** PRIMARY KEY (columns) [DEFERRABLE [INITIALLY DEFERRED]]. */
    record PrimaryKey(String name, List<String> columns, boolean deferrable, boolean initiallyDeferred,
                      String comment) implements Constraint {
        public PrimaryKey {
            Objects.requireNonNull(name, "name");
            columns = List.copyOf(columns);
        }

        public PrimaryKey(String name, List<String> columns, boolean deferrable, boolean initiallyDeferred) {
            this(name, columns, deferrable, initiallyDeferred, null);
        }

        public PrimaryKey(String name, List<String> columns) {
            this(name, columns, false, false);
        }

        public PrimaryKey withName(String newName) {
            return new PrimaryKey(newName, columns, deferrable, initiallyDeferred, comment);
        }

        public PrimaryKey withComment(String newComment) {
            return new PrimaryKey(name, columns, deferrable, initiallyDeferred, newComment);
        }
    }

    /** UNIQUE [NULLS NOT DISTINCT] (columns) [DEFERRABLE [INITIALLY DEFERRED]]. */
    record Unique(String name, List<String> columns, boolean nullsNotDistinct, boolean deferrable,
                  boolean initiallyDeferred, String comment) implements Constraint {
        public Unique {
            Objects.requireNonNull(name, "name");
            columns = List.copyOf(columns);
        }

        public Unique(String name, List<String> columns, boolean nullsNotDistinct, boolean deferrable,
                      boolean initiallyDeferred) {
            this(name, columns, nullsNotDistinct, deferrable, initiallyDeferred, null);
        }

        public Unique(String name, List<String> columns, boolean nullsNotDistinct) {
            this(name, columns, nullsNotDistinct, false, false);
        }

        public Unique withName(String newName) {
            return new Unique(newName, columns, nullsNotDistinct, deferrable, initiallyDeferred, comment);
        }

        public Unique withComment(String newComment) {
            return new Unique(name, columns, nullsNotDistinct, deferrable, initiallyDeferred, newComment);
        }
    }

    /**
     * CHECK (expression) [NO INHERIT] [NOT VALID]; the expression is SQL without the outer CHECK
     * keyword.
     */
    record Check(String name, String expression, boolean noInherit, boolean notValid, String comment)
            implements Constraint {
        public Check {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(expression, "expression");
        }

        public Check(String name, String expression, boolean noInherit, boolean notValid) {
            this(name, expression, noInherit, notValid, null);
        }

        public Check(String name, String expression) {
            this(name, expression, false, false);
        }

        public Check withName(String newName) {
            return new Check(newName, expression, noInherit, notValid, comment);
        }

        public Check withComment(String newComment) {
            return new Check(name, expression, noInherit, notValid, newComment);
        }
    }

    /**
     * FOREIGN KEY (columns) REFERENCES refTable (refColumns) [MATCH FULL] [ON DELETE ...]
     * [ON UPDATE ...] [DEFERRABLE [INITIALLY DEFERRED]] [NOT VALID].
     */
    record ForeignKey(
            String name,
            List<String> columns,
            QualifiedName refTable,
            List<String> refColumns,
            Action onDelete,
            Action onUpdate,
            boolean deferrable,
            boolean initiallyDeferred,
            Match match,
            boolean notValid,
            String comment) implements Constraint {
        public ForeignKey {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(refTable, "refTable");
            columns = List.copyOf(columns);
            refColumns = List.copyOf(refColumns);
            onDelete = onDelete == null ? Action.NO_ACTION : onDelete;
            onUpdate = onUpdate == null ? Action.NO_ACTION : onUpdate;
            match = match == null ? Match.SIMPLE : match;
        }

        public ForeignKey(String name, List<String> columns, QualifiedName refTable, List<String> refColumns,
                          Action onDelete, Action onUpdate, boolean deferrable, boolean initiallyDeferred,
                          Match match, boolean notValid) {
            this(name, columns, refTable, refColumns, onDelete, onUpdate, deferrable, initiallyDeferred, match,
                    notValid, null);
        }

        public ForeignKey(String name, List<String> columns, QualifiedName refTable, List<String> refColumns,
                          Action onDelete, Action onUpdate, boolean deferrable, boolean initiallyDeferred) {
            this(name, columns, refTable, refColumns, onDelete, onUpdate, deferrable, initiallyDeferred,
                    Match.SIMPLE, false);
        }

        public ForeignKey withName(String newName) {
            return new ForeignKey(newName, columns, refTable, refColumns, onDelete, onUpdate, deferrable,
                    initiallyDeferred, match, notValid, comment);
        }

        public ForeignKey withComment(String newComment) {
            return new ForeignKey(name, columns, refTable, refColumns, onDelete, onUpdate, deferrable,
                    initiallyDeferred, match, notValid, newComment);
        }
    }

    /**
     * An exclusion constraint, kept as PostgreSQL prints it ({@code EXCLUDE USING gist (...)}) without
     * the DEFERRABLE / INITIALLY DEFERRED flags, which are fields of their own.
     */
    record Exclusion(String name, String definition, boolean deferrable, boolean initiallyDeferred, String comment)
            implements Constraint {
        public Exclusion {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(definition, "definition");
        }

        public Exclusion(String name, String definition, boolean deferrable, boolean initiallyDeferred) {
            this(name, definition, deferrable, initiallyDeferred, null);
        }

        public Exclusion(String name, String definition) {
            this(name, definition, false, false);
        }

        public Exclusion withName(String newName) {
            return new Exclusion(newName, definition, deferrable, initiallyDeferred, comment);
        }

        public Exclusion withComment(String newComment) {
            return new Exclusion(name, definition, deferrable, initiallyDeferred, newComment);
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

    /** How a multi-column foreign key treats NULLs: MATCH SIMPLE (the default) or MATCH FULL. */
    enum Match {
        SIMPLE,
        FULL
    }
}
