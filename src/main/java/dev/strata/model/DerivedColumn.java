package dev.strata.model;

/**
 * DerivedColumn represents what a derived table says of a column it does not declare itself: a
 * column a partition or an inheritance child gets from its parent, or a typed table from its
 * composite type. PostgreSQL lets such a table give the column its own DEFAULT, its own NOT NULL
 * and its own comment ({@code CREATE TABLE t OF type (c WITH OPTIONS DEFAULT 0)}, {@code ALTER
 * TABLE ONLY child ALTER COLUMN c SET DEFAULT ...}). Only what differs from the parent (or, for a
 * typed table, from the type, which has neither default nor NOT NULL) is held here, so a model
 * states an option once, where it is set.
 *
 * @param notNull     NOT NULL that the parent does not have (a primary key's own NOT NULL is not
 *                    counted: the key implies it)
 * @param defaultExpr the table's own default as PostgreSQL prints it, when it differs from the
 *                    parent's; {@code null} when it is the parent's
 * @param noDefault   the parent has a default and this table has none ({@code DROP DEFAULT} on
 *                    the child); never together with {@code defaultExpr}
 * @param comment     the column comment on this table ({@code COMMENT ON COLUMN child.c}), which
 *                    PostgreSQL never copies from a parent
 */
public record DerivedColumn(boolean notNull, String defaultExpr, boolean noDefault, String comment) {
    public static final DerivedColumn NONE = new DerivedColumn(false, null, false, null);

    public DerivedColumn {
        if (noDefault && defaultExpr != null) {
            throw new IllegalArgumentException("a derived column has its own default or none, not both");
        }
    }

    /** Whether this states nothing the parent does not. */
    public boolean isEmpty() {
        return equals(NONE);
    }

    /**
     * The effective settings of the column on this table, given its parent's (for a typed table,
     * {@link Effective#NONE}); {@code keyed}: the column is in this table's primary key.
     */
    public Effective over(Effective parent, boolean keyed) {
        String def = noDefault ? null : defaultExpr != null ? defaultExpr : parent.defaultExpr();
        return new Effective(notNull || parent.notNull() || keyed, def, comment);
    }

    /** A column's settings as PostgreSQL holds them on one table, whatever set them. */
    public record Effective(boolean notNull, String defaultExpr, String comment) {
        public static final Effective NONE = new Effective(false, null, null);

        /** An own column's settings. */
        public static Effective of(Column c) {
            return new Effective(c.notNull(), c.defaultExpr(), c.comment());
        }
    }
}
