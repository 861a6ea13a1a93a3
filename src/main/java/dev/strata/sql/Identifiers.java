package dev.strata.sql;

import dev.strata.model.QualifiedName;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Identifiers quotes SQL identifiers the way PostgreSQL's {@code quote_ident} does: only when the
 * name is not a plain lower-case identifier or is a keyword PostgreSQL would not accept bare.
 */
public final class Identifiers {
    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");
    private static final Set<String> KEYWORDS = loadKeywords();

    private Identifiers() {
    }

    /** The identifier, double-quoted when PostgreSQL needs it. */
    public static String quote(String name) {
        if (PLAIN.matcher(name).matches() && !KEYWORDS.contains(name)) {
            return name;
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** {@code schema.name}, each part quoted as needed; the schema is left out when null. */
    public static String quote(QualifiedName name) {
        return name.schema() == null ? quote(name.name()) : quote(name.schema()) + "." + quote(name.name());
    }

    /** The names, each quoted as needed, joined with {@code ", "} (a column list without parentheses). */
    public static String quoteList(List<String> names) {
        return String.join(", ", names.stream().map(Identifiers::quote).toList());
    }

    /**
     * The parts of a dotted SQL name ({@code "Sales".orders.id} gives {@code Sales, orders, id}):
     * quoted parts keep their case and lose their quotes, unquoted parts fold to lower case, as
     * PostgreSQL reads them.
     */
    public static List<String> split(String dotted) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < dotted.length(); i++) {
            char ch = dotted.charAt(i);
            if (ch == '"') {
                if (quoted && i + 1 < dotted.length() && dotted.charAt(i + 1) == '"') {
                    part.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (ch == '.' && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(quoted ? ch : Character.toLowerCase(ch));
            }
        }
        parts.add(part.toString());
        return parts;
    }

    /**
     * A pattern that finds the identifier as a whole word of SQL text, spelled as PostgreSQL
     * prints it (quoted when it must be); unquoted names fold to lower case, so their case does not
     * matter. The one place that says how SQL text names an object.
     */
    public static java.util.regex.Pattern wordPattern(String name) {
        return java.util.regex.Pattern.compile("(?<![\\w$\"])" + java.util.regex.Pattern.quote(quote(name)) + "(?![\\w$\"])",
                caseFlags(name));
    }

    /**
     * As {@link #wordPattern(String)} for a name of the target schema; an object of another schema
     * is found only as {@code schema.name} (each part spelled as PostgreSQL prints it), which is
     * how SQL text read from the catalog names it.
     */
    public static java.util.regex.Pattern wordPattern(QualifiedName name) {
        if (name.schema() == null) {
            return wordPattern(name.name());
        }
        return java.util.regex.Pattern.compile("(?<![\\w$\"])" + java.util.regex.Pattern.quote(quote(name.schema()))
                + "\\s*\\.\\s*" + java.util.regex.Pattern.quote(quote(name.name())) + "(?![\\w$\"])",
                caseFlags(name.schema()) & caseFlags(name.name()));
    }

    /** As {@link #callPattern(String)}, for a function of another schema only as {@code schema.name(}. */
    public static java.util.regex.Pattern callPattern(QualifiedName name) {
        if (name.schema() == null) {
            return callPattern(name.name());
        }
        return java.util.regex.Pattern.compile("(?<![\\w$\"])" + java.util.regex.Pattern.quote(quote(name.schema()))
                + "\\s*\\.\\s*" + java.util.regex.Pattern.quote(quote(name.name())) + "\\s*\\(",
                caseFlags(name.schema()) & caseFlags(name.name()));
    }

    /** As {@link #wordPattern}, followed by {@code (}: a call of a function of that name. */
    public static java.util.regex.Pattern callPattern(String name) {
        return java.util.regex.Pattern.compile("(?<![\\w$\"])" + java.util.regex.Pattern.quote(quote(name)) + "\\s*\\(",
                caseFlags(name));
    }

    private static int caseFlags(String name) {
        return needsQuoting(name) ? 0 : java.util.regex.Pattern.CASE_INSENSITIVE;
    }

    /** Whether a name needs quoting. */
    public static boolean needsQuoting(String name) {
        return !quote(name).equals(name);
    }

    /** A SQL string literal ({@code 'it''s'}). */
    public static String literal(String value) {
        if (value.indexOf('\\') >= 0) {
            return "E'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
        }
        return "'" + value.replace("'", "''") + "'";
    }

    private static Set<String> loadKeywords() {
        var in = Identifiers.class.getResourceAsStream("/dev/strata/sql/pg_keywords.txt");
        if (in == null) {
            throw new IllegalStateException("pg_keywords.txt missing from the class path");
        }
        Set<String> words = new HashSet<>();
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    words.add(line.trim());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
