package dev.strata.corpus;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Corpora represents the external test corpora (sqldef's YAML cases, migra's fixtures,
 * pgcodekeeper's diff cases, sample schemas, Atlas's testscripts read by {@link AtlasScripts})
 * read in place from a folder outside the project; their provenance is in that folder's
 * {@code MANIFEST.tsv}. Nothing is copied into the project.
 */
public final class Corpora {
    /** The system property naming the corpora folder (set by the Maven build). */
    public static final String PROPERTY = "strata.corpora";
    /** The environment variable naming the corpora folder. */
    public static final String ENV = "STRATA_CORPORA";

    /**
     * The schema sqldef's runner makes the default for cases that name a {@code user}: their
     * unqualified objects land there.
     */
    static final String SQLDEF_USER_SCHEMA = "foo";

    private static final List<Path> FALLBACKS = List.of(Path.of("../shared/corpora"), Path.of("/work/shared/corpora"));

    private Corpora() {
    }

    /**
     * The corpora folder: the first existing of the {@value #PROPERTY} property, the
     * {@value #ENV} variable, {@code ../shared/corpora} and {@code /work/shared/corpora}.
     */
    public static Optional<Path> locate() {
        List<Path> candidates = new ArrayList<>();
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            candidates.add(Path.of(property));
        }
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            candidates.add(Path.of(env));
        }
        candidates.addAll(FALLBACKS);
        return candidates.stream().filter(Files::isDirectory).map(p -> p.toAbsolutePath().normalize()).findFirst();
    }

    /** Where {@link #locate()} looks, for the message when none exists. */
    public static String searchedPlaces() {
        return "-D" + PROPERTY + "=" + System.getProperty(PROPERTY) + ", $" + ENV + "=" + System.getenv(ENV)
                + ", " + FALLBACKS;
    }

    /** Every case of every corpus under {@code root}, in a stable order. */
    public static List<CorpusCase> load(Path root) {
        List<CorpusCase> cases = new ArrayList<>();
        cases.addAll(sqldef(root));
        cases.addAll(migra(root));
        cases.addAll(pgcodekeeper(root));
        cases.addAll(samples(root));
        cases.addAll(AtlasScripts.load(root));
        return List.copyOf(cases);
    }

    /** sqldef's cases: {@code sqldef/cmd/psqldef/tests_*.yml}, one case per top-level key. */
    public static List<CorpusCase> sqldef(Path root) {
        Path dir = root.resolve("sqldef/cmd/psqldef");
        List<CorpusCase> cases = new ArrayList<>();
        for (Path file : list(dir, p -> p.getFileName().toString().matches("tests_.*\\.ya?ml"))) {
            cases.addAll(sqldefFile(file));
        }
        return cases;
    }

    /** The cases of one sqldef YAML file. */
    public static List<CorpusCase> sqldefFile(Path file) {
        String group = file.getFileName().toString();
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        Object doc = yaml.load(read(file));
        if (!(doc instanceof Map<?, ?> map)) {
            throw new StrataException(ErrorCode.CONFIG, file + ": expected a YAML map of case name -> case");
        }
        List<CorpusCase> cases = new ArrayList<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String name = String.valueOf(e.getKey());
            if (!(e.getValue() instanceof Map<?, ?> body)) {
                throw new StrataException(ErrorCode.CONFIG, file + ": case " + name + " is not a map");
            }
            String schema = body.get("user") == null ? "public" : SQLDEF_USER_SCHEMA;
            cases.add(new CorpusCase(
                    CorpusCase.Source.SQLDEF.folder() + "/" + stripExtension(group) + "/" + name,
                    CorpusCase.Source.SQLDEF, group, name,
                    text(body.get("current")), text(body.get("desired")), schema,
                    major(body.get("min_version")), major(body.get("max_version"))));
        }
        return cases;
    }

    /** migra's fixtures: {@code migra/tests/FIXTURES/<name>/a.sql} (current) and {@code b.sql} (desired). */
    public static List<CorpusCase> migra(Path root) {
        Path dir = root.resolve("migra/tests/FIXTURES");
        List<CorpusCase> cases = new ArrayList<>();
        for (Path fixture : list(dir, Files::isDirectory)) {
            Path a = fixture.resolve("a.sql");
            Path b = fixture.resolve("b.sql");
            if (!Files.isRegularFile(a) || !Files.isRegularFile(b)) {
                continue;
            }
            String name = fixture.getFileName().toString();
            cases.add(new CorpusCase(CorpusCase.Source.MIGRA.folder() + "/" + name, CorpusCase.Source.MIGRA,
                    "migra", name, read(a), read(b), "public", 0, 0));
        }
        return cases;
    }

    /**
     * pgcodekeeper's PostgreSQL diff cases: {@code pgcodekeeper/src/test/resources/org/pgcodekeeper/core/it/diff/pg/
     * <name>_original.sql} (current) and {@code <name>_new.sql} (desired); {@code <name>_diff.sql} is
     * pgcodekeeper's own output and is not used.
     */
    public static List<CorpusCase> pgcodekeeper(Path root) {
        Path dir = root.resolve("pgcodekeeper/src/test/resources/org/pgcodekeeper/core/it/diff/pg");
        List<CorpusCase> cases = new ArrayList<>();
        for (Path original : list(dir, p -> p.getFileName().toString().endsWith("_original.sql"))) {
            String file = original.getFileName().toString();
            String name = file.substring(0, file.length() - "_original.sql".length());
            Path changed = dir.resolve(name + "_new.sql");
            if (!Files.isRegularFile(changed)) {
                continue;
            }
            cases.add(new CorpusCase(CorpusCase.Source.PGCODEKEEPER.folder() + "/" + name, CorpusCase.Source.PGCODEKEEPER,
                    "pgcodekeeper", name, read(original), read(changed), "public", 0, 0));
        }
        return cases;
    }

    /** Sample schemas ({@code samples/<name>/*.sql}): each built from an empty schema and dropped back. */
    public static List<CorpusCase> samples(Path root) {
        Path dir = root.resolve("samples");
        List<CorpusCase> cases = new ArrayList<>();
        for (Path sample : list(dir, Files::isDirectory)) {
            for (Path file : list(sample, p -> p.getFileName().toString().endsWith(".sql"))) {
                String name = sample.getFileName() + "/" + stripExtension(file.getFileName().toString());
                cases.add(new CorpusCase(CorpusCase.Source.SAMPLES.folder() + "/" + name, CorpusCase.Source.SAMPLES,
                        "samples", name, "", read(file), "public", 0, 0));
            }
        }
        return cases;
    }

    /** The cases grouped by their group, groups in first-seen order. */
    public static Map<String, List<CorpusCase>> byGroup(List<CorpusCase> cases) {
        Map<String, List<CorpusCase>> groups = new LinkedHashMap<>();
        for (CorpusCase c : cases) {
            groups.computeIfAbsent(c.group(), k -> new ArrayList<>()).add(c);
        }
        return groups;
    }

    static List<Path> list(Path dir, Predicate<Path> filter) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(filter).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    /** {@code "18.0"}, {@code '15'} or {@code 12} -> the major version; absent -> 0. */
    static int major(Object version) {
        if (version == null) {
            return 0;
        }
        String s = String.valueOf(version).trim();
        int dot = s.indexOf('.');
        return Integer.parseInt(dot < 0 ? s : s.substring(0, dot));
    }

    private static String stripExtension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? fileName : fileName.substring(0, dot);
    }
}
