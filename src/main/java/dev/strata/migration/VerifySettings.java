package dev.strata.migration;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import us.bpsm.edn.Keyword;
import us.bpsm.edn.Symbol;

/**
 * VerifySettings represents one migration's {@code :verify} settings (seed 003's validation
 * options), read from a generated file's {@code :verify} key or a SQL file's {@code -- :verify {...}}
 * header line. See docs/migrations.md, "Verification".
 *
 * @param enabled                     whether {@code migrate --verify} checks this migration at all
 * @param allowAllRowChanges          row counts may change in any table
 * @param rowChangeTables             tables whose row counts may change without a statement that says so
 * @param allowTableCreation          tables may appear that no statement creates
 * @param allowColumnAddition         columns may appear that no statement adds
 * @param allowConstraintModification constraints may appear or disappear on tables no statement alters
 */
public record VerifySettings(boolean enabled, boolean allowAllRowChanges, Set<String> rowChangeTables,
                             boolean allowTableCreation, boolean allowColumnAddition,
                             boolean allowConstraintModification) {
    static final List<String> KEYS = List.of("allow-row-changes", "allow-table-creation", "allow-column-addition",
            "allow-constraint-modification");

    public VerifySettings {
        rowChangeTables = Set.copyOf(rowChangeTables);
    }

    /** Verification on; the seed's defaults: new tables and columns allowed, the rest only where a statement says so. */
    public static VerifySettings defaults() {
        return new VerifySettings(true, false, Set.of(), true, true, false);
    }

    /** Whether {@code table}'s row count may change without a statement that says so. */
    public boolean rowChangesAllowed(String table) {
        return allowAllRowChanges || rowChangeTables.contains(table);
    }

    /**
     * Reads {@code false} or a map such as {@code {:allow-row-changes true}} or
     * {@code {:allow-row-changes [:audit_log] :allow-table-creation false}}.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    static VerifySettings parse(Object value) {
        if (Boolean.FALSE.equals(value)) {
            return new VerifySettings(false, false, Set.of(), true, true, true);
        }
        if (Boolean.TRUE.equals(value)) {
            return defaults();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(":verify must be false or a map such as {:allow-row-changes true}, not " + value);
        }
        VerifySettings d = defaults();
        boolean all = d.allowAllRowChanges();
        Set<String> tables = new TreeSet<>();
        boolean tablesOk = d.allowTableCreation();
        boolean columnsOk = d.allowColumnAddition();
        boolean constraintsOk = d.allowConstraintModification();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = e.getKey() instanceof Keyword k ? k.getName() : String.valueOf(e.getKey());
            Object v = e.getValue();
            switch (key) {
                case "allow-row-changes" -> {
                    if (v instanceof Boolean b) {
                        all = b;
                    } else if (v instanceof List<?> list && list.stream().allMatch(x -> x instanceof Keyword || x instanceof String
                            || x instanceof Symbol)) {
                        list.forEach(x -> tables.add(x instanceof Keyword k ? k.getName().replace('-', '_') : x.toString()));
                    } else {
                        throw new IllegalArgumentException(":allow-row-changes must be true, false or a vector of tables, not " + v);
                    }
                }
                case "allow-table-creation" -> tablesOk = bool(key, v);
                case "allow-column-addition" -> columnsOk = bool(key, v);
                case "allow-constraint-modification" -> constraintsOk = bool(key, v);
                default -> throw new IllegalArgumentException("unknown :verify key :" + key + "; known: :"
                        + String.join(" :", KEYS));
            }
        }
        return new VerifySettings(true, all, tables, tablesOk, columnsOk, constraintsOk);
    }

    private static boolean bool(String key, Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException(":" + key + " must be true or false, not " + v);
    }
}
