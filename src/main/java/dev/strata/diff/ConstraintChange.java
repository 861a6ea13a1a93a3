package dev.strata.diff;

/** ConstraintChange represents what an {@link Change.AlterConstraint} changes in place. */
public enum ConstraintChange {
    /** DEFERRABLE / INITIALLY DEFERRED of a foreign key ({@code ALTER CONSTRAINT}). */
    DEFERRABILITY,
    /** A NOT VALID constraint becomes valid ({@code VALIDATE CONSTRAINT}); it cannot go back. */
    VALIDATE,
    /** Storage parameters of the index behind a primary key or unique constraint ({@code ALTER INDEX ... SET}). */
    INDEX_STORAGE
}
