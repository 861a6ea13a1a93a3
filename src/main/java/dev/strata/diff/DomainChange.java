package dev.strata.diff;

/** DomainChange represents which property of a domain an {@link Change.AlterDomain} changes. */
public enum DomainChange {
    DEFAULT,
    NOT_NULL,
    COMMENT,
    /** VALIDATE CONSTRAINT of checks that are NOT VALID */
    VALIDATE
}
