package dev.strata.diff;

/** ColumnChange represents one aspect of a column that an {@link Change.AlterColumn} changes. */
public enum ColumnChange {
    TYPE,
    NOT_NULL,
    DEFAULT,
    IDENTITY,
    GENERATED,
    COLLATION,
    COMMENT
}
