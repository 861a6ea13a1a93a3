package dev.strata.diff;

import dev.strata.model.Constraint;
import dev.strata.model.Function;
import dev.strata.model.Policy;
import dev.strata.model.QualifiedName;
import dev.strata.model.Trigger;
import dev.strata.model.View;
import java.util.Objects;

/**
 * CommentTarget names an object whose comment a {@link Change.CommentOn} sets: a constraint, a
 * function, procedure or aggregate, a view or materialized view, a trigger or a policy.
 *
 * @param kind      what the object is
 * @param name      its name (a member's own name, schema-qualified like its table)
 * @param table     the table of a constraint, trigger or policy, else {@code null}
 * @param arguments the identity arguments of a function, procedure or aggregate, else {@code null}
 */
public record CommentTarget(Kind kind, QualifiedName name, QualifiedName table, String arguments) {
    public CommentTarget {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    /** The kinds of object, each with the words {@code COMMENT ON} puts before its name. */
    public enum Kind {
        CONSTRAINT("CONSTRAINT"),
        FUNCTION("FUNCTION"),
        PROCEDURE("PROCEDURE"),
        AGGREGATE("AGGREGATE"),
        VIEW("VIEW"),
        MATERIALIZED_VIEW("MATERIALIZED VIEW"),
        TRIGGER("TRIGGER"),
        RULE("RULE"),
        POLICY("POLICY"),
        STATISTICS("STATISTICS"),
        COLLATION("COLLATION"),
        ACCESS_METHOD("ACCESS METHOD"),
        FOREIGN_DATA_WRAPPER("FOREIGN DATA WRAPPER"),
        SERVER("SERVER"),
        TEXT_SEARCH_PARSER("TEXT SEARCH PARSER"),
        TEXT_SEARCH_TEMPLATE("TEXT SEARCH TEMPLATE"),
        TEXT_SEARCH_DICTIONARY("TEXT SEARCH DICTIONARY"),
        TEXT_SEARCH_CONFIGURATION("TEXT SEARCH CONFIGURATION"),
        /** An operator: {@code arguments} is its signature, {@code (text, text)}. */
        OPERATOR("OPERATOR"),
        /** A domain's CHECK constraint: {@code table} is the domain. */
        DOMAIN_CONSTRAINT("CONSTRAINT");

        private final String sql;

        Kind(String sql) {
            this.sql = sql;
        }

        public String sql() {
            return sql;
        }
    }

    /** Whether the object belongs to a table (constraint, trigger, policy). */
    public boolean member() {
        return table != null;
    }

    public static CommentTarget of(QualifiedName table, Constraint constraint) {
        return new CommentTarget(Kind.CONSTRAINT, new QualifiedName(table.schema(), constraint.name()), table, null);
    }

    public static CommentTarget of(Function function) {
        Kind kind = function.isAggregate() ? Kind.AGGREGATE : function.procedure() ? Kind.PROCEDURE : Kind.FUNCTION;
        return new CommentTarget(kind, function.name(), null, function.arguments());
    }

    public static CommentTarget of(View view) {
        return new CommentTarget(view.materialized() ? Kind.MATERIALIZED_VIEW : Kind.VIEW, view.name(), null, null);
    }

    public static CommentTarget of(Trigger trigger) {
        return new CommentTarget(trigger.isRule() ? Kind.RULE : Kind.TRIGGER,
                new QualifiedName(trigger.table().schema(), trigger.name()),
                trigger.table(), null);
    }

    public static CommentTarget of(QualifiedName domain, dev.strata.model.Domain.Check check) {
        return new CommentTarget(Kind.DOMAIN_CONSTRAINT, new QualifiedName(domain.schema(), check.name()), domain, null);
    }

    public static CommentTarget of(dev.strata.model.TextSearch t) {
        return new CommentTarget(Kind.valueOf("TEXT_SEARCH_" + t.kind().name()), t.name(), null, null);
    }

    public static CommentTarget of(dev.strata.model.Operator operator) {
        return new CommentTarget(Kind.OPERATOR, operator.name(), null, operator.signature());
    }

    public static CommentTarget of(dev.strata.model.Collation collation) {
        return new CommentTarget(Kind.COLLATION, collation.name(), null, null);
    }

    public static CommentTarget of(dev.strata.model.Statistics statistics) {
        return new CommentTarget(Kind.STATISTICS, statistics.name(), null, null);
    }

    public static CommentTarget of(Policy policy) {
        return new CommentTarget(Kind.POLICY, new QualifiedName(policy.table().schema(), policy.name()),
                policy.table(), null);
    }
}
