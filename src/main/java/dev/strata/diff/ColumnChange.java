package dev.strata.diff;

/** ColumnChange represents one aspect of a column that an {@link Change.AlterColumn} changes. */
public enum ColumnChange {
    TYPE,
    NOT_NULL,
    DEFAULT,
    IDENTITY,
    GENERATED,
    COLLATION,
    COMMENT,
    /** the identity sequence's name or options */
    IDENTITY_SEQUENCE,
    STATISTICS,
    STORAGE,
    COMPRESSION,
    /** attribute options: {@code SET (n_distinct=...)} */
    OPTIONS,
    FDW_OPTIONS
}
