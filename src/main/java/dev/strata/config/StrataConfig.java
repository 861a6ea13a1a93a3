package dev.strata.config;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import dev.strata.pg.PgMajor;
import dev.strata.runner.MigratorOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import us.bpsm.edn.EdnException;
import us.bpsm.edn.Keyword;
import us.bpsm.edn.parser.Parseable;
import us.bpsm.edn.parser.Parser;
import us.bpsm.edn.parser.Parsers;

/**
 * StrataConfig represents a project's {@code strata.edn}, or the defaults when there is none.
 * Relative paths in the file are relative to the project directory (the file's folder).
 *
 * @param projectDir      the project directory
 * @param file            the file read, or {@code null} when defaults are used
 * @param modelsDir       the model tree root ({@code :models-dir})
 * @param migrationsDir   the migration files ({@code :migrations-dir}), or {@code null}: then
 *                        {@code <models-dir>/migrations}
 * @param processedModel  where the merged model is written ({@code :processed-model})
 * @param stripKeys       the option keys removed from models ({@code :strip-keys}), without colons
 * @param historyTable    the history table name
 * @param schema          the target schema
 * @param lockTimeout     PostgreSQL {@code lock_timeout} for migration sessions
 * @param lockWaitSeconds how long to wait for another migrator's lock
 * @param profiles        the named targets, by name
 * @param safety          the safety stage's rule levels and limits ({@code :safety}); see docs/safety.md
 * @param lockRetries     how often a migration that failed on {@code :lock-timeout} is tried again ({@code :lock-retries})
 * @param tenants         the tenant schemas ({@code :tenants}), or {@code null} when the project has none
 */
