package dev.strata.workflow;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import dev.strata.catalog.CatalogReader;
import dev.strata.diff.Change;
import dev.strata.migration.Migration;
import dev.strata.model.Hints;
import dev.strata.model.QualifiedName;
import dev.strata.model.Schema;
import dev.strata.model.Table;
import dev.strata.pg.DevServer;
import dev.strata.pg.JdbcUrls;
import dev.strata.pg.ScratchDatabase;
import dev.strata.safety.Finding;
import dev.strata.safety.Rule;
import dev.strata.safety.SafetyAnalyzer;
import dev.strata.safety.SafetySettings;
import dev.strata.safety.Severity;
import dev.strata.state.ScratchApply;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MigrationLint runs the safety rules on migration files, generated or written by hand, by their
 * effect: the migrations before one are replayed on a scratch database of the dev server, the
 * catalog is read, the migration's up statements run, the catalog is read again, and the typed
 * changes between the two reads go through {@link SafetyAnalyzer}, as a generated change set
 * does. Renames the statements spell out ({@code RENAME TO}, {@code RENAME COLUMN}) are taken as
 * renames, not as a drop and an add. A few rules only the text shows are added: UPDATE or DELETE
 * without WHERE and TRUNCATE; an index built or dropped CONCURRENTLY and a file that sets its own
 * lock_timeout are not reported. The scratch database holds no rows, so findings carry no numbers.
 */
public final class MigrationLint {
    private static final Pattern RENAME_TABLE = Pattern.compile(
            "(?is)^\\s*ALTER\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(?:ONLY\\s+)?(" + Names.NAME + ")\\s+RENAME\\s+TO\\s+(" + Names.PART + ")\\s*$");
    private static final Pattern RENAME_COLUMN = Pattern.compile(
            "(?is)^\\s*ALTER\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(?:ONLY\\s+)?(" + Names.NAME + ")\\s+RENAME\\s+(?:COLUMN\\s+)?("
                    + Names.PART + ")\\s+TO\\s+(" + Names.PART + ")\\s*$");
    private static final Pattern UNBOUNDED = Pattern.compile(
            "(?is)^\\s*(?:WITH\\s.*?\\)\\s*)?(UPDATE|DELETE\\s+FROM)\\s+(?:ONLY\\s+)?(" + Names.NAME + ")\\b(?!.*\\bWHERE\\b).*$");
    private static final Pattern TRUNCATE = Pattern.compile("(?is)^\\s*TRUNCATE\\s+(?:TABLE\\s+)?(?:ONLY\\s+)?(" + Names.NAME + ")");
    private static final Pattern LOCK_TIMEOUT = Pattern.compile("(?i)\\bSET\\s+(?:LOCAL\\s+)?lock_timeout\\b");

    private MigrationLint() {
    }

    /** One migration's findings. */
    public record Result(Migration migration, List<Finding> findings) {
        public Result {
            findings = List.copyOf(findings);
        }

        /** The errors the file does not accept: what stops {@code migrate}. */
        public List<Finding> refusals() {
            return SafetyAnalyzer.refusals(findings);
        }
    }

    /**
     * Lints the migrations numbered in {@code which}.
     *
     * @param all      every migration file, in number order
     * @param which    the numbers to lint
     * @param dev      the server for the scratch database
     * @param settings strata.edn's rule levels; each file's own {@code :safety} goes on top
     * @throws StrataException {@code MIGRATION_FILES} when a migration fails on the scratch database
     */
    public static List<Result> lint(List<Migration> all, Set<Integer> which, DevServer dev, SafetySettings settings) {
        int last = which.stream().mapToInt(Integer::intValue).max().orElse(0);
        List<Result> results = new ArrayList<>();
        try (ScratchDatabase scratch = dev.createScratch("strata_lint"); Connection c = scratch.connect();
             Statement s = c.createStatement()) {
            for (Migration m : all) {
                if (m.number() > last) {
                    break;
                }
                Schema before = which.contains(m.number()) ? read(c) : null;
                for (String sql : m.up()) {
                    try {
                        s.execute(sql);
                    } catch (SQLException e) {
                        throw new StrataException(ErrorCode.MIGRATION_FILES, "migration " + m.id()
                                + " failed on a scratch database: " + e.getMessage().strip() + "\n  statement: "
                                + ScratchApply.abbreviate(sql) + "\n  Fix the migration file (or, if it was generated, regenerate it).", e);
                    }
                }
                if (before != null) {
                    Schema after = read(c);
                    results.add(new Result(m, analyze(m, before, after, dev.major(), settings)));
                }
            }
        } catch (SQLException e) {
            throw new StrataException(ErrorCode.DATABASE, "scratch database on " + JdbcUrls.redact(dev.url()) + ": "
                    + e.getMessage(), e);
        }
        return results;
    }

    private static Schema read(Connection c) {
        return CatalogReader.inspect(c, "public", CatalogReader.userSchemas(c)).schema();
    }

