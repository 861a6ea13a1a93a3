package dev.strata.migration;

/** MigrationKind represents the three migration file formats Strata reads. */
public enum MigrationKind {
    /** A generated {@code .edn} map with {@code :up} and {@code :down} statements. */
    EDN("edn"),
    /** A hand-written {@code .sql} file with {@code -- FORWARD} and {@code -- BACKWARD} sections. */
    SQL("sql"),
    /** A hand-written {@code .edn} vector of action maps, translated to SQL when read. */
    ACTIONS("actions");

    private final String label;

    MigrationKind(String label) {
        this.label = label;
    }

    /** The name stored in the history table and printed by {@code status --json}. */
    public String label() {
        return label;
    }
}
