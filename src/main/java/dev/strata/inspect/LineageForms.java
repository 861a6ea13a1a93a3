package dev.strata.inspect;

import dev.strata.model.QualifiedName;
import dev.strata.model.TableLineage;
import dev.strata.sql.SqlText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * LineageForms writes a table's partitioning, partition bound, INHERITS parents and OF type as the
 * model's table options ({@code :partition-by}, {@code :partition-of} with {@code :for-values} or
 * {@code :default}, {@code :inherits}, {@code :of}). Key and bound texts are written as PostgreSQL
 * prints them, so that the model compiles back to an equal catalog.
 */
final class LineageForms {
    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");
    private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"]|\"\")+)\"");

    private LineageForms() {
    }

    /** Where a lineage cannot be written: the reason, or null when it can. */
    static String unwritable(TableLineage lineage, java.util.Set<String> schemasInTree) {
        for (QualifiedName parent : lineage.parents()) {
            if (parent.schema() != null && (!schemasInTree.contains(parent.schema())
                    || !(ModelNames.key(parent) instanceof us.bpsm.edn.Keyword))) {
                return "its parent " + parent + " is in another schema, which the model does not hold"
                        + " (strata inspect --all-schemas reads it)";
            }
        }
        if (lineage.ofType() != null && lineage.ofType().schema() != null && (!schemasInTree.contains(lineage.ofType().schema())
                || !(ModelNames.key(lineage.ofType()) instanceof us.bpsm.edn.Keyword))) {
            return "its type " + lineage.ofType() + " is in another schema, which the model does not hold"
                    + " (strata inspect --all-schemas reads it)";
        }
        return null;
    }

    static void put(Map<Object, Object> spec, TableLineage lineage) {
        if (lineage.isPartitioned()) {
            spec.put(ModelNames.kw("partition-by"), partitionBy(lineage.partitionKey()));
        }
        if (lineage.isPartition()) {
            spec.put(ModelNames.kw("partition-of"), ModelNames.key(lineage.partitionOf()));
            String bound = lineage.partitionBound();
            if (bound.equals("DEFAULT")) {
                spec.put(ModelNames.kw("default"), true);
            } else {
                spec.put(ModelNames.kw("for-values"), bound.replaceFirst("^FOR VALUES\\s+", ""));
            }
        }
        if (!lineage.inherits().isEmpty()) {
            spec.put(ModelNames.kw("inherits"), lineage.inherits().stream().map(p -> ModelNames.key(p)).toList());
        }
        if (lineage.ofType() != null) {
            spec.put(ModelNames.kw("of"), ModelNames.key(lineage.ofType()));
        }
        if (!lineage.columnOptions().isEmpty()) {
            Map<Object, Object> options = new java.util.LinkedHashMap<>();
            lineage.columnOptions().forEach((column, o) -> {
                Map<Object, Object> form = new java.util.LinkedHashMap<>();
                if (o.notNull()) {
                    form.put(ModelNames.kw("null"), false);
                }
                if (o.defaultExpr() != null) {
                    form.put(ModelNames.kw("default"), TypeForms.raw(o.defaultExpr()));
                } else if (o.noDefault()) {
                    form.put(ModelNames.kw("default"), null);
                }
                if (o.comment() != null) {
                    form.put(ModelNames.kw("comment"), o.comment());
                }
                options.put(ModelNames.key(column), form);
            });
            spec.put(ModelNames.kw("column-options"), options);
        }
    }

    /** {@code RANGE (a, lower(b))} as {@code {:strategy :range :keys [:a "lower(b)"]}}. */
    static Map<Object, Object> partitionBy(String key) {
        int open = key.indexOf('(');
        String strategy = key.substring(0, open).strip().toLowerCase(Locale.ROOT);
        String inner = key.substring(open + 1, SqlText.closingParen(key, open));
        List<Object> keys = new ArrayList<>();
        for (String part : SqlText.splitTopLevel(inner)) {
            keys.add(keyForm(part));
        }
        Map<Object, Object> spec = new LinkedHashMap<>();
        spec.put(ModelNames.kw("strategy"), ModelNames.kw(strategy));
        spec.put(ModelNames.kw("keys"), keys);
        return spec;
    }

    /** A plain column as a keyword when one names it exactly, anything else as the SQL text. */
    private static Object keyForm(String part) {
        String column = null;
        if (PLAIN.matcher(part).matches()) {
            column = part;
        } else {
            var m = QUOTED.matcher(part);
            if (m.matches()) {
                column = m.group(1).replace("\"\"", "\"");
            }
        }
        if (column != null) {
            Object k = ModelNames.keyword(column);
            if (k != null && dev.strata.sql.Identifiers.quote(column).equals(part)) {
                return k;
            }
        }
        return part;
    }
}
