package dev.strata.load;

import java.util.List;

/**
 * DomainDraft represents a domain as the model defines it, its base type not yet resolved.
 *
 * @param checks the CHECK constraints; a {@code null} name gets PostgreSQL's default name
 */
record DomainDraft(String name, Types.ParsedType base, String collation, boolean notNull, String defaultExpr,
                   List<CheckDraft> checks, String comment, Location where, String subject, String schema) {
    DomainDraft {
        checks = List.copyOf(checks);
    }

    /** The name as other model entries refer to it: {@code schema.name}, or the name in the target schema. */
    String key() {
        return Names.key(schema, name);
    }

    /** A CHECK constraint of the domain: its name (or {@code null}), condition as SQL and NOT VALID. */
    record CheckDraft(String name, String condition, boolean notValid, String comment) {
        CheckDraft(String name, String condition) {
            this(name, condition, false, null);
        }
    }
}
