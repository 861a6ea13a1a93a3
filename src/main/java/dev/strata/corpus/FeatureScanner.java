package dev.strata.corpus;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * FeatureScanner classifies what a case needs before and while its scripts run. Before: the
 * statements Strata does not model and that must not run at all because they change the whole
 * server (roles, tablespaces) or grant privileges. While: a script PostgreSQL refuses tells what
 * the case needs (an extension this server lacks, a newer PostgreSQL, sqldef's own dialect).
 * Everything that can be seen in the catalog afterwards is left to {@link CatalogProbe}.
 */
final class FeatureScanner {
    private static final Map<Pattern, String> STATEMENT_FEATURES = new LinkedHashMap<>();

    static {
        STATEMENT_FEATURES.put(Pattern.compile("^(GRANT|REVOKE)\\b"), "privilege");
        STATEMENT_FEATURES.put(Pattern.compile("^ALTER DEFAULT PRIVILEGES\\b"), "privilege");
        STATEMENT_FEATURES.put(Pattern.compile("^(CREATE|ALTER|DROP) USER MAPPING\\b"), "user mapping");
        STATEMENT_FEATURES.put(Pattern.compile("^(CREATE|ALTER|DROP) (ROLE|USER|GROUP)\\b"), "role");
        STATEMENT_FEATURES.put(Pattern.compile("^(CREATE|ALTER|DROP) TABLESPACE\\b"), "tablespace");
        STATEMENT_FEATURES.put(Pattern.compile("^((CREATE|ALTER|DROP) DATABASE|ALTER SYSTEM)\\b"), "server-level statement");
        STATEMENT_FEATURES.put(Pattern.compile("^(CREATE|ALTER|DROP) SUBSCRIPTION\\b"), "subscription");
    }

    private static final Pattern MISSING_EXTENSION = Pattern.compile(
            "extension \"([^\"]+)\" is not available|could not open extension control file \"[^\"]*/([^/\"]+)\\.control\"");
    private static final Pattern MISSING_SCHEMA = Pattern.compile("schema \"([^\"]+)\" does not exist");
    private static final Pattern MISSING_COLLATION = Pattern.compile("collation \"([^\"]+)\" for encoding");
    private static final Pattern MISSING_ROLE = Pattern.compile("role \"([^\"]+)\" does not exist");

    private FeatureScanner() {
    }

    private static final Pattern PRIVILEGE = Pattern.compile("(?i)^\\s*(GRANT|REVOKE|ALTER\\s+DEFAULT\\s+PRIVILEGES)\\b");

    /**
     * The case without the privilege statements ({@code GRANT}, {@code REVOKE}, {@code ALTER
     * DEFAULT PRIVILEGES}) that both scripts share, when they share all of them: the privileges are
     * then the same on both sides and the case is about something else (pgcodekeeper's dumps open
     * with {@code REVOKE ALL ON SCHEMA public FROM PUBLIC}). Privileges are out of Strata's scope,
     * so a case whose scripts grant differently is left as it is, and {@link #scan} calls it a
     * privilege case.
     */
    static CorpusCase withoutSharedPrivileges(CorpusCase c) {
        List<String> before = privileges(c.current());
        List<String> after = privileges(c.desired());
        if (before.isEmpty() && after.isEmpty()
                || !new java.util.TreeSet<>(before).equals(new java.util.TreeSet<>(after))) {
            return c;
        }
        return new CorpusCase(c.id(), c.source(), c.group(), c.name(), withoutPrivileges(c.current()),
                withoutPrivileges(c.desired()), c.targetSchema(), c.minVersion(), c.maxVersion(), c.preset(),
                c.expectsNoChange(), c.describes());
    }

    private static List<String> privileges(String script) {
        List<String> out = new java.util.ArrayList<>();
        for (String statement : SqlText.statements(script, false)) {
            String code = statement.replaceAll("(?m)^\\s*--.*$", "").strip();
            if (PRIVILEGE.matcher(code).find()) {
                out.add(code.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    private static String withoutPrivileges(String script) {
        List<String> kept = SqlText.statements(script, false).stream()
                .filter(st -> !PRIVILEGE.matcher(st.replaceAll("(?m)^\\s*--.*$", "").strip()).find()).toList();
        return kept.isEmpty() ? "" : String.join(";\n", kept) + ";";
    }

    /** The first statement-level feature the script uses that must not run, or {@code null}. */
    static Outcome scan(String script) {
        for (String statement : SqlText.statements(script, true)) {
            String head = statement.replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
            for (Map.Entry<Pattern, String> e : STATEMENT_FEATURES.entrySet()) {
                Matcher m = e.getKey().matcher(head);
                if (m.find()) {
                    return Outcome.unsupported(e.getValue(), abbreviate(statement.replaceAll("\\s+", " "), 80));
                }
            }
        }
        return null;
    }

    /**
     * What a case needs when PostgreSQL refused one of its own scripts ({@code current} or
     * {@code desired}, named by {@code which}): never a Strata failure, since Strata has not run yet.
     */
    static Outcome scriptRefused(String which, SQLException e, int serverMajor) {
        String message = firstLine(e.getMessage());
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        Matcher ext = MISSING_EXTENSION.matcher(message);
        if (ext.find()) {
            String name = ext.group(1) != null ? ext.group(1) : ext.group(2);
            return Outcome.unsupported("needs extension " + name, which + ": " + message);
        }
        Matcher role = MISSING_ROLE.matcher(message);
        if (role.find()) {
            return Outcome.unsupported("role", which + ": " + message);
        }
        Matcher schema = MISSING_SCHEMA.matcher(message);
        if (schema.find()) {
            return Outcome.unsupported("non-public schema", which + ": " + message);
        }
        Matcher collation = MISSING_COLLATION.matcher(message);
        if (collation.find()) {
            return Outcome.unsupported("needs collation " + collation.group(1), which + ": " + message);
        }
        if (state.equals("42601")) {
            return Outcome.unsupported("not PostgreSQL " + serverMajor + " syntax", which + ": " + message);
        }
        return Outcome.unsupported("script fails on PostgreSQL " + serverMajor,
                which + ": " + message + " (SQLSTATE " + state + ")");
    }

    static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}
