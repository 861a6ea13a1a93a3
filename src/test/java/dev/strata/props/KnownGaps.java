package dev.strata.props;

/**
 * KnownGaps represents engine defects the migration invariant property steers around until they
 * are fixed, each found by that property (see the report of branch {@code props}). Setting a flag
 * to {@code false} makes the generator produce those cases again.
 *
 * @param collation           avoid {@code COLLATE "C"} columns: the catalog reads the collation
 *                            back quoted ({@code "C"}) and {@code Ddl}/the renderer quote it again
 *                            ({@code COLLATE """C"""}); ALTER COLUMN ... TYPE also drops it
 * @param enumLabelDependents avoid adding a label to an enum whose columns a view, policy, check,
 *                            index or generated column reads: the down (the type recreated by
 *                            {@code EnumLabelRemoval}) then fails on those dependents
 */
record KnownGaps(boolean collation, boolean enumLabelDependents) {
    static final KnownGaps NONE = new KnownGaps(false, false);
    static final KnownGaps CURRENT = new KnownGaps(true, true);
}
