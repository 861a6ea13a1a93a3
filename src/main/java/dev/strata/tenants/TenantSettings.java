package dev.strata.tenants;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import us.bpsm.edn.Keyword;

/**
 * TenantSettings represents the {@code :tenants} map of {@code strata.edn}: how to find the tenant
 * schemas (exactly one of {@code :query}, {@code :schemas-like} and {@code :list}), the seed script
 * each new tenant gets, the tables every tenant must have, and the ceiling of tenants migrated at
 * once. See docs/tenants.md.
 *
 * @param query          SQL whose first column gives the tenant schema names, or null
 * @param schemasLike    a LIKE pattern over schema names ({@code tenant_%}), or null
 * @param list           the tenant schemas, or null
 * @param seed           a SQL script run in each new tenant after its migrations ({@code :seed}), or null
 * @param requiredTables the tables {@code tenants verify} and {@code backfill} require ({@code :required-tables})
 * @param parallel       the most tenants migrated at once ({@code :parallel}), or null for the default
 * @param databases      the databases the tenants are spread over ({@code :databases}); empty: the target only
 */
public record TenantSettings(String query, String schemasLike, List<String> list, Path seed, List<String> requiredTables,
                             Integer parallel, List<Database> databases) {
    static final List<String> KEYS = List.of("query", "schemas-like", "list", "seed", "required-tables", "parallel",
            "databases");

    /** One database of the fleet: {@code {:url "..."}} or {@code {:url-env "SHARD_2_URL"}}, and its own {@code :parallel}. */
    public record Database(String url, String urlEnv, Integer parallel) {
        /** The URL, from the environment for {@code :url-env}; a missing variable is a configuration error. */
        public String resolve(java.util.function.Function<String, String> env) {
            if (url != null) {
                return url;
            }
            String value = env.apply(urlEnv);
            if (value == null || value.isBlank()) {
                throw new StrataException(ErrorCode.CONFIG, "the environment variable " + urlEnv + " named by"
                        + " :tenants :databases is not set.\n  Fix: set it to the database URL, or remove that database.");
            }
            return value;
        }

        public String describe() {
            return url != null ? dev.strata.pg.JdbcUrls.redact(url) : "$" + urlEnv;
        }
    }

    /** Settings without a list of databases (the target only). */
    public TenantSettings(String query, String schemasLike, List<String> list, Path seed, List<String> requiredTables,
                          Integer parallel) {
        this(query, schemasLike, list, seed, requiredTables, parallel, List.of());
    }

    public TenantSettings {
        int rules = (query != null ? 1 : 0) + (schemasLike != null ? 1 : 0) + (list != null ? 1 : 0);
        if (rules != 1) {
            throw new IllegalArgumentException("exactly one of query, schemasLike and list");
        }
        list = list == null ? null : List.copyOf(list);
        requiredTables = requiredTables == null ? List.of() : List.copyOf(requiredTables);
        databases = databases == null ? List.of() : List.copyOf(databases);
    }

    public TenantSettings withDatabases(List<Database> dbs) {
        return new TenantSettings(query, schemasLike, list, seed, requiredTables, parallel, dbs);
    }

    /** Tenants listed by name. */
    public static TenantSettings of(List<String> names) {
        return new TenantSettings(null, null, names, null, List.of(), null);
    }

    /** Tenants found by a LIKE pattern over schema names. */
    public static TenantSettings like(String pattern) {
        return new TenantSettings(null, pattern, null, null, List.of(), null);
    }

    public TenantSettings withSeed(Path newSeed) {
        return new TenantSettings(query, schemasLike, list, newSeed, requiredTables, parallel);
    }

    public TenantSettings withRequiredTables(List<String> tables) {
        return new TenantSettings(query, schemasLike, list, seed, tables, parallel);
    }

    public TenantSettings withParallel(Integer newParallel) {
        return new TenantSettings(query, schemasLike, list, seed, requiredTables, newParallel);
    }

    /** The rule as a phrase, for messages: {@code schemas like 'tenant_%'}. */
    public String describe() {
        if (query != null) {
            return "the :tenants :query";
        }
        if (schemasLike != null) {
            return "schemas like '" + schemasLike + "'";
        }
        return "the :tenants :list (" + list.size() + ")";
    }

    /** Reads {@code :tenants {...}} of {@code file}; paths are relative to {@code projectDir}. */
    public static TenantSettings parse(Object value, Path projectDir, Path file) {
        if (!(value instanceof Map<?, ?> map)) {
            throw bad(file, "has :tenants that is not a map", "write :tenants {:schemas-like \"tenant_%\"}");
        }
        Map<String, Object> entries = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof Keyword k) || !KEYS.contains(k.getName())) {
                throw bad(file, "has the unknown key " + e.getKey() + " at :tenants",
                        "use only " + String.join(" ", KEYS.stream().sorted().map(n -> ":" + n).toList()) + " (a typo?)");
            }
            entries.put(k.getName(), e.getValue());
        }
        int rules = (entries.containsKey("query") ? 1 : 0) + (entries.containsKey("schemas-like") ? 1 : 0)
                + (entries.containsKey("list") ? 1 : 0);
        if (rules != 1) {
            throw bad(file, rules == 0 ? "has :tenants without a rule to find the tenant schemas"
                            : "has :tenants with more than one of :query, :schemas-like and :list",
                    "give exactly one: :query \"SELECT schema_name FROM app.tenants\", :schemas-like \"tenant_%\""
                            + " or :list [\"acme\" \"globex\"]");
        }
        String query = entries.containsKey("query") ? string(entries, "query", file) : null;
        String like = entries.containsKey("schemas-like") ? string(entries, "schemas-like", file) : null;
        List<String> list = null;
        if (entries.containsKey("list")) {
            list = names(entries.get("list"), ":list", file);
            if (list.isEmpty()) {
                throw bad(file, "has :tenants :list []", "name at least one tenant schema, or use :schemas-like");
            }
        }
        Path seed = entries.containsKey("seed") ? projectDir.resolve(string(entries, "seed", file)) : null;
        List<String> required = entries.containsKey("required-tables")
                ? names(entries.get("required-tables"), ":required-tables", file) : List.of();
        Integer parallel = null;
        if (entries.containsKey("parallel")) {
            if (!(entries.get("parallel") instanceof Long n) || n < 1 || n > 1000) {
                throw bad(file, "has :tenants :parallel " + entries.get("parallel")
                        + ", which is not a whole number from 1 to 1000", "write e.g. :parallel 8");
            }
            parallel = n.intValue();
        }
        List<Database> databases = entries.containsKey("databases") ? databases(entries.get("databases"), file) : List.of();
        return new TenantSettings(query, like, list, seed, required, parallel, databases);
    }

    private static List<Database> databases(Object v, Path file) {
        String example = "write :databases [{:url \"postgres://db1/app\"} {:url-env \"SHARD_2_URL\" :parallel 4}]";
        if (!(v instanceof List<?> items) || items.isEmpty()) {
            throw bad(file, "has :tenants :databases " + v + ", which is not a non-empty vector", example);
        }
        List<Database> out = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof Map<?, ?> m)) {
                throw bad(file, "has " + item + " in :tenants :databases, which is not a map", example);
            }
            String url = null;
            String env = null;
            Integer parallel = null;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String key = e.getKey() instanceof Keyword k ? k.getName() : String.valueOf(e.getKey());
                Object value = e.getValue();
                switch (key) {
                    case "url" -> url = value instanceof String s && !s.isBlank() ? s : null;
                    case "url-env" -> env = value instanceof String s && !s.isBlank() ? s : null;
                    case "parallel" -> parallel = value instanceof Long n && n >= 1 && n <= 1000 ? n.intValue() : -1;
                    default -> throw bad(file, "has the unknown key " + e.getKey() + " in :tenants :databases",
                            "use :url, :url-env and :parallel");
                }
            }
            if ((url == null) == (env == null)) {
                throw bad(file, "has a :tenants :databases entry " + item + " without exactly one of :url and :url-env"
                        + " (a non-empty string)", example);
            }
            if (parallel != null && parallel < 0) {
                throw bad(file, "has a :tenants :databases entry with a :parallel that is not a whole number from 1 to 1000",
                        example);
            }
            if (url != null) {
                try {
                    dev.strata.pg.JdbcUrls.parse(url);
                } catch (StrataException e) {
                    throw bad(file, "has a :tenants :databases :url that cannot be used: " + e.getMessage().lines().findFirst()
                            .orElse(""), "write postgres://user:pass@host:port/db or jdbc:postgresql://...");
                }
            }
            out.add(new Database(url, env, parallel));
        }
        return out;
    }

    private static List<String> names(Object v, String key, Path file) {
        if (!(v instanceof List<?> items)) {
            throw bad(file, "has :tenants " + key + " " + v + ", which is not a vector", "write " + key + " [\"acme\" :globex]");
        }
        List<String> out = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof Keyword k) {
                out.add(k.getName().replace('-', '_'));
            } else if (item instanceof String s && !s.isBlank()) {
                out.add(s);
            } else {
                throw bad(file, "has " + item + " in :tenants " + key + ", which is not a name",
                        "write names as strings or keywords");
            }
        }
        return out;
    }

    private static String string(Map<String, Object> entries, String key, Path file) {
        Object v = entries.get(key);
        if (!(v instanceof String s) || s.isBlank()) {
            throw bad(file, "has :tenants :" + key + " " + v + ", which is not a non-empty string",
                    "write :" + key + " \"...\"");
        }
        return s;
    }

    private static StrataException bad(Path file, String what, String fix) {
        return new StrataException(ErrorCode.CONFIG, "config file " + Objects.requireNonNull(file) + " " + what
                + ".\n  Fix: " + fix + ".");
    }
}
