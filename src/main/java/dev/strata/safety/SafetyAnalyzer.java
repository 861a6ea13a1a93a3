package dev.strata.safety;

import dev.strata.diff.Change;
import dev.strata.diff.ColumnChange;
import dev.strata.model.Column;
import dev.strata.model.Constraint;
import dev.strata.model.QualifiedName;
import dev.strata.sql.Identifiers;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * SafetyAnalyzer is the safety stage between plan and render: it reads the typed changes of a
 * change set and lists what each does to existing data and to concurrent work (see {@link Rule}),
 * with the target's numbers when a connection to it is given. It is exact for generated migrations
 * because it sees the changes themselves, not their SQL. docs/safety.md lists the rules.
 */
public final class SafetyAnalyzer {
    private static final Pattern VOLATILE = Pattern.compile(
            "(?i)\\b(random|clock_timestamp|statement_timestamp|timeofday|gen_random_uuid|uuid_generate_v[14]|uuidv[47]|nextval|setseed)\\s*\\(");

    private SafetyAnalyzer() {
    }

    /** A finding before its numbers are known. */
    private record Draft(Rule rule, String object, String table, String conditionKey, String conditionLabel,
                         Severity forced, boolean acceptable) {
    }

    /**
     * Analyses a change set.
     *
     * @param changes  the changes, in the order they run
     * @param target   a connection to the target (its numbers are read), or empty
     * @param schema   the target schema
     * @param settings rule levels and limits
     * @param accepted what the model accepts losing: {@code table t}, {@code column t.c}, {@code type t.c}
     */
    public static List<Finding> analyze(List<Change> changes, Optional<Connection> target, String schema,
                                        SafetySettings settings, Set<String> accepted) {
        Set<QualifiedName> created = new HashSet<>();
        for (Change c : changes) {
            if (c instanceof Change.CreateTable ct) {
                created.add(ct.table().name());
            }
        }
        List<Draft> drafts = new ArrayList<>();
        Map<String, Map.Entry<String, String>> conditions = new LinkedHashMap<>();
        boolean exclusive = false;
        for (Change c : changes) {
            if (c instanceof Change.DropTable d && d.table().isForeign()) {
                exclusive = true; // a foreign table holds no rows here: dropping it loses nothing, and reading it would query the remote server
            } else if (c instanceof Change.DropTable d) {
                exclusive = true;
                String t = d.table().name().name();
                drafts.add(new Draft(Rule.DROP_TABLE, "table " + t, t, null, null, null, accepted.contains("table " + t)));
            } else if (c instanceof Change.DropAttribute d && !d.typedTables().isEmpty()) {
                // ALTER TYPE ... DROP ATTRIBUTE ... CASCADE drops the column of every typed table of the type.
                exclusive = true;
                for (QualifiedName table : d.typedTables()) {
                    String t = table.name();
                    String key = "nonnull:" + t + "." + d.attribute().name();
                    conditions.put(key, Map.entry(t, Identifiers.quote(d.attribute().name()) + " IS NOT NULL"));
                    drafts.add(new Draft(Rule.DROP_COLUMN, "column " + t + "." + d.attribute().name(), t, key,
                            "non-null values", null, accepted.contains("column " + t + "." + d.attribute().name())));
                }
            } else if (c instanceof Change.DropColumn d && d.column().generatedExpr() != null) {
                exclusive = true; // a generated column's values are computed again from the others: nothing is lost
            } else if (c instanceof Change.DropColumn d) {
                exclusive = true;
                String t = d.table().name();
                String key = "nonnull:" + t + "." + d.column().name();
                conditions.put(key, Map.entry(t, Identifiers.quote(d.column().name()) + " IS NOT NULL"));
                drafts.add(new Draft(Rule.DROP_COLUMN, "column " + t + "." + d.column().name(), t, key, "non-null values",
                        null, accepted.contains("column " + t + "." + d.column().name())));
            } else if (c instanceof Change.AlterColumn a && !created.contains(a.table())) {
                exclusive = true;
                String t = a.table().name();
                String col = a.to().name();
                if (a.changes().contains(ColumnChange.TYPE)) {
                    String from = a.from().type().sql();
                    String to = a.to().type().sql();
                    TypeCasts.Kind kind = a.from().type().userType() != null || a.to().type().userType() != null
                            ? TypeCasts.Kind.LOSSY : TypeCasts.classify(from, to);
                    if (kind == TypeCasts.Kind.LOSSY) {
                        Optional<String> cond = TypeCasts.lossyCondition(Identifiers.quote(a.from().name()), from, to);
                        String key = cond.map(x -> "lossy:" + t + "." + col).orElse(null);
                        cond.ifPresent(x -> conditions.put(key, Map.entry(t, x)));
                        drafts.add(new Draft(Rule.NARROWING_TYPE, "column " + t + "." + col + " " + from + " -> " + to, t, key,
                                "values the cast changes or rejects", null, accepted.contains("type " + t + "." + col)));
                    } else if (kind == TypeCasts.Kind.REWRITE) {
                        drafts.add(new Draft(Rule.TYPE_REWRITE, "column " + t + "." + col + " " + from + " -> " + to, t,
                                null, null, null, false));
                    }
                }
                if (a.changes().contains(ColumnChange.NOT_NULL) && a.to().notNull() && !a.from().notNull()) {
                    String key = "nulls:" + t + "." + col;
                    conditions.put(key, Map.entry(t, Identifiers.quote(a.from().name()) + " IS NULL"));
                    drafts.add(new Draft(Rule.SET_NOT_NULL, "column " + t + "." + col, t, key, "NULLs", null, false));
                }
            } else if (c instanceof Change.AddColumn a && !created.contains(a.table())) {
                exclusive = true;
                Column col = a.column();
                String t = a.table().name();
                if (col.notNull() && col.defaultExpr() == null && col.identity() == null && col.generatedExpr() == null) {
                    drafts.add(new Draft(Rule.ADD_NOT_NULL_WITHOUT_DEFAULT, "column " + t + "." + col.name(), t, null, null,
                            null, false));
                }
                if (col.defaultExpr() != null && VOLATILE.matcher(col.defaultExpr()).find()) {
                    drafts.add(new Draft(Rule.VOLATILE_DEFAULT, "column " + t + "." + col.name() + " DEFAULT "
                            + col.defaultExpr(), t, null, null, null, false));
                }
            } else if (c instanceof Change.AddConstraint a && !created.contains(a.table())) {
                exclusive = true;
                String t = a.table().name();
                Constraint k = a.constraint();
                if (k instanceof Constraint.ForeignKey fk && !fk.notValid()
                        || k instanceof Constraint.Check ck && !ck.notValid()) {
                    drafts.add(new Draft(Rule.CONSTRAINT_WITHOUT_NOT_VALID, "constraint " + k.name() + " on " + t, t,
                            null, null, null, false));
                } else if (k instanceof Constraint.PrimaryKey || k instanceof Constraint.Unique) {
                    drafts.add(new Draft(Rule.UNIQUE_WITHOUT_INDEX, "constraint " + k.name() + " on " + t, t,
                            null, null, null, false));
                }
            } else if (c instanceof Change.CreateIndex ci && !created.contains(ci.index().table())) {
                String t = ci.index().table().name();
                drafts.add(new Draft(Rule.INDEX_NOT_CONCURRENT, "CREATE INDEX " + ci.index().name() + " on " + t, t,
                        null, null, null, false));
            } else if (c instanceof Change.DropIndex di) {
                String t = di.index().table().name();
                drafts.add(new Draft(Rule.INDEX_NOT_CONCURRENT, "DROP INDEX " + di.index().name() + " on " + t, t,
                        null, null, null, false));
            } else if (c instanceof Change.RenameTable r) {
                exclusive = true;
                drafts.add(new Draft(Rule.RENAME_TABLE, "table " + r.from().name() + " -> " + r.to().name(), null,
                        null, null, null, false));
            } else if (c instanceof Change.RenameColumn r) {
                exclusive = true;
                drafts.add(new Draft(Rule.RENAME_COLUMN, "column " + r.table().name() + "." + r.from() + " -> " + r.to(),
                        null, null, null, null, false));
            } else if (c instanceof Change.RenameEnumLabel r) {
                drafts.add(new Draft(Rule.RENAME_ENUM_LABEL, "enum " + r.type().name() + " label '" + r.from() + "' -> '"
                        + r.to() + "'", null, null, null, null, false));
            } else if (c instanceof Change.AlterTable || c instanceof Change.DropConstraint) {
                exclusive = true;
            }
        }
        if (exclusive && settings.lockTimeout() != null && settings.lockTimeout().matches("0+\\s*(us|ms|s|min|h|d)?")) {
            drafts.add(new Draft(Rule.NO_LOCK_TIMEOUT, "the change set (lock-timeout " + settings.lockTimeout() + ")", null,
                    null, null, null, false));
        }
        TargetStats stats = null;
        String unmeasured = "no target database reached: numbers not measured";
        if (target.isPresent()) {
            Set<String> tables = new TreeSet<>();
            drafts.stream().filter(d -> d.table() != null).forEach(d -> tables.add(d.table()));
            try {
                stats = tables.isEmpty() ? null
                        : TargetStats.measure(target.get(), schema, tables, conditions, settings.exactCountMaxRows());
            } catch (SQLException e) {
                unmeasured = "numbers not measured: " + e.getMessage().strip();
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (Draft d : drafts) {
            Severity severity = settings.severity(d.rule());
            if (severity == null) {
                continue;
            }
            String numbers;
            TargetStats.Rows rows = stats == null || d.table() == null ? null : stats.rows(d.table());
            if (d.table() == null) {
                numbers = null;
            } else if (stats == null) {
                numbers = unmeasured;
            } else if (rows == null) {
                numbers = "the target has no table " + d.table() + " yet";
            } else {
                numbers = rows.describe();
                if (d.conditionKey() != null) {
                    Long v = stats.value(d.conditionKey());
                    numbers += v == null ? ", " + d.conditionLabel() + " not counted" : String.format(", %,d %s", v, d.conditionLabel());
                }
            }
            if (rows != null && rows.exact() && rows.count() == 0 && severity != Severity.INFO
                    && d.rule() != Rule.RENAME_TABLE && d.rule() != Rule.RENAME_COLUMN) {
                severity = d.rule().dataLoss() ? Severity.WARNING : Severity.INFO;
            }
            if (d.rule() == Rule.SET_NOT_NULL && stats != null && d.conditionKey() != null) {
                Long nulls = stats.value(d.conditionKey());
                if (nulls != null && nulls > 0) {
                    severity = Severity.ERROR;
                    numbers += ": the migration would fail; backfill them first";
                }
            }
            if (d.rule() == Rule.ADD_NOT_NULL_WITHOUT_DEFAULT && rows != null && rows.count() > 0) {
                severity = Severity.ERROR;
            }
            findings.add(new Finding(d.rule(), severity, d.object(), numbers, d.acceptable()));
        }
        return findings;
    }

    /** The findings that stop generation: errors of data-loss rules the model does not accept, and other errors. */
    public static List<Finding> refusals(List<Finding> findings) {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR && !f.accepted()).toList();
    }
}
