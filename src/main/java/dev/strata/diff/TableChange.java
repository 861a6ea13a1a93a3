package dev.strata.diff;

/** TableChange represents one table option that an {@link Change.AlterTable} changes. */
public enum TableChange {
    /** {@code ALTER TABLE ... SET LOGGED} / {@code SET UNLOGGED}. */
    PERSISTENCE,
    ACCESS_METHOD,
    FOREIGN_OPTIONS,
    /** Storage parameters: {@code ALTER TABLE ... SET (...)} / {@code RESET (...)}. */
    STORAGE,
    /** {@code ALTER TABLE ... FORCE} / {@code NO FORCE ROW LEVEL SECURITY}. */
    FORCE_ROW_LEVEL_SECURITY,
    /** A partition's parent or bound: {@code DETACH PARTITION} from the old parent, {@code ATTACH PARTITION} to the new. */
    PARTITION,
    /** The {@code INHERITS} parents: {@code NO INHERIT} / {@code INHERIT}. */
    INHERITANCE,
    /** The type of a typed table: {@code NOT OF} / {@code OF type}. */
    TYPE_OF,
    /** {@code ALTER TABLE ... REPLICA IDENTITY DEFAULT | FULL | NOTHING | USING INDEX i}. */
    REPLICA_IDENTITY,
    /** {@code ALTER TABLE ... CLUSTER ON i} / {@code SET WITHOUT CLUSTER}. */
    CLUSTER
}
