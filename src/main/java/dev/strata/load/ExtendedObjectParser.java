package dev.strata.load;

import dev.strata.edn.EdnMap;
import dev.strata.edn.EdnPrinter;
import dev.strata.edn.EdnVector;
import dev.strata.model.Function;
import dev.strata.model.Policy;
import dev.strata.model.QualifiedName;
import dev.strata.model.Trigger;
import dev.strata.model.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ExtendedObjectParser reads functions.edn, views.edn, triggers.edn and policies.edn entries
 * ({@code {:up "SQL" :down "SQL"}} or {@code {:sql "SQL"}}) and takes each object's real name (and
 * table) from the header of its CREATE statement.
 */
final class ExtendedObjectParser {
    private static final String PART = "(?:\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)";
    private static final String NAME = "(" + PART + "(?:\\s*\\.\\s*" + PART + ")?)";
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;
    private static final Pattern VIEW = Pattern.compile("^CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:(?:TEMP|TEMPORARY)\\s+)?"
            + "(?:RECURSIVE\\s+)?(MATERIALIZED\\s+)?VIEW\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?" + NAME, FLAGS);
    private static final Pattern FUNCTION = Pattern.compile(
            "^CREATE\\s+(?:OR\\s+REPLACE\\s+)?(FUNCTION|PROCEDURE)\\s+" + NAME + "\\s*\\(", FLAGS);
    private static final Pattern TRIGGER = Pattern.compile("^CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:CONSTRAINT\\s+)?"
            + "TRIGGER\\s+" + NAME + "\\s.*?\\bON\\s+(?:ONLY\\s+)?" + NAME, FLAGS);
    private static final Pattern RULE = Pattern.compile("^CREATE\\s+(?:OR\\s+REPLACE\\s+)?RULE\\s+" + NAME
            + "\\s+AS\\s+ON\\s+\\w+\\s+TO\\s+" + NAME, FLAGS);
    private static final Pattern POLICY = Pattern.compile("^CREATE\\s+POLICY\\s+" + NAME + "\\s+ON\\s+" + NAME, FLAGS);
    private static final Pattern QUALIFIED = Pattern.compile("(" + PART + ")(?:\\s*\\.\\s*(" + PART + "))?");
    private static final Pattern LEADING_COMMENTS = Pattern.compile("^(?:\\s+|--[^\\n]*(?:\\n|$)|/\\*.*?\\*/)*", FLAGS);

    final List<ViewDraft> views = new ArrayList<>();
    final List<Function> functions = new ArrayList<>();
    final List<Located<Trigger>> triggers = new ArrayList<>();
    final List<Located<Policy>> policies = new ArrayList<>();
    private final Problems problems;

    /** An object with where the model defines it. */
    record Located<T>(T object, Location where, String subject) {
    }

    /** A view with its index drafts (their names are chosen later). */
    record ViewDraft(View view, List<IndexDraft> indexes, Location where, String subject) {
    }

    ExtendedObjectParser(Problems problems) {
        this.problems = problems;
    }

    /** The statement text: {@code :up} or {@code :sql}; null after a problem. */
    private String[] sql(Object value, Location where, String subject) {
        if (!(value instanceof Map<?, ?> m)) {
            problems.add(where, subject, "cannot read " + EdnPrinter.flat(value), "write {:up \"SQL\" :down \"SQL\"} or {:sql \"SQL\"}");
            return null;
        }
        Object up = m.get(FieldParser.kw("up"));
        Object sql = m.get(FieldParser.kw("sql"));
        Object down = m.get(FieldParser.kw("down"));
        if (up != null && sql != null) {
            problems.add(where, subject, "both :up and :sql given", "keep one of them");
            return null;
        }
        Object statement = up != null ? up : sql;
        if (!(statement instanceof String s) || s.isBlank()) {
            problems.add(where, subject, "no CREATE statement", "add :up \"CREATE ...\" (and :down) or :sql \"CREATE ...\"");
            return null;
        }
        if (down != null && !(down instanceof String)) {
            problems.add(where, subject, ":down must be a string", "write :down \"DROP ...\"");
            return null;
        }
        return new String[] {definition(s), down == null ? null : definition((String) down)};
    }