public record StrataConfig(
        Path projectDir,
        Path file,
        Path modelsDir,
        Path migrationsDir,
        Path processedModel,
        List<String> stripKeys,
        String historyTable,
        String schema,
        String lockTimeout,
        int lockWaitSeconds,
        Map<String, Profile> profiles,
        dev.strata.safety.SafetySettings safety,
        int lockRetries,
        dev.strata.tenants.TenantSettings tenants) {

    public static final String FILE_NAME = "strata.edn";
    private static final List<String> PROFILE_KEYS = List.of("url", "url-env", "schema", "pg-version", "dev-url", "backup", "verify", "verify-max-rows");
    private static final List<String> KEYS = List.of("models-dir", "migrations-dir", "processed-model", "strip-keys",
            "history-table", "schema", "lock-timeout", "lock-wait-seconds", "lock-retries", "profiles", "safety", "tenants");

    public StrataConfig {
        Objects.requireNonNull(projectDir, "projectDir");
        stripKeys = List.copyOf(stripKeys);
        profiles = Collections.unmodifiableMap(new TreeMap<>(profiles));
    }

    /** The defaults for a project without {@code strata.edn}. */
    public static StrataConfig defaults(Path projectDir) {
        return new StrataConfig(projectDir, null, projectDir.resolve("resources/db"), null,
                projectDir.resolve("db/models_processed.edn"),
                List.of("validation", "form", "admin", "security", "ui"),
                MigratorOptions.DEFAULT_HISTORY_TABLE, MigratorOptions.DEFAULT_SCHEMA, MigratorOptions.DEFAULT_LOCK_TIMEOUT,
                (int) MigratorOptions.DEFAULT_LOCK_WAIT.toSeconds(), Map.of(), dev.strata.safety.SafetySettings.defaults(), 0,
                null);
    }

    /**
     * Reads {@code explicitFile} when given (it must exist; its folder is the project directory),
     * else {@code projectDir/strata.edn} when present, else the defaults.
     */
    public static StrataConfig load(Path projectDir, Path explicitFile) {
        if (explicitFile != null) {
            Path file = explicitFile.toAbsolutePath().normalize();
            if (!Files.isRegularFile(file)) {
                throw new StrataException(ErrorCode.CONFIG, "config file " + explicitFile + " does not exist.\n"
                        + "  Fix: check the --config path, or leave it out to use " + FILE_NAME + " in the working directory.");
            }
            return parse(file.getParent(), file);
        }
        Path dir = projectDir.toAbsolutePath().normalize();
        Path file = dir.resolve(FILE_NAME);
        return Files.isRegularFile(file) ? parse(dir, file) : defaults(dir);
    }

    /** The migrations directory: {@code :migrations-dir}, else {@code <models-dir>/migrations}. */
    public Path migrationsDirOrDefault() {
        return migrationsDir != null ? migrationsDir : modelsDir.resolve("migrations");
    }

    /** A named profile; {@code dev} exists even when the file does not list it. */
    public Profile profile(String name) {
        Profile p = profiles.get(name);
        if (p != null) {
            return p;
        }
        if (name.equals(Profile.DEV)) {
            return Profile.empty(Profile.DEV);
        }
        throw new StrataException(ErrorCode.CONFIG, "there is no profile :" + name + " in "
                + (file == null ? "the configuration (no " + FILE_NAME + " found in " + projectDir + ")" : file)
                + "; known: " + String.join(", ", known()) + ".\n  Fix: add it under :profiles, e.g. :profiles {:" + name
                + " {:url-env \"DATABASE_URL\"}}, or pick a known one.");
    }

    private List<String> known() {
        List<String> names = new ArrayList<>();
        if (!profiles.containsKey(Profile.DEV)) {
            names.add(":" + Profile.DEV);
        }
        profiles.keySet().forEach(n -> names.add(":" + n));
        return names;
    }

    /** The runner options these settings give, for a schema. */
    public MigratorOptions migratorOptions(String targetSchema) {
        return new MigratorOptions(targetSchema, historyTable, lockTimeout, Duration.ofSeconds(lockWaitSeconds), false)
                .withLockRetries(lockRetries);
    }

    private static StrataConfig parse(Path projectDir, Path file) {
        Object value;
        try {
            String text = Files.readString(file);
            Parseable in = Parsers.newParseable(text);
            Parser parser = Parsers.newParser(Parsers.defaultConfiguration());
            value = parser.nextValue(in);
            if (value != Parser.END_OF_INPUT && parser.nextValue(in) != Parser.END_OF_INPUT) {
                throw bad(file, "holds more than one top-level value", "keep one map {...}");
            }
        } catch (IOException e) {
            throw new StrataException(ErrorCode.CONFIG, "cannot read config file " + file + ": " + e.getMessage(), e);
        } catch (EdnException e) {
            throw new StrataException(ErrorCode.CONFIG, "config file " + file + " is not valid EDN: " + e.getMessage()
                    + "\n  Fix: check brackets and string quotes.", e);
        }
        if (value == Parser.END_OF_INPUT) {
            return defaults(projectDir).withFile(file);
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw bad(file, "is not a map", "write {:migrations-dir \"resources/db/migrations\" ...}");
        }
        Map<String, Object> entries = keywordMap(map, file, "the top level", KEYS);
        StrataConfig d = defaults(projectDir);
        return new StrataConfig(projectDir, file,
                entries.containsKey("models-dir") ? projectDir.resolve(string(entries, "models-dir", file)) : d.modelsDir(),
                entries.containsKey("migrations-dir") ? projectDir.resolve(string(entries, "migrations-dir", file)) : null,
                entries.containsKey("processed-model") ? projectDir.resolve(string(entries, "processed-model", file))
                        : d.processedModel(),
                entries.containsKey("strip-keys") ? keywords(entries.get("strip-keys"), file) : d.stripKeys(),
                entries.containsKey("history-table") ? string(entries, "history-table", file) : d.historyTable(),
                entries.containsKey("schema") ? string(entries, "schema", file) : d.schema(),
                entries.containsKey("lock-timeout") ? lockTimeout(entries, file) : d.lockTimeout(),
                entries.containsKey("lock-wait-seconds") ? seconds(entries.get("lock-wait-seconds"), file) : d.lockWaitSeconds(),
                entries.containsKey("profiles") ? profiles(entries.get("profiles"), file) : Map.of(),
                entries.containsKey("safety") ? safety(entries.get("safety"), file,
                        entries.containsKey("lock-timeout") ? lockTimeout(entries, file) : d.lockTimeout()) : d.safety(),
                entries.containsKey("lock-retries") ? retries(entries.get("lock-retries"), file) : d.lockRetries(),
                entries.containsKey("tenants") ? dev.strata.tenants.TenantSettings.parse(entries.get("tenants"), projectDir, file)
                        : null);
    }

    private StrataConfig withFile(Path f) {
        return new StrataConfig(projectDir, f, modelsDir, migrationsDir, processedModel, stripKeys, historyTable, schema,
                lockTimeout, lockWaitSeconds, profiles, safety, lockRetries, tenants);
    }

    private static dev.strata.safety.SafetySettings safety(Object v, Path file, String lockTimeout) {
        if (!(v instanceof Map<?, ?> map)) {
            throw bad(file, "has :safety that is not a map", "write :safety {:rules {:drop-column :warning} :exact-count-max-rows 100000}");
        }
        Map<String, Object> entries = keywordMap(map, file, ":safety", List.of("rules", "exact-count-max-rows", "safe"));
        Map<dev.strata.safety.Rule, dev.strata.safety.Severity> levels = Map.of();
        if (entries.containsKey("rules")) {
            try {
                levels = dev.strata.safety.SafetySettings.parseLevels(entries.get("rules"));
            } catch (IllegalArgumentException e) {
                String[] parts = e.getMessage().split("; ", 2);
                throw bad(file, (parts[0].startsWith(":rules") ? "has :safety " : "") + parts[0],
                        parts.length > 1 ? parts[1] : "see docs/safety.md");
            }
        }
        long max = dev.strata.safety.SafetySettings.DEFAULT_EXACT_COUNT_MAX_ROWS;
        if (entries.containsKey("exact-count-max-rows")) {
            if (!(entries.get("exact-count-max-rows") instanceof Long n) || n < 0) {
                throw bad(file, "has :safety :exact-count-max-rows " + entries.get("exact-count-max-rows")
                        + ", which is not a whole number of rows", "write e.g. :exact-count-max-rows 100000");
            }
            max = n;
        }
        boolean safe = true;
        if (entries.containsKey("safe")) {
            if (!(entries.get("safe") instanceof Boolean b)) {
                throw bad(file, "has :safety :safe " + entries.get("safe") + ", which is not true or false",
                        "write :safe false to generate the plain (locking) form of every change");
            }
            safe = b;
        }
        return new dev.strata.safety.SafetySettings(levels, max, lockTimeout, safe);
    }

    private static Map<String, Object> keywordMap(Map<?, ?> map, Path file, String where, Collection<String> allowed) {
        Map<String, Object> result = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof Keyword k) || !allowed.contains(k.getName())) {
                throw bad(file, "has the unknown key " + e.getKey() + " at " + where,
                        "use only " + String.join(" ", allowed.stream().sorted().map(n -> ":" + n).toList())
                                + " (a typo?)");
            }
            result.put(k.getName(), e.getValue());
        }
        return result;
    }

    private static String string(Map<String, Object> entries, String key, Path file) {
        Object v = entries.get(key);
        if (!(v instanceof String s) || s.isBlank()) {
            throw bad(file, "has :" + key + " " + v + ", which is not a non-empty string", "write :" + key + " \"...\"");
        }
        return s;
    }

    private static String lockTimeout(Map<String, Object> entries, Path file) {
        String value = string(entries, "lock-timeout", file);
        try {
            MigratorOptions.defaults().withLockTimeout(value);
        } catch (StrataException e) {
            throw bad(file, "has :lock-timeout \"" + value + "\", which PostgreSQL cannot read",
                    "write a number with a unit: \"500ms\", \"10s\", \"2min\"");
        }
        return value;
    }

    private static int retries(Object v, Path file) {
        if (!(v instanceof Long n) || n < 0 || n > 100) {
            throw bad(file, "has :lock-retries " + v + ", which is not a whole number from 0 to 100", "write e.g. :lock-retries 3");
        }
        return n.intValue();
    }

    private static int seconds(Object v, Path file) {
        if (!(v instanceof Long n) || n < 0 || n > Integer.MAX_VALUE) {
            throw bad(file, "has :lock-wait-seconds " + v + ", which is not a whole number of seconds", "write e.g. :lock-wait-seconds 60");
        }
        return n.intValue();
    }

    private static List<String> keywords(Object v, Path file) {
        if (!(v instanceof List<?> list) || !list.stream().allMatch(x -> x instanceof Keyword)) {
            throw bad(file, "has :strip-keys " + v + ", which is not a vector of keywords", "write e.g. :strip-keys [:validation :ui]");
        }
        return list.stream().map(x -> ((Keyword) x).getName()).toList();
    }

    private static Map<String, Profile> profiles(Object v, Path file) {
        if (!(v instanceof Map<?, ?> map)) {
            throw bad(file, "has :profiles that is not a map", "write :profiles {:dev {} :prod {:url-env \"DATABASE_URL\"}}");
        }
        Map<String, Profile> result = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof Keyword name) || !(e.getValue() instanceof Map<?, ?> body)) {
                throw bad(file, "has the profile entry " + e.getKey() + " " + e.getValue()
                        + ", which is not a keyword with a map", "write :profiles {:prod {:url-env \"DATABASE_URL\"}}");
            }
            String where = ":profiles :" + name.getName();
            Map<String, Object> p = keywordMap(body, file, where, PROFILE_KEYS);
            String url = p.containsKey("url") ? string(p, "url", file) : null;
            String urlEnv = p.containsKey("url-env") ? string(p, "url-env", file) : null;
            if (url != null && urlEnv != null) {
                throw bad(file, "gives " + where + " both :url and :url-env", "keep one of them");
            }
            Integer pgVersion = p.containsKey("pg-version") ? pgVersion(p.get("pg-version"), where, file) : null;
            String devUrl = p.containsKey("dev-url") ? string(p, "dev-url", file) : null;
            Boolean backup = null;
            String backupDir = null;
            if (p.containsKey("backup")) {
                Object b = p.get("backup");
                if (b instanceof Boolean flag) {
                    backup = flag;
                } else if (b instanceof String dir && !dir.isBlank()) {
                    backup = true;
                    backupDir = dir;
                } else {
                    throw bad(file, "has " + where + " :backup " + b + ", which is neither true, false nor a directory",
                            "write :backup true (dumps go to .strata/backups), :backup \"backups/prod\" or :backup false");
                }
            }
            Boolean verify = null;
            if (p.containsKey("verify")) {
                if (!(p.get("verify") instanceof Boolean b)) {
                    throw bad(file, "has " + where + " :verify " + p.get("verify") + ", which is not true or false",
                            "write :verify false to switch off migrate's verification for this profile");
                }
                verify = b;
            }
            Long verifyMaxRows = null;
            if (p.containsKey("verify-max-rows")) {
                if (!(p.get("verify-max-rows") instanceof Long n) || n < 0) {
                    throw bad(file, "has " + where + " :verify-max-rows " + p.get("verify-max-rows")
                            + ", which is not a whole number of rows", "write e.g. :verify-max-rows 1000000");
                }
                verifyMaxRows = n;
            }
            result.put(name.getName(), new Profile(name.getName(), url, urlEnv,
                    p.containsKey("schema") ? string(p, "schema", file) : null, pgVersion, devUrl, backup, backupDir,
                    verify, verifyMaxRows));
        }
        return result;
    }

    private static Integer pgVersion(Object v, String where, Path file) {
        if (!(v instanceof Long n) || !PgMajor.isSupported((int) (long) n)) {
            throw bad(file, "has " + where + " :pg-version " + v + ", which is not a supported PostgreSQL major version",
                    "write one of " + PgMajor.supported() + " as a number, e.g. :pg-version 15");
        }
        return n.intValue();
    }

    private static StrataException bad(Path file, String what, String fix) {
        return new StrataException(ErrorCode.CONFIG, "config file " + file + " " + what + ".\n  Fix: " + fix + ".");
    }
}
