package dev.strata.safety;

/**
 * Rule lists what the safety stage checks in every change set, with its id (used in
 * {@code strata.edn}'s {@code :safety {:rules {...}}}), its default severity, what happens in
 * PostgreSQL and the safe alternative. docs/safety.md is the table of these.
 */
public enum Rule {
    DROP_TABLE("drop-table", Severity.ERROR, true,
            "DROP TABLE removes the table and every row in it (ACCESS EXCLUSIVE lock)",
            "keep the table in the model; or accept the loss with {:drop true} as the table's entry in models.edn"),
    DROP_COLUMN("drop-column", Severity.ERROR, true,
            "DROP COLUMN removes the column and its values (ACCESS EXCLUSIVE lock); a rollback brings the column back empty",
            "keep the column; or accept the loss with :accept-data-loss [:column] in the table's options"),
    NARROWING_TYPE("narrowing-type", Severity.ERROR, true,
            "the type change can change or reject existing values (ACCESS EXCLUSIVE lock, table rewrite)",
            "add a new column, backfill it and switch reads over (expand/contract); or accept with :accept-data-loss true on the field"),
    TYPE_REWRITE("type-rewrite", Severity.WARNING, false,
            "the type change rewrites the whole table and its indexes under an ACCESS EXCLUSIVE lock",
            "add a new column of the new type, backfill it in batches, then swap (expand/contract)"),
    SET_NOT_NULL("set-not-null", Severity.WARNING, false,
            "SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock, and fails if a NULL remains",
            "add CHECK (col IS NOT NULL) NOT VALID, VALIDATE it, then SET NOT NULL (PostgreSQL uses the valid check and skips the scan)"),
    ADD_NOT_NULL_WITHOUT_DEFAULT("not-null-column-without-default", Severity.ERROR, false,
            "a new NOT NULL column without a default fails on a table that has rows",
            "give the column a default, or add it nullable, backfill it, then SET NOT NULL"),
    VOLATILE_DEFAULT("volatile-default", Severity.WARNING, false,
            "a new column with a volatile default (random(), clock_timestamp(), nextval) rewrites the table under an ACCESS EXCLUSIVE lock",
            "add the column without a default, set the default, then backfill existing rows in batches"),
    CONSTRAINT_WITHOUT_NOT_VALID("constraint-without-not-valid", Severity.WARNING, false,
            "adding a foreign key or CHECK checks every existing row while holding a lock that blocks writes",
            "add it NOT VALID (a quick lock), then VALIDATE CONSTRAINT (a weaker lock) in a later step"),
    UNIQUE_WITHOUT_INDEX("unique-without-index", Severity.WARNING, false,
            "adding PRIMARY KEY or UNIQUE builds its index while writes to the table are blocked",
            "CREATE UNIQUE INDEX CONCURRENTLY first, then ADD CONSTRAINT ... USING INDEX"),
    INDEX_NOT_CONCURRENT("index-not-concurrently", Severity.WARNING, false,
            "CREATE INDEX or DROP INDEX without CONCURRENTLY blocks writes to the table while it runs",
            "use CREATE/DROP INDEX CONCURRENTLY in a migration of its own that runs outside a transaction"),
    RENAME_TABLE("rename-table", Severity.WARNING, false,
            "renaming a table breaks every deployed client that still uses the old name",
            "create a view with the old name for the transition, or deploy clients that use the new name first"),
    RENAME_COLUMN("rename-column", Severity.WARNING, false,
            "renaming a column breaks every deployed client that still uses the old name",
            "add the new column, write both, switch reads, then drop the old one (expand/contract)"),
    RENAME_ENUM_LABEL("rename-enum-label", Severity.WARNING, false,
            "renaming an enum label breaks clients and stored queries that use the old label",
            "add the new label, migrate the rows, and stop using the old one"),
    UNBOUNDED_DML("unbounded-dml", Severity.WARNING, false,
            "UPDATE or DELETE without WHERE, or TRUNCATE, touches every row of the table and blocks writes to it while it runs",
            "add a WHERE clause or batch the change; say :verify {:allow-row-changes [:table]} in the migration when rows are meant to go"),
    NO_LOCK_TIMEOUT("no-lock-timeout", Severity.WARNING, false,
            "the migration takes ACCESS EXCLUSIVE locks and runs without a lock_timeout: a long query ahead of it stalls every other query",
            "set :lock-timeout in strata.edn (Strata sets it for the migration session; the default is 10s)");

    private final String id;
    private final Severity severity;
    private final boolean dataLoss;
    private final String effect;
    private final String alternative;

    Rule(String id, Severity severity, boolean dataLoss, String effect, String alternative) {
        this.id = id;
        this.severity = severity;
        this.dataLoss = dataLoss;
        this.effect = effect;
        this.alternative = alternative;
    }

    public String id() {
        return id;
    }

    public Severity defaultSeverity() {
        return severity;
    }

    /** Whether the rule is about data that would be lost (then only an explicit acceptance lets it through). */
    public boolean dataLoss() {
        return dataLoss;
    }

    public String effect() {
        return effect;
    }

    public String alternative() {
        return alternative;
    }

    /** The rule with this id, or null. */
    public static Rule byId(String id) {
        for (Rule r : values()) {
            if (r.id.equals(id)) {
                return r;
            }
        }
        return null;
    }
}
