package dev.strata.model;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
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

    /**
     * PRIMARY KEY (columns) [INCLUDE (include)] [WITH (storage)] [DEFERRABLE [INITIALLY DEFERRED]];
     * {@code storage} holds the storage parameters of the index behind it.
     */
    record PrimaryKey(String name, List<String> columns, boolean deferrable, boolean initiallyDeferred,
                      List<String> include, SortedMap<String, String> storage, String comment) implements Constraint {
        public PrimaryKey {
            Objects.requireNonNull(name, "name");
            columns = List.copyOf(columns);
            include = include == null ? List.of() : List.copyOf(include);
            storage = StorageParameters.copyOf(storage);
        }

        public PrimaryKey(String name, List<String> columns, boolean deferrable, boolean initiallyDeferred,
                          List<String> include, SortedMap<String, String> storage) {
            this(name, columns, deferrable, initiallyDeferred, include, storage, null);
        }

        public PrimaryKey(String name, List<String> columns, boolean deferrable, boolean initiallyDeferred,
                          String comment) {
            this(name, columns, deferrable, initiallyDeferred, List.of(), null, comment);
        }

        public PrimaryKey(String name, List<String> columns, boolean deferrable, boolean initiallyDeferred) {
            this(name, columns, deferrable, initiallyDeferred, List.of(), null, null);
        }

        public PrimaryKey(String name, List<String> columns) {
            this(name, columns, false, false);
        }

        public PrimaryKey withName(String newName) {
            return new PrimaryKey(newName, columns, deferrable, initiallyDeferred, include, storage, comment);
        }

        public PrimaryKey withComment(String newComment) {
            return new PrimaryKey(name, columns, deferrable, initiallyDeferred, include, storage, newComment);
        }

        /** This key with other INCLUDE columns and index storage parameters. */
        public PrimaryKey withIndexOptions(List<String> newInclude, Map<String, String> newStorage) {
            return new PrimaryKey(name, columns, deferrable, initiallyDeferred, newInclude,
                    StorageParameters.copyOf(newStorage), comment);
        }
    }

    /** UNIQUE [NULLS NOT DISTINCT] (columns) [INCLUDE (include)] [WITH (storage)] [DEFERRABLE [INITIALLY DEFERRED]]. */
    record Unique(String name, List<String> columns, boolean nullsNotDistinct, boolean deferrable,
                  boolean initiallyDeferred, List<String> include, SortedMap<String, String> storage, String comment)
            implements Constraint {
        public Unique {
            Objects.requireNonNull(name, "name");
            columns = List.copyOf(columns);
            include = include == null ? List.of() : List.copyOf(include);
            storage = StorageParameters.copyOf(storage);
        }

        public Unique(String name, List<String> columns, boolean nullsNotDistinct, boolean deferrable,
                      boolean initiallyDeferred, List<String> include, SortedMap<String, String> storage) {
            this(name, columns, nullsNotDistinct, deferrable, initiallyDeferred, include, storage, null);
        }

        public Unique(String name, List<String> columns, boolean nullsNotDistinct, boolean deferrable,
                      boolean initiallyDeferred, String comment) {
            this(name, columns, nullsNotDistinct, deferrable, initiallyDeferred, List.of(), null, comment);
        }

        public Unique(String name, List<String> columns, boolean nullsNotDistinct, boolean deferrable,
                      boolean initiallyDeferred) {
            this(name, columns, nullsNotDistinct, deferrable, initiallyDeferred, List.of(), null, null);
        }

        public Unique(String name, List<String> columns, boolean nullsNotDistinct) {
            this(name, columns, nullsNotDistinct, false, false);
        }

        public Unique withName(String newName) {
            return new Unique(newName, columns, nullsNotDistinct, deferrable, initiallyDeferred, include, storage, comment);
        }

        public Unique withComment(String newComment) {
            return new Unique(name, columns, nullsNotDistinct, deferrable, initiallyDeferred, include, storage, newComment);
        }

        /** This constraint with other INCLUDE columns and index storage parameters. */
        public Unique withIndexOptions(List<String> newInclude, Map<String, String> newStorage) {
            return new Unique(name, columns, nullsNotDistinct, deferrable, initiallyDeferred, newInclude,
                    StorageParameters.copyOf(newStorage), comment);
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
            List<String> deleteSetColumns,
            String comment) implements Constraint {
        public ForeignKey {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(refTable, "refTable");
            columns = List.copyOf(columns);
            refColumns = List.copyOf(refColumns);
            deleteSetColumns = deleteSetColumns == null ? List.of() : List.copyOf(deleteSetColumns);
            onDelete = onDelete == null ? Action.NO_ACTION : onDelete;
            onUpdate = onUpdate == null ? Action.NO_ACTION : onUpdate;
            match = match == null ? Match.SIMPLE : match;
        }

        public ForeignKey(String name, List<String> columns, QualifiedName refTable, List<String> refColumns,
                          Action onDelete, Action onUpdate, boolean deferrable, boolean initiallyDeferred,
                          Match match, boolean notValid, List<String> deleteSetColumns) {
            this(name, columns, refTable, refColumns, onDelete, onUpdate, deferrable, initiallyDeferred, match,
                    notValid, deleteSetColumns, null);
        }

        public ForeignKey(String name, List<String> columns, QualifiedName refTable, List<String> refColumns,
                          Action onDelete, Action onUpdate, boolean deferrable, boolean initiallyDeferred,
                          Match match, boolean notValid, String comment) {
            this(name, columns, refTable, refColumns, onDelete, onUpdate, deferrable, initiallyDeferred, match,
                    notValid, List.of(), comment);
        }

        /** A foreign key whose ON DELETE SET NULL / SET DEFAULT (if any) sets all its columns. */
        public ForeignKey(String name, List<String> columns, QualifiedName refTable, List<String> refColumns,
                          Action onDelete, Action onUpdate, boolean deferrable, boolean initiallyDeferred,
                          Match match, boolean notValid) {
            this(name, columns, refTable, refColumns, onDelete, onUpdate, deferrable, initiallyDeferred, match,
                    notValid, List.of(), null);
        }

        public ForeignKey(String name, List<String> columns, QualifiedName refTable, List<String> refColumns,
                          Action onDelete, Action onUpdate, boolean deferrable, boolean initiallyDeferred) {
            this(name, columns, refTable, refColumns, onDelete, onUpdate, deferrable, initiallyDeferred,
                    Match.SIMPLE, false);
        }

        /** This key with the columns ON DELETE SET NULL / SET DEFAULT sets (empty: all of them). */
        public ForeignKey withDeleteSetColumns(List<String> newColumns) {
            return new ForeignKey(name, columns, refTable, refColumns, onDelete, onUpdate, deferrable,
                    initiallyDeferred, match, notValid, newColumns, comment);
        }

        public ForeignKey withName(String newName) {
            return new ForeignKey(newName, columns, refTable, refColumns, onDelete, onUpdate, deferrable,
                    initiallyDeferred, match, notValid, deleteSetColumns, comment);
        }

        public ForeignKey withComment(String newComment) {
            return new ForeignKey(name, columns, refTable, refColumns, onDelete, onUpdate, deferrable,
                    initiallyDeferred, match, notValid, deleteSetColumns, newComment);
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
