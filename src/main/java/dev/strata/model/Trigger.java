package dev.strata.model;

import java.util.Objects;

/**
 * Trigger represents a trigger on a table, or a rule ({@code CREATE RULE}): both belong to one
 * table, fire on its events, are enabled and disabled alike and are replayed from their statement.
 * A rule is told apart by its statement ({@link #isRule()}).
 *
 * @param name       the trigger name
 * @param table      the table it fires on
 * @param definition the complete {@code CREATE TRIGGER} statement
 * @param dropSql    a statement that drops it, when the model gave one, else {@code null}
 * @param enablement when it fires ({@code ALTER TABLE ... ENABLE/DISABLE TRIGGER}); ORIGIN, as
 *                   created, by default
 * @param comment    the comment (COMMENT ON TRIGGER), or {@code null}
 */
public record Trigger(String name, QualifiedName table, String definition, String dropSql, Enablement enablement,
                      String comment) {
    public Trigger {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(definition, "definition");
        enablement = enablement == null ? Enablement.ORIGIN : enablement;
    }

    private static final java.util.regex.Pattern RULE =
            java.util.regex.Pattern.compile("(?is)^(?:\\s+|--[^\\n]*(?:\\n|$)|/\\*.*?\\*/)*CREATE\\s+(?:OR\\s+REPLACE\\s+)?RULE\\b");

    /** Whether this is a rule ({@code CREATE RULE ... AS ON event TO table DO ...}), not a trigger. */
    public boolean isRule() {
        return RULE.matcher(definition).find();
    }

    /** {@code TRIGGER} or {@code RULE}: the word of DROP, COMMENT ON and ALTER TABLE ... ENABLE. */
    public String keyword() {
        return isRule() ? "RULE" : "TRIGGER";
    }

    /** A trigger without a comment. */
    public Trigger(String name, QualifiedName table, String definition, String dropSql, Enablement enablement) {
        this(name, table, definition, dropSql, enablement, null);
    }

    /** This trigger with another comment. */
    public Trigger withComment(String newComment) {
        return new Trigger(name, table, definition, dropSql, enablement, newComment);
    }

    /** A trigger as created: enabled in origin and local sessions. */
    public Trigger(String name, QualifiedName table, String definition, String dropSql) {
        this(name, table, definition, dropSql, Enablement.ORIGIN, null);
    }

    /** PostgreSQL's {@code tgenabled}: when a trigger fires, given {@code session_replication_role}. */
    public enum Enablement {
        /** {@code O}: fires in origin and local mode (as created). */
        ORIGIN("O", "ENABLE"),
        /** {@code D}: never fires. */
        DISABLED("D", "DISABLE"),
        /** {@code R}: fires in replica mode only. */
        REPLICA("R", "ENABLE REPLICA"),
        /** {@code A}: always fires. */
        ALWAYS("A", "ENABLE ALWAYS");

        private final String code;
        private final String sql;

        Enablement(String code, String sql) {
            this.code = code;
            this.sql = sql;
        }

        /** The words of {@code ALTER TABLE t <sql> TRIGGER x}. */
        public String sql() {
            return sql;
        }

        /** The enablement of a {@code pg_trigger.tgenabled} code. */
        public static Enablement ofCode(String code) {
            for (Enablement e : values()) {
                if (e.code.equals(code)) {
                    return e;
                }
            }
            throw new IllegalArgumentException("unknown tgenabled " + code);
        }
    }
}
