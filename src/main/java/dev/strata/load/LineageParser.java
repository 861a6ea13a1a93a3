package dev.strata.load;

import dev.strata.edn.EdnPrinter;
import dev.strata.sql.Identifiers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import us.bpsm.edn.Keyword;

/**
 * LineageParser reads a table's partitioning and inheritance options: {@code :partition-by},
 * {@code :partition-of} with {@code :for-values} or {@code :default}, {@code :inherits} and
 * {@code :of}. See docs/model-format.md, "Partitions, inheritance and typed tables".
 */
final class LineageParser {
    static final Set<String> OPTIONS = Set.of("partition-by", "partition-of", "for-values", "default", "inherits", "of",
            "column-options");
    private static final Set<String> COLUMN_OPTIONS = Set.of("null", "default", "comment");
    private static final Set<String> STRATEGIES = Set.of("range", "list", "hash");
    private static final Set<String> PARTITION_BY_OPTIONS = Set.of("strategy", "keys");
    private static final Set<String> KEY_OPTIONS = Set.of("field", "expression", "collate", "opclass");

    private LineageParser() {
    }

    /** Whether the table map uses one of the options that let it go without {@code :fields}. */
    static boolean derivedForm(Map<?, ?> options) {
        return options.containsKey(FieldParser.kw("partition-of")) || options.containsKey(FieldParser.kw("inherits"))
                || options.containsKey(FieldParser.kw("of"));
    }

    static LineageDraft parse(Map<?, ?> options, boolean hasFields, Location where, String subject, Problems problems) {
        String key = partitionKey(options.get(FieldParser.kw("partition-by")), where, subject, problems);
        Object parent = reference(options.get(FieldParser.kw("partition-of")), ":partition-of", where, subject, problems);
        Object forValues = options.get(FieldParser.kw("for-values"));
        Object isDefault = options.get(FieldParser.kw("default"));
        String bound = null;
        if (isDefault != null && !(isDefault instanceof Boolean)) {
            problems.add(where, subject, ":default must be true, not " + EdnPrinter.flat(isDefault),
                    "write :default true for the DEFAULT partition");
        }
        boolean defaultPartition = Boolean.TRUE.equals(isDefault);
        if (forValues != null && !(forValues instanceof String s && !s.isBlank())) {
            problems.add(where, subject, ":for-values must be a string of SQL, not " + EdnPrinter.flat(forValues),
                    "write :for-values \"FROM ('2024-01-01') TO ('2024-02-01')\", \"IN ('a', 'b')\" or "
                            + "\"WITH (MODULUS 4, REMAINDER 0)\"");
            forValues = null;
        }
        if (parent != null) {
            if (forValues != null && defaultPartition) {
                problems.add(where, subject, "a partition has either :for-values or :default true, not both",
                        "remove one of them");
            } else if (forValues == null && !defaultPartition) {
                problems.add(where, subject, "partition of " + EdnPrinter.flat(parent) + " has no bound",
                        "add :for-values \"FROM (...) TO (...)\" (or \"IN (...)\", \"WITH (MODULUS m, REMAINDER r)\")"
                                + " or :default true");
            } else if (defaultPartition) {
                bound = "DEFAULT";
            } else {
                String text = ((String) forValues).strip();
                bound = text.toUpperCase(Locale.ROOT).startsWith("FOR VALUES") ? text : "FOR VALUES " + text;
            }
            if (hasFields) {
                problems.add(where, subject, "a partition takes its columns from its parent " + EdnPrinter.flat(parent)
                                + " and cannot have :fields",
                        "remove :fields (columns go on the parent; a partition may have its own :constraints, "
                                + ":indexes and :comment)");
            }
        } else if (forValues != null || defaultPartition) {
            problems.add(where, subject, (forValues != null ? ":for-values" : ":default") + " needs :partition-of",
                    "add :partition-of :parent-model");
        }
        List<Object> inherits = new ArrayList<>();
        Object inh = options.get(FieldParser.kw("inherits"));
        if (inh instanceof List<?> l && !l.isEmpty()) {
            for (Object p : l) {
                Object ref = reference(p, ":inherits", where, subject, problems);
                if (ref != null) {
                    inherits.add(ref);
                }
            }
        } else if (inh != null) {
            problems.add(where, subject, "bad :inherits " + EdnPrinter.flat(inh), "write :inherits [:parent-model ...]");
        }
        Object ofType = reference(options.get(FieldParser.kw("of")), ":of", where, subject, problems);
        int kinds = (parent != null ? 1 : 0) + (inherits.isEmpty() ? 0 : 1) + (ofType != null ? 1 : 0);
        if (kinds > 1) {
            problems.add(where, subject, "a table is at most one of a partition (:partition-of), an inheritance child"
                    + " (:inherits) and a typed table (:of)", "keep one of these options");
        }
        if (ofType != null && hasFields) {
            problems.add(where, subject, "a typed table takes its columns from its type " + EdnPrinter.flat(ofType)
                    + " and cannot have :fields", "remove :fields, or drop :of and list the columns");
        }
        Object optionsForm = options.get(FieldParser.kw("column-options"));
        Map<String, dev.strata.model.DerivedColumn> columnOptions = new java.util.LinkedHashMap<>();
        if (optionsForm != null && parent == null && inherits.isEmpty() && ofType == null) {
            problems.add(where, subject, ":column-options is for the columns a partition, an inheritance child or a"
                    + " typed table takes from its parent or type", "put :null, :default and :comment on the field itself");
        } else if (optionsForm != null) {
            columnOptions(optionsForm, columnOptions, where, subject, problems);
        }
        if (key == null && parent == null && inherits.isEmpty() && ofType == null) {
            return LineageDraft.NONE;
        }
        return new LineageDraft(key, parent, bound, inherits, ofType, columnOptions);
    }

