package dev.strata.sql;

import dev.strata.diff.CommentTarget;
import dev.strata.model.Aggregate;
import dev.strata.model.Constraint;
import dev.strata.model.Function;
import dev.strata.model.Policy;
import dev.strata.model.QualifiedName;
import dev.strata.model.Trigger;
import dev.strata.model.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Comments builds the {@code COMMENT ON ... IS ...} statements of the objects whose comment is not
 * set by {@link Ddl}'s own statements: constraints, functions, procedures, aggregates, views,
 * materialized views, triggers and policies; and the {@code CREATE AGGREGATE} of an
 * {@link Aggregate}. A {@code null} comment gives {@code IS NULL}, which removes it.
 */
public final class Comments {
    private static final String PART = "(?:\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)";
    private static final Pattern HEADER = Pattern.compile("^(?:\\s+|--[^\\n]*(?:\\n|$)|/\\*.*?\\*/)*CREATE\\s+"
            + "(?:OR\\s+REPLACE\\s+)?(?:FUNCTION|PROCEDURE|AGGREGATE)\\s+" + PART + "(?:\\s*\\.\\s*" + PART
            + ")?\\s*\\(", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private Comments() {
    }

    /** {@code COMMENT ON <target> IS ...}. */
    public static String on(CommentTarget target, String comment) {
        StringBuilder sql = new StringBuilder("COMMENT ON ").append(target.kind().sql()).append(' ');
        switch (target.kind()) {
            case CONSTRAINT, TRIGGER, RULE, POLICY -> sql.append(Identifiers.quote(target.name().name())).append(" ON ")
                    .append(Identifiers.quote(target.table()));
            case FUNCTION, PROCEDURE, AGGREGATE -> {
                sql.append(Identifiers.quote(target.name()));
                if (target.arguments() != null) {
                    String arguments = target.arguments();
                    sql.append('(').append(target.kind() == CommentTarget.Kind.AGGREGATE && arguments.isEmpty()
                            ? "*" : arguments).append(')');
                }
            }
            case VIEW, MATERIALIZED_VIEW, STATISTICS, COLLATION, ACCESS_METHOD, FOREIGN_DATA_WRAPPER, SERVER, TEXT_SEARCH_PARSER, TEXT_SEARCH_TEMPLATE, TEXT_SEARCH_DICTIONARY,
                    TEXT_SEARCH_CONFIGURATION -> sql.append(Identifiers.quote(target.name()));
            case OPERATOR -> sql.append(Ddl.operatorName(target.name())).append(' ').append(target.arguments());
            case DOMAIN_CONSTRAINT -> sql.append(Identifiers.quote(target.name().name())).append(" ON DOMAIN ")
                    .append(Identifiers.quote(target.table()));
        }
        return sql.append(" IS ").append(comment == null ? "NULL" : Identifiers.literal(comment)).toString();
    }

    public static String on(QualifiedName table, Constraint constraint, String comment) {
        return on(CommentTarget.of(table, constraint), comment);
    }

    public static String on(View view, String comment) {
        return on(CommentTarget.of(view), comment);
    }

    public static String on(Trigger trigger, String comment) {
        return on(CommentTarget.of(trigger), comment);
    }

    public static String on(Policy policy, String comment) {
        return on(CommentTarget.of(policy), comment);
    }

    /**
     * The comment of a function, procedure or aggregate. A model function that has not reached a
     * database yet has no identity arguments: they are taken from its CREATE statement's parameter
     * list (defaults cut off), or left out when the header cannot be read (then the name alone must
     * be unique, as PostgreSQL requires).
     */
    public static String on(Function function, String comment) {
        CommentTarget target = CommentTarget.of(function);
        if (function.arguments() == null) {
            String arguments = function.isAggregate() ? function.aggregate().arguments()
                    : headerArguments(function.definition());
            target = new CommentTarget(target.kind(), target.name(), null, arguments);
        }
        return on(target, comment);
    }

    /** The parameter list of a CREATE FUNCTION / PROCEDURE without defaults, or {@code null}. */
    static String headerArguments(String definition) {
        Matcher m = HEADER.matcher(definition);
        if (!m.lookingAt()) {
            return null;
        }
        int open = m.end() - 1;
        int close;
        try {
            close = SqlText.closingParen(definition, open);
        } catch (IllegalArgumentException e) {
            return null;
        }
        List<String> parameters = new ArrayList<>();
        for (String p : SqlText.splitTopLevel(definition.substring(open + 1, close))) {
            parameters.add(withoutDefault(p));
        }
        return String.join(", ", parameters);
    }

    /** {@code a integer DEFAULT 1} and {@code a integer = 1} give {@code a integer}. */
    private static String withoutDefault(String parameter) {
        int depth = 0;
        String upper = parameter.toUpperCase(Locale.ROOT);
        for (int i = 0; i < parameter.length(); i++) {
            char ch = parameter.charAt(i);
            if (ch == '\'' || ch == '"') {
                int end = parameter.indexOf(ch, i + 1);
                i = end < 0 ? parameter.length() : end;
            } else if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
            } else if (depth == 0 && (ch == '=' || upper.length() == parameter.length()
                    && upper.startsWith("DEFAULT", i) && i > 0 && Character.isWhitespace(parameter.charAt(i - 1))
                    && (i + 7 == parameter.length() || !Character.isLetterOrDigit(parameter.charAt(i + 7))))) {
                return parameter.substring(0, i).strip();
            }
        }
        return parameter.strip();
    }

