package dev.strata.load;

import dev.strata.edn.EdnPrinter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import us.bpsm.edn.Keyword;

/**
 * StorageParser reads the {@code :with} option of a table or index: a map of storage parameter
 * to value, {@code {:fillfactor 70 :autovacuum_enabled false}}, into the text PostgreSQL stores
 * ({@code reloptions}). Parameters PostgreSQL documents get their type checked (an integer, a
 * number, a boolean: {@code true}/{@code false} or the words {@code "on"}, {@code "off"}, ...); any other parameter takes a number, boolean, string or keyword, and
 * PostgreSQL itself judges it when the model is applied.
 */
final class StorageParser {
    private static final Set<String> INTEGERS = Set.of("fillfactor", "toast_tuple_target", "parallel_workers",
            "autovacuum_vacuum_threshold", "autovacuum_vacuum_insert_threshold", "autovacuum_analyze_threshold",
            "autovacuum_vacuum_cost_limit", "autovacuum_freeze_min_age", "autovacuum_freeze_max_age",
            "autovacuum_freeze_table_age", "autovacuum_multixact_freeze_min_age",
            "autovacuum_multixact_freeze_max_age", "autovacuum_multixact_freeze_table_age",
            "log_autovacuum_min_duration", "gin_pending_list_limit", "pages_per_range");
    private static final Set<String> NUMBERS = Set.of("autovacuum_vacuum_scale_factor",
            "autovacuum_vacuum_insert_scale_factor", "autovacuum_analyze_scale_factor", "autovacuum_vacuum_cost_delay");
    private static final Set<String> BOOLEANS = Set.of("autovacuum_enabled", "user_catalog_table", "vacuum_truncate",
            "deduplicate_items", "fastupdate", "autosummarize");

    /** The spellings PostgreSQL takes for a boolean parameter, kept as written (it stores the text). */
    private static final java.util.regex.Pattern BOOLEAN_WORDS =
            java.util.regex.Pattern.compile("(?i)on|off|true|false|yes|no");

    private StorageParser() {
    }

    /** The parameters, sorted by name, or an empty map after adding each problem. */
    static Map<String, String> parse(Object with, Location where, String subject, Problems problems) {
        Map<String, String> out = new TreeMap<>();
        if (with == null) {
            return out;
        }
        if (!(with instanceof Map<?, ?> m)) {
            problems.add(where, subject, "bad :with " + EdnPrinter.flat(with),
                    "write storage parameters as a map, such as :with {:fillfactor 70}");
            return out;
        }
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!(e.getKey() instanceof Keyword || e.getKey() instanceof String)) {
                problems.add(where, subject, "bad storage parameter name " + EdnPrinter.flat(e.getKey()),
                        "name it with a keyword, such as :fillfactor");
                continue;
            }
            String name = Names.identifier(e.getKey());
            String bare = name.startsWith("toast.") ? name.substring("toast.".length()) : name;
            Object value = e.getValue();
            String text = text(value);
            String expected = null;
            if (INTEGERS.contains(bare) && !(value instanceof Long || value instanceof BigInteger)) {
                expected = "an integer";
            } else if (NUMBERS.contains(bare) && !(value instanceof Number)) {
                expected = "a number";
            } else if (BOOLEANS.contains(bare) && !(value instanceof Boolean
                    || text != null && BOOLEAN_WORDS.matcher(text).matches() && !(value instanceof Number))) {
                expected = "true or false";
            } else if (text == null) {
                expected = "a number, true, false, a string or a keyword";
            }
            if (expected != null) {
                problems.add(where, subject, "storage parameter " + name + " must be " + expected + ", not "
                        + EdnPrinter.flat(value), "write for example :with {:" + name + " " + example(bare) + "}");
                continue;
            }
            out.put(name, text);
        }
        return out;
    }

    /** The value as PostgreSQL stores it, or {@code null} for a value that is none of the scalar forms. */
    private static String text(Object value) {
        if (value instanceof Long || value instanceof BigInteger || value instanceof Boolean) {
            return value.toString();
        } else if (value instanceof BigDecimal d) {
            return d.toPlainString();
        } else if (value instanceof Double d) {
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        } else if (value instanceof String s && !s.isEmpty()) {
            return s;
        } else if (value instanceof Keyword k) {
            return k.getName();
        }
        return null;
    }

    private static String example(String name) {
        if (INTEGERS.contains(name)) {
            return name.equals("fillfactor") ? "70" : "100";
        } else if (NUMBERS.contains(name)) {
            return "0.1";
        } else if (BOOLEANS.contains(name)) {
            return "false";
        }
        return "\"value\"";
    }
}