    /** The statement trimmed, without trailing semicolons. */
    static String definition(String sql) {
        String s = sql.trim();
        while (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).trim();
        }
        return s;
    }

    private static Matcher header(Pattern p, String definition) {
        Matcher lead = LEADING_COMMENTS.matcher(definition);
        int start = lead.lookingAt() ? lead.end() : 0;
        Matcher m = p.matcher(definition);
        m.region(start, definition.length());
        return m.lookingAt() ? m : null;
    }

    void function(Object key, Object value, Location where) {
        String subject = "function " + EdnPrinter.flat(key);
        if (AggregateParser.isAggregate(value)) {
            Function aggregate = AggregateParser.parse(key, (Map<?, ?>) value, where, "aggregate " + EdnPrinter.flat(key),
                    problems);
            if (aggregate != null) {
                functions.add(aggregate);
            }
            return;
        }
        String[] sql = sql(value, where, subject);
        if (sql == null) {
            return;
        }
        Matcher m = header(FUNCTION, sql[0]);
        if (m == null) {
            problems.add(where, subject, "cannot find the function name in the statement",
                    "start it with CREATE [OR REPLACE] FUNCTION name( or CREATE [OR REPLACE] PROCEDURE name(; write an"
                            + " aggregate as {:type :aggregate :args [...] :sfunc ... :stype ...}");
            return;
        }
        functions.add(new Function(name(m.group(2)), null, m.group(1).equalsIgnoreCase("procedure"), sql[0], sql[1],
                comment(value, where, subject), null));
    }

    /** The entry's {@code :comment}: a string, or {@code null}. */
    private String comment(Object value, Location where, String subject) {
        Object comment = ((Map<?, ?>) value).get(FieldParser.kw("comment"));
        if (comment == null || comment instanceof String) {
            return (String) comment;
        }
        problems.add(where, subject, ":comment must be a string, not " + EdnPrinter.flat(comment),
                "write :comment \"...\"");
        return null;
    }

    void view(Object key, Object value, Location where) {
        String subject = "view " + EdnPrinter.flat(key);
        String[] sql = sql(value, where, subject);
        if (sql == null) {
            return;
        }
        Matcher m = header(VIEW, sql[0]);
        if (m == null) {
            problems.add(where, subject, "cannot find the view name in the statement",
                    "start it with CREATE [OR REPLACE] [MATERIALIZED] VIEW name");
            return;
        }
        boolean materialized = m.group(1) != null;
        QualifiedName name = name(m.group(2));
        List<IndexDraft> indexes = new ArrayList<>();
        Object idx = ((Map<?, ?>) value).get(FieldParser.kw("indexes"));
        if (idx != null && !materialized) {
            problems.add(where, subject, "only a materialized view can have :indexes",
                    "make it a MATERIALIZED VIEW or remove :indexes");
        } else if (idx instanceof List<?> il) {
            for (Object i : il) {
                Location at = i instanceof EdnMap em && em.line() > 0 ? new Location(where.file(), em.line())
                        : i instanceof EdnVector ev && ev.line() > 0 ? new Location(where.file(), ev.line()) : where;
                IndexDraft d = IndexParser.parse(name, i, at, subject, problems);
                if (d != null) {
                    indexes.add(d);
                }
            }
        } else if (idx != null) {
            problems.add(where, subject, "bad :indexes " + EdnPrinter.flat(idx), "write :indexes [{:fields [:a]}]");
        }
        views.add(new ViewDraft(new View(name, materialized, sql[0], sql[1], List.of(), List.of(),
                comment(value, where, subject)), indexes, where, subject));
    }

    /**
     * {@code :enabled}: {@code true} (the default: fires in origin and local sessions), {@code false}
     * (DISABLE), {@code :replica} (ENABLE REPLICA) or {@code :always} (ENABLE ALWAYS).
     */
    private Trigger.Enablement enablement(Object v, Location where, String subject) {
        if (v == null || Boolean.TRUE.equals(v)) {
            return Trigger.Enablement.ORIGIN;
        }
        if (Boolean.FALSE.equals(v)) {
            return Trigger.Enablement.DISABLED;
        }
        if (v.equals(FieldParser.kw("replica"))) {
            return Trigger.Enablement.REPLICA;
        }
        if (v.equals(FieldParser.kw("always"))) {
            return Trigger.Enablement.ALWAYS;
        }
        problems.add(where, subject, "bad :enabled " + EdnPrinter.flat(v),
                "write :enabled true (the default), false (DISABLE TRIGGER), :replica (ENABLE REPLICA) or :always (ENABLE ALWAYS)");
        return Trigger.Enablement.ORIGIN;
    }

    void trigger(Object key, Object value, Location where) {
        String subject = "trigger " + EdnPrinter.flat(key);
        String[] sql = sql(value, where, subject);
        if (sql == null) {
            return;
        }
        Matcher m = header(TRIGGER, sql[0]);
        if (m == null) {
            m = header(RULE, sql[0]);
        }
        if (m == null) {
            problems.add(where, subject, "cannot find the trigger (or rule) name and table in the statement",
                    "start it with CREATE [OR REPLACE] [CONSTRAINT] TRIGGER name ... ON table, "
                            + "or CREATE [OR REPLACE] RULE name AS ON event TO table ...");
            return;
        }
        Trigger.Enablement enablement = enablement(((Map<?, ?>) value).get(FieldParser.kw("enabled")), where, subject);
        triggers.add(new Located<>(new Trigger(name(m.group(1)).name(), name(m.group(2)), sql[0], sql[1], enablement,
                comment(value, where, subject)), where, subject));
    }

    void policy(Object key, Object value, Location where) {
        String subject = "policy " + EdnPrinter.flat(key);
        String[] sql = sql(value, where, subject);
        if (sql == null) {
            return;
        }
        Matcher m = header(POLICY, sql[0]);
        if (m == null) {
            problems.add(where, subject, "cannot find the policy name and table in the statement",
                    "start it with CREATE POLICY name ON table");
            return;
        }
        policies.add(new Located<>(new Policy(name(m.group(1)).name(), name(m.group(2)), sql[0], sql[1],
                comment(value, where, subject)), where, subject));
    }

    /** A possibly qualified, possibly quoted SQL name as PostgreSQL stores it. */
    static QualifiedName name(String sql) {
        Matcher m = QUALIFIED.matcher(sql);
        if (!m.matches()) {
            throw new IllegalStateException("unsupported name " + sql);
        }
        if (m.group(2) == null) {
            return QualifiedName.of(part(m.group(1)));
        }
        String schema = part(m.group(1));
        // public never holds model objects by name (see docs/model-format.md, "Several schemas"):
        // public.users in SQL text, as pg_dump writes it, is the target schema's users.
        return schema.equals("public") ? QualifiedName.of(part(m.group(2))) : new QualifiedName(schema, part(m.group(2)));
    }

    private static String part(String p) {
        return p.startsWith("\"") ? p.substring(1, p.length() - 1).replace("\"\"", "\"") : p.toLowerCase(Locale.ROOT);
    }
}
