package dev.strata.diff;

/** SequenceChange represents one option of a sequence that an {@link Change.AlterSequence} changes. */
public enum SequenceChange {
    TYPE,
    INCREMENT,
    MIN_VALUE,
    MAX_VALUE,
    START,
    CACHE,
    CYCLE,
    OWNED_BY,
    COMMENT,
    /** SET LOGGED / SET UNLOGGED */
    UNLOGGED
}