    /** The findings of one migration, from the catalogs before and after it and from its text. */
    static List<Finding> analyze(Migration m, Schema before, Schema after, int major, SafetySettings global) {
        SafetySettings settings = m.safety().applyTo(global);
        List<Change> changes = SchemaChanges.between(before, after, renames(m.up(), after), major).stream()
                .map(PlannedChange::change).toList();
        String text = String.join(";\n", m.up());
        boolean ownTimeout = LOCK_TIMEOUT.matcher(text).find();
        List<Finding> findings = new ArrayList<>();
        for (Finding f : SafetyAnalyzer.analyze(changes, Optional.empty(), "public", settings, Set.of())) {
            if (f.rule() == Rule.INDEX_NOT_CONCURRENT && concurrently(m.up(), f.object())
                    || f.rule() == Rule.NO_LOCK_TIMEOUT && ownTimeout
                    || safeForm(f, text)) {
                continue;
            }
            findings.add(f);
        }
        Severity dml = settings.severity(Rule.UNBOUNDED_DML);
        if (dml != null) {
            for (String sql : m.up()) {
                String flat = sql.strip();
                Matcher u = UNBOUNDED.matcher(flat);
                Matcher t = TRUNCATE.matcher(flat);
                if (u.matches()) {
                    findings.add(new Finding(Rule.UNBOUNDED_DML, dml, u.group(1).toUpperCase(Locale.ROOT).replaceAll("\\s+", " ")
                            + " " + u.group(2) + " without WHERE", null, false));
                } else if (t.find()) {
                    findings.add(new Finding(Rule.UNBOUNDED_DML, dml, "TRUNCATE " + t.group(1), null, false));
                }
            }
        }
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            out.add(m.safety().accepts(f.rule(), f.object())
                    ? new Finding(f.rule(), f.severity(), f.object(), f.numbers(), true) : f);
        }
        return out;
    }

    /**
     * Whether the text already takes the safe form the finding asks for: the constraint validated
     * apart ({@code VALIDATE CONSTRAINT c}), the key added {@code USING INDEX}, SET NOT NULL after a
     * validated {@code CHECK (c IS NOT NULL)} (see {@link SafeRewrites}).
     */
    private static boolean safeForm(Finding f, String text) {
        String[] words = f.object().split(" ");
        if (f.rule() == Rule.CONSTRAINT_WITHOUT_NOT_VALID && words.length > 1) {
            return Pattern.compile("(?i)\\bVALIDATE\\s+CONSTRAINT\\s+\"?" + Pattern.quote(words[1]) + "\"?(?![\\w$])")
                    .matcher(text).find();
        }
        if (f.rule() == Rule.UNIQUE_WITHOUT_INDEX && words.length > 1) {
            return Pattern.compile("(?i)\\bADD\\s+CONSTRAINT\\s+\"?" + Pattern.quote(words[1]) + "\"?\\s+(?:PRIMARY\\s+KEY|UNIQUE)\\s+USING\\s+INDEX\\b")
                    .matcher(text).find();
        }
        if (f.rule() == Rule.SET_NOT_NULL && words.length > 1) {
            String column = words[1].substring(words[1].lastIndexOf('.') + 1);
            return Pattern.compile("(?i)CHECK\\s*\\(\\s*\"?" + Pattern.quote(column) + "\"?\\s+IS\\s+NOT\\s+NULL\\s*\\)\\s*NOT\\s+VALID")
                    .matcher(text).find();
        }
        return false;
    }

    /** Whether the up statements build or drop the index of {@code object} ({@code CREATE INDEX i on t}) CONCURRENTLY. */
    private static boolean concurrently(List<String> up, String object) {
        String[] words = object.split(" ");
        String index = words.length > 2 ? words[2] : "";
        Pattern named = Pattern.compile("(?is)\\bCONCURRENTLY\\b.*(?<![\\w$])\"?" + Pattern.quote(index) + "\"?(?![\\w$])");
        return up.stream().anyMatch(sql -> named.matcher(sql).find());
    }

    /** The table and column renames that the statements spell out, as hints for the differ. */
    static Hints renames(List<String> up, Schema after) {
        Map<QualifiedName, String> tables = new HashMap<>();
        Map<Hints.ColumnKey, String> columns = new HashMap<>();
        for (String sql : up) {
            Matcher t = RENAME_TABLE.matcher(sql);
            if (t.matches()) {
                String to = Names.unquote(t.group(2));
                table(after, to).ifPresent(q -> tables.put(q, Names.unquote(Names.last(t.group(1)))));
                continue;
            }
            Matcher c = RENAME_COLUMN.matcher(sql);
            if (c.matches()) {
                String table = Names.unquote(Names.last(c.group(1)));
                String renamedTable = tables.entrySet().stream().filter(e -> e.getValue().equals(table))
                        .map(e -> e.getKey().name()).findFirst().orElse(table);
                table(after, renamedTable).ifPresent(q -> columns.put(
                        new Hints.ColumnKey(q, Names.unquote(c.group(3))), Names.unquote(c.group(2))));
            }
        }
        return new Hints(tables, columns, Map.of(), Map.of());
    }

    private static Optional<QualifiedName> table(Schema schema, String name) {
        return schema.tables().stream().map(Table::name).filter(q -> q.name().equals(name)).findFirst();
    }

    /** SQL names as the patterns above match them. */
    private static final class Names {
        static final String PART = "\"(?:[^\"]|\"\")+\"|[A-Za-z_][\\w$]*";
        static final String NAME = "(?:" + PART + ")(?:\\s*\\.\\s*(?:" + PART + "))?";

        static String last(String qualified) {
            Matcher m = Pattern.compile("(" + PART + ")\\s*$").matcher(qualified);
            return m.find() ? m.group(1) : qualified;
        }

        static String unquote(String part) {
            return part.startsWith("\"") ? part.substring(1, part.length() - 1).replace("\"\"", "\"")
                    : part.toLowerCase(Locale.ROOT);
        }
    }
}