    /**
     * {@code CREATE AGGREGATE name(arguments) (SFUNC = ..., STYPE = ..., ...)}, one option a line in
     * a fixed order, options at their defaults left out.
     */
    public static String createAggregate(QualifiedName name, Aggregate a) {
        List<String> options = new ArrayList<>();
        options.add("SFUNC = " + a.sfunc());
        options.add("STYPE = " + a.stype());
        if (a.sspace() != 0) {
            options.add("SSPACE = " + a.sspace());
        }
        if (a.finalfunc() != null) {
            options.add("FINALFUNC = " + a.finalfunc());
        }
        if (a.finalfuncExtra()) {
            options.add("FINALFUNC_EXTRA");
        }
        if (a.finalfuncModify() != null) {
            options.add("FINALFUNC_MODIFY = " + a.finalfuncModify());
        }
        if (a.combinefunc() != null) {
            options.add("COMBINEFUNC = " + a.combinefunc());
        }
        if (a.serialfunc() != null) {
            options.add("SERIALFUNC = " + a.serialfunc());
        }
        if (a.deserialfunc() != null) {
            options.add("DESERIALFUNC = " + a.deserialfunc());
        }
        if (a.initcond() != null) {
            options.add("INITCOND = " + Identifiers.literal(a.initcond()));
        }
        if (a.sortop() != null) {
            options.add("SORTOP = " + a.sortop());
        }
        if (a.parallel() != null) {
            options.add("PARALLEL = " + a.parallel());
        }
        Aggregate.Moving m = a.moving();
        if (m != null) {
            options.add("MSFUNC = " + m.msfunc());
            options.add("MINVFUNC = " + m.minvfunc());
            options.add("MSTYPE = " + m.mstype());
            if (m.msspace() != 0) {
                options.add("MSSPACE = " + m.msspace());
            }
            if (m.mfinalfunc() != null) {
                options.add("MFINALFUNC = " + m.mfinalfunc());
            }
            if (m.mfinalfuncExtra()) {
                options.add("MFINALFUNC_EXTRA");
            }
            if (m.mfinalfuncModify() != null) {
                options.add("MFINALFUNC_MODIFY = " + m.mfinalfuncModify());
            }
            if (m.minitcond() != null) {
                options.add("MINITCOND = " + Identifiers.literal(m.minitcond()));
            }
        }
        if (a.hypothetical()) {
            options.add("HYPOTHETICAL");
        }
        return "CREATE AGGREGATE " + Identifiers.quote(name) + "(" + a.arguments() + ") (\n    "
                + String.join(",\n    ", options) + "\n)";
    }
}
