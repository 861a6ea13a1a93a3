package dev.strata.diff;

/** IndexChange represents one property of an index that an {@link Change.AlterIndex} changes in place. */
public enum IndexChange {
    /** Storage parameters: {@code ALTER INDEX ... SET (...)} / {@code RESET (...)}. */
    STORAGE,
    /** {@code COMMENT ON INDEX}. */
    COMMENT
}
