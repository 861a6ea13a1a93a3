package dev.strata.corpus;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * AtlasScripts reads Atlas's PostgreSQL integration testscripts ({@code txtar} archives: a script
 * of commands, then the files it names) into convergence cases. Each step that sets the schema
 * to a desired state gives one case from the state before it:
 *
 * <ul>
 *   <li>{@code apply F.hcl} and {@code synced F.hcl} (the HCL translated by {@link AtlasSchemaSql};
 *       a {@code synced} step must give an empty migration);</li>
 *   <li>{@code atlas migrate diff --to file://F} (HCL or SQL), after the archive's
 *       {@code migrations/*.sql}, which are the state the diff starts from; a diff to the same file
 *       as the step before is Atlas's "already synced" check and must give an empty migration;</li>
 *   <li>in scripts that run {@code atlas migrate apply}, one step per archived migration file, in
 *       version order (the files the script copies in to break Atlas's runner are not states).</li>
 * </ul>
 *
 * {@code execsql} statements join the state before the next step; those that create what Atlas's
 * HCL files do not manage ({@code CREATE DOMAIN}, {@code CREATE FUNCTION}) stay in every later
 * state, as Atlas's apply leaves them alone. {@code clearSchema} and {@code atlas schema clean}
 * empty the state. {@code ! apply} (Atlas expects the step to fail) gives an unsupported case with
 * Atlas's message. {@code only postgresN ...} gives the lowest version ({@code ! only postgres10|postgres11}:
 * the one after the highest excluded): Atlas's scripts use it for features new in that version. A
 * {@code cmpshow T... F} right after a step is the {@code psql \d} output expected after its up.
 * The schema is Atlas's per script, {@code script_<file name with _ for ->}; {@code $db} is
 * replaced by it. Other commands check Atlas's own output and give no state.
 */
public final class AtlasScripts {
    /** The testscripts, under the corpora root. */
    static final String SCRIPTS = "atlas/internal/integration/testdata/postgres";
    /** The standalone migration directory, under the corpora root. */
    static final String MIGRATIONS = "atlas/internal/integration/testdata/migrations/postgres";

    private static final Pattern MARKER = Pattern.compile("^-- (\\S.*?) --\\s*$");
    private static final Pattern VERSION = Pattern.compile("postgres(\\d+)");
    private static final Pattern PERSISTENT = Pattern.compile("(?is)^\\s*CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:DOMAIN|FUNCTION)\\b.*");
    private static final Pattern CREATE_SCHEMA = Pattern.compile("(?i)CREATE\\s+SCHEMA\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?\"?(\\w+)\"?");
    private static final Pattern MIGRATION_VERSION = Pattern.compile("^(\\d+)");

    private AtlasScripts() {
    }

    /** Every case: the testscripts in file-name order, then the standalone migration directory. */
    public static List<CorpusCase> load(Path root) {
        List<CorpusCase> cases = new ArrayList<>();
        Path dir = root.resolve(SCRIPTS);
        for (Path file : list(dir, p -> p.getFileName().toString().endsWith(".txtar"))) {
            cases.addAll(script(file.getFileName().toString(), read(file)));
        }
        Path migrations = root.resolve(MIGRATIONS);
        if (Files.isDirectory(migrations)) {
            Map<String, String> files = new LinkedHashMap<>();
            for (Path f : list(migrations, p -> p.getFileName().toString().endsWith(".sql"))) {
                files.put(f.getFileName().toString(), read(f));
            }
            String schema = "public";
            for (String sql : files.values()) {
                Matcher m = CREATE_SCHEMA.matcher(sql);
                if (m.find()) {
                    schema = m.group(1);
                    break;
                }
            }
            cases.addAll(migrationSteps("migrations/postgres", "migrations/postgres", files, schema, 0));
        }
        return cases;
    }

    /** A txtar archive: the script (its leading comment) and its files by name, in order. */
    record Archive(String script, Map<String, String> files) {
    }

    static Archive txtar(String text) {
        StringBuilder script = new StringBuilder();
        Map<String, String> files = new LinkedHashMap<>();
        String name = null;
        StringBuilder body = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            Matcher m = MARKER.matcher(line);
            if (m.matches()) {
                if (name != null) {
                    files.put(name, body.toString());
                }
                name = m.group(1).strip();
                body.setLength(0);
            } else if (name == null) {
                script.append(line).append('\n');
            } else {
                body.append(line).append('\n');
            }
        }
        if (name != null) {
            files.put(name, body.toString());
        }
        return new Archive(script.toString(), files);
    }

    /** The words of one script line, with testscript's single quotes ({@code ''} inside is one quote). */
    static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '\'') {
                inWord = true;
                i++;
                while (i < line.length()) {
                    if (line.charAt(i) == '\'') {
                        if (i + 1 < line.length() && line.charAt(i + 1) == '\'') {
                            word.append('\'');
                            i += 2;
                            continue;
                        }
                        break;
                    }
                    word.append(line.charAt(i++));
                }
                i++;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    out.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                i++;
            } else {
                word.append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) {
            out.add(word.toString());
        }
        return out;
    }

    /** The cases of one testscript. */
    static List<CorpusCase> script(String fileName, String text) {
        String stem = fileName.endsWith(".txtar") ? fileName.substring(0, fileName.length() - ".txtar".length()) : fileName;
        Archive archive = txtar(text);
        Run run = new Run(fileName, stem, "script_" + stem.replace('-', '_'), archive.files());
        boolean migrateApply = false;
        int lineNo = 0;
        for (String raw : archive.script().split("\n")) {
            lineNo++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            List<String> w = new ArrayList<>(words(line));
            boolean negated = w.get(0).equals("!");
            if (negated) {
                w.remove(0);
            }
            if (w.isEmpty()) {
                continue;
            }
            String where = fileName + " line " + lineNo;
            switch (w.get(0)) {
                case "only" -> run.versions(w.subList(1, w.size()), negated);
                case "apply" -> {
                    if (negated) {
                        run.expectedFailure(line, w.get(1));
                    } else {
                        run.step(arg(w, 1, where), false, false);
                    }
                }
                case "synced" -> run.step(arg(w, 1, where), true, false);
                case "execsql" -> run.execsql(arg(w, 1, where));
                case "cmpshow" -> run.cmpshow(w.subList(1, w.size() - 1), arg(w, w.size() - 1, where), where);
                case "clearSchema" -> run.clear();
                case "atlas" -> {
                    String sub = w.size() > 2 ? w.get(1) + " " + w.get(2) : "";
                    if (sub.equals("schema clean") && !negated) {
                        run.clear();
                    } else if (sub.equals("migrate diff") && !negated) {
                        int to = w.indexOf("--to");
                        if (to < 0 || to + 1 >= w.size() || !w.get(to + 1).startsWith("file://")) {
                            throw new StrataException(ErrorCode.CONFIG, where + ": atlas migrate diff without --to file://...");
                        }
                        String target = w.get(to + 1).substring("file://".length());
                        run.migrateDiff(target.startsWith("./") ? target.substring(2) : target);
                    } else if (sub.equals("migrate apply")) {
                        migrateApply = true;
                    }
                }
                default -> {
                    // cmp, cmphcl, cmpmig, stdout, stderr, exec, cp, rm: checks of Atlas's own output
                }
            }
        }
        List<CorpusCase> cases = new ArrayList<>(run.cases);
        if (migrateApply) {
            cases.addAll(migrationSteps(fileName, stem, migrations(archive.files()), run.schema, run.minVersion));
        }
        return cases;
    }

    private static String arg(List<String> w, int i, String where) {
        if (i >= w.size() || i < 1) {
            throw new StrataException(ErrorCode.CONFIG, where + ": " + w.get(0) + " needs an argument");
        }
        return w.get(i);
    }

    /** The archive's {@code migrations/*.sql}, in version order. */
    private static Map<String, String> migrations(Map<String, String> files) {
        Map<String, String> out = new LinkedHashMap<>();
        files.keySet().stream()
                .filter(n -> n.startsWith("migrations/") && n.endsWith(".sql"))
                .sorted(Comparator.comparingLong(AtlasScripts::migrationVersion).thenComparing(n -> n))
                .forEach(n -> out.put(n.substring("migrations/".length()), files.get(n)));
        return out;
    }

    private static long migrationVersion(String name) {
        String base = name.substring(name.lastIndexOf('/') + 1);
        Matcher m = MIGRATION_VERSION.matcher(base);
        return m.find() ? Long.parseLong(m.group(1)) : Long.MAX_VALUE;
    }

    /** One case per migration file: from the files before it to the files up to it. */
    private static List<CorpusCase> migrationSteps(String group, String stem, Map<String, String> files, String schema,
            int minVersion) {
        List<CorpusCase> cases = new ArrayList<>();
        StringBuilder applied = new StringBuilder();
        int k = 0;
        List<String> names = new ArrayList<>(files.keySet());
        names.sort(Comparator.comparingLong(AtlasScripts::migrationVersion).thenComparing(n -> n));
        for (String name : names) {
            k++;
            String before = applied.toString();
            applied.append(terminated(files.get(name)));
            String step = k + "-" + name;
            cases.add(new CorpusCase(CorpusCase.Source.ATLAS.folder() + "/" + stem + "/" + step, CorpusCase.Source.ATLAS,
                    group, step, before, applied.toString(), schema, minVersion, 0));
        }
        return cases;
    }

    /** The script with a final semicolon, so that the next one appended to it starts a new statement. */
    private static String terminated(String sql) {
        String s = sql.strip();
        return s.isEmpty() || s.endsWith(";") ? s + "\n" : s + ";\n";
    }

    /** The state of a script being read: what the schema holds after the steps so far. */
    private static final class Run {
        final String fileName;
        final String stem;
        final String schema;
        final Map<String, String> files;
        final List<CorpusCase> cases = new ArrayList<>();
        int minVersion;
        /** The script that builds the state after the last step, or {@code null} when it is not translated. */
        String live = "";
        /** Why the state after the last step is not translated. */
        Outcome liveUnsupported;
        /** SQL that every later state keeps. */
        String persistent = "";
        final List<String> pending = new ArrayList<>();
        String lastSource;
        /** The case of the last step, while a cmpshow may still describe it. */
        Integer describable;
        boolean diffStarted;

        Run(String fileName, String stem, String schema, Map<String, String> files) {
            this.fileName = fileName;
            this.stem = stem;
            this.schema = schema;
            this.files = files;
        }

        void versions(List<String> words, boolean negated) {
            List<Integer> versions = new ArrayList<>();
            for (String word : words) {
                Matcher m = VERSION.matcher(word);
                while (m.find()) {
                    versions.add(Integer.parseInt(m.group(1)));
                }
            }
            if (versions.isEmpty()) {
                return;
            }
            minVersion = negated ? versions.stream().max(Integer::compare).get() + 1 : versions.stream().min(Integer::compare).get();
        }

        void execsql(String sql) {
            pending.add(sql.replace("$db", schema));
            describable = null;
        }

        void clear() {
            live = "";
            liveUnsupported = null;
            persistent = "";
            pending.clear();
            lastSource = null;
            describable = null;
        }

        void expectedFailure(String line, String source) {
            String step = (cases.size() + 1) + "-" + source;
            cases.add(new CorpusCase(id(step), CorpusCase.Source.ATLAS, fileName, step, "", "", schema, minVersion, 0,
                    Outcome.unsupported("Atlas expects the step to fail", "`" + line + "`"), false, List.of()));
            describable = null;
        }

        void migrateDiff(String target) {
            if (!diffStarted) {
                diffStarted = true;
                StringBuilder baseline = new StringBuilder();
                migrations(files).values().forEach(sql -> baseline.append(terminated(sql)));
                persistent = baseline.toString();
                if (cases.isEmpty() && live.isEmpty()) {
                    live = persistent;
                }
            }
            step(target, target.equals(lastSource), true);
        }

        void step(String source, boolean expectsNoChange, boolean sqlAllowed) {
            String step = (cases.size() + 1) + "-" + source;
            String text = files.get(source);
            if (text == null) {
                throw new StrataException(ErrorCode.CONFIG, fileName + ": step " + step + " names " + source
                        + ", which the archive does not hold");
            }
            text = text.replace("$db", schema);
            StringBuilder current = new StringBuilder(live == null ? "" : live);
            for (String sql : pending) {
                current.append(terminated(sql));
                if (PERSISTENT.matcher(sql).matches()) {
                    persistent += terminated(sql);
                }
            }
            pending.clear();
            Outcome preset = liveUnsupported == null ? null
                    : Outcome.unsupported(liveUnsupported.category(), "the state before: " + liveUnsupported.detail());
            String desired = null;
            Outcome untranslated = null;
            if (source.endsWith(".sql") && sqlAllowed) {
                desired = persistent + terminated(text);
            } else if (source.endsWith(".hcl")) {
                try {
                    desired = persistent + AtlasSchemaSql.translate(text, schema);
                } catch (AtlasSchemaSql.Untranslated e) {
                    untranslated = Outcome.unsupported("Atlas HCL: " + e.construct(), source + ": " + e.getMessage());
                } catch (AtlasHcl.ParseException e) {
                    untranslated = Outcome.unsupported("Atlas HCL: syntax not read", source + ": " + e.getMessage());
                }
            } else {
                untranslated = Outcome.unsupported("Atlas state file " + source, "neither HCL nor a migrate diff SQL file");
            }
            if (untranslated != null) {
                preset = untranslated;
            }
            cases.add(new CorpusCase(id(step), CorpusCase.Source.ATLAS, fileName, step,
                    preset == null ? current.toString() : "", preset == null ? desired : "", schema, minVersion, 0,
                    preset, expectsNoChange, List.of()));
            describable = preset == null ? cases.size() - 1 : null;
            live = desired;
            liveUnsupported = untranslated;
            lastSource = source;
        }

        void cmpshow(List<String> tables, String file, String where) {
            if (describable == null) {
                return;
            }
            String expected = files.get(file);
            if (expected == null) {
                throw new StrataException(ErrorCode.CONFIG, where + ": cmpshow names " + file + ", which the archive does not hold");
            }
            CorpusCase c = cases.get(describable);
            List<CorpusCase.Describe> describes = new ArrayList<>(c.describes());
            describes.add(new CorpusCase.Describe(tables, expected));
            cases.set(describable, new CorpusCase(c.id(), c.source(), c.group(), c.name(), c.current(), c.desired(),
                    c.targetSchema(), c.minVersion(), c.maxVersion(), c.preset(), c.expectsNoChange(), describes));
        }

        private String id(String step) {
            return CorpusCase.Source.ATLAS.folder() + "/" + stem + "/" + step;
        }
    }

    private static List<Path> list(Path dir, java.util.function.Predicate<Path> filter) {
        return Corpora.list(dir, filter);
    }

    private static String read(Path file) {
        return Corpora.read(file);
    }
}