    /**
     * {@code :column-options {:total {:null false :default 0 :comment "..."}}}: NOT NULL (only
     * {@code :null false}: a derived column is nullable unless a parent says otherwise), a default
     * ({@code :default nil} takes the parent's away) and a comment, per derived column.
     */
    private static void columnOptions(Object form, Map<String, dev.strata.model.DerivedColumn> out, Location where,
                                      String subject, Problems problems) {
        String example = "write :column-options {:total {:null false :default 0 :comment \"...\"}}";
        if (!(form instanceof Map<?, ?> m) || m.isEmpty()) {
            problems.add(where, subject, "bad :column-options " + EdnPrinter.flat(form), example);
            return;
        }
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!(e.getKey() instanceof Keyword || e.getKey() instanceof String s && !s.isEmpty())) {
                problems.add(where, subject, "bad column " + EdnPrinter.flat(e.getKey()) + " in :column-options", example);
                continue;
            }
            String column = Names.identifier(e.getKey());
            String what = ":column-options " + EdnPrinter.flat(e.getKey());
            if (!(e.getValue() instanceof Map<?, ?> o) || o.isEmpty()) {
                problems.add(where, subject, "bad " + what + " " + EdnPrinter.flat(e.getValue()), example);
                continue;
            }
            boolean bad = false;
            for (Object k : o.keySet()) {
                if (!(k instanceof Keyword kw) || !COLUMN_OPTIONS.contains(kw.getName())) {
                    problems.add(where, subject, "unknown option " + EdnPrinter.flat(k) + " in " + what,
                            "use :null false, :default and :comment (the column's type and the rest are the parent's)");
                    bad = true;
                }
            }
            boolean notNull = false;
            if (o.containsKey(FieldParser.kw("null"))) {
                Object n = o.get(FieldParser.kw("null"));
                if (Boolean.FALSE.equals(n)) {
                    notNull = true;
                } else {
                    problems.add(where, subject, what + " has :null " + EdnPrinter.flat(n)
                                    + "; only :null false (NOT NULL) can be set on a derived column",
                            "write :null false, or remove :null (the column is nullable unless its parent says NOT NULL)");
                    bad = true;
                }
            }
            String defaultExpr = null;
            boolean noDefault = false;
            if (o.containsKey(FieldParser.kw("default"))) {
                Object d = o.get(FieldParser.kw("default"));
                if (d == null) {
                    noDefault = true;
                } else {
                    try {
                        defaultExpr = SqlExpressions.defaultExpr(d);
                    } catch (InvalidSpec ex) {
                        problems.add(where, subject, what + ": " + ex.what(), ex.fix());
                        bad = true;
                    }
                }
            }
            String comment = null;
            if (o.containsKey(FieldParser.kw("comment"))) {
                Object c = o.get(FieldParser.kw("comment"));
                if (c instanceof String s) {
                    comment = s;
                } else {
                    problems.add(where, subject, what + " has :comment " + EdnPrinter.flat(c) + ", not a string",
                            "write :comment \"...\"");
                    bad = true;
                }
            }
            if (!bad) {
                out.put(column, new dev.strata.model.DerivedColumn(notNull, defaultExpr, noDefault, comment));
            }
        }
    }

    private static Object reference(Object form, String option, Location where, String subject, Problems problems) {
        if (form == null) {
            return null;
        }
        if (form instanceof Keyword || form instanceof String s && !s.isEmpty()) {
            return form;
        }
        problems.add(where, subject, "bad " + option + " " + EdnPrinter.flat(form), "write " + option + " :model-name");
        return null;
    }

    /** {@code {:strategy :range :keys [...]}} as {@code RANGE (a, b)}; null when absent or bad. */
    private static String partitionKey(Object form, Location where, String subject, Problems problems) {
        if (form == null) {
            return null;
        }
        String example = "write :partition-by {:strategy :range :keys [:created-at]}";
        if (!(form instanceof Map<?, ?> m)) {
            problems.add(where, subject, "bad :partition-by " + EdnPrinter.flat(form), example);
            return null;
        }
        for (Object k : m.keySet()) {
            if (!(k instanceof Keyword kw) || !PARTITION_BY_OPTIONS.contains(kw.getName())) {
                problems.add(where, subject, "unknown :partition-by option " + EdnPrinter.flat(k),
                        "use :strategy and :keys");
            }
        }
        Object strategy = m.get(FieldParser.kw("strategy"));
        if (!(strategy instanceof Keyword s && STRATEGIES.contains(s.getName()))) {
            problems.add(where, subject, "bad partition strategy " + EdnPrinter.flat(strategy),
                    "write :strategy :range, :list or :hash");
            return null;
        }
        Object keys = m.get(FieldParser.kw("keys"));
        if (!(keys instanceof List<?> kl) || kl.isEmpty()) {
            problems.add(where, subject, "bad partition :keys " + EdnPrinter.flat(keys),
                    "write :keys [:column], [\"lower(name)\"] or [{:field :name :collate \"C\" :opclass :text_pattern_ops}]");
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (Object k : kl) {
            String part = keyPart(k, where, subject, problems);
            if (part == null) {
                return null;
            }
            parts.add(part);
        }
        return ((Keyword) strategy).getName().toUpperCase(Locale.ROOT) + " (" + String.join(", ", parts) + ")";
    }

    private static String keyPart(Object k, Location where, String subject, Problems problems) {
        if (k instanceof Keyword) {
            return Identifiers.quote(Names.identifier(k));
        }
        if (k instanceof String s && !s.isBlank()) {
            return s.strip();
        }
        if (k instanceof Map<?, ?> m) {
            for (Object o : m.keySet()) {
                if (!(o instanceof Keyword kw) || !KEY_OPTIONS.contains(kw.getName())) {
                    problems.add(where, subject, "unknown partition key option " + EdnPrinter.flat(o),
                            "use :field or :expression, with :collate and :opclass");
                }
            }
            Object field = m.get(FieldParser.kw("field"));
            Object expression = m.get(FieldParser.kw("expression"));
            StringBuilder sql = new StringBuilder();
            if (field instanceof Keyword || field instanceof String && expression == null) {
                sql.append(Identifiers.quote(Names.identifier(field)));
            } else if (expression instanceof String e && field == null) {
                sql.append('(').append(e.strip()).append(')');
            } else {
                problems.add(where, subject, "partition key " + EdnPrinter.flat(k) + " needs one :field or :expression",
                        "write {:field :name} or {:expression \"lower(name)\"}");
                return null;
            }
            Object collate = m.get(FieldParser.kw("collate"));
            if (collate != null) {
                sql.append(" COLLATE ").append(Identifiers.quote(Names.identifier(collate)));
            }
            Object opclass = m.get(FieldParser.kw("opclass"));
            if (opclass != null) {
                sql.append(' ').append(Names.identifier(opclass));
            }
            return sql.toString();
        }
        problems.add(where, subject, "bad partition key " + EdnPrinter.flat(k),
                "write a keyword (:column), a string of SQL or {:field :a :collate \"C\" :opclass :x}");
        return null;
    }
}
