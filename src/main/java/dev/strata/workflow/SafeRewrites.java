package dev.strata.workflow;

import dev.strata.diff.Change;
import dev.strata.diff.ColumnChange;
import dev.strata.model.Constraint;
import dev.strata.model.QualifiedName;
import dev.strata.model.Schema;
import dev.strata.model.Table;
import dev.strata.sql.Identifiers;
import dev.strata.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SafeRewrites writes the zero-downtime form of the changes that lock or scan a table that already
 * exists (strata.edn {@code :safety {:safe true}}, the default), the way a careful person writes
 * them by hand. Each rewritten change runs outside a transaction, statement by statement, so no
 * long lock is held across a scan; {@link MigrationMaker#split} gives such changes files of their
 * own ({@code :transaction false}). Every form leaves the same catalog as the plain one, so up and
 * down keep converging:
 * <ul>
 * <li>SET NOT NULL: {@code ADD CONSTRAINT c CHECK (col IS NOT NULL) NOT VALID}, {@code VALIDATE
 *     CONSTRAINT c} (no write lock while it scans), {@code SET NOT NULL} (which uses the valid
 *     check and skips its own scan), {@code DROP CONSTRAINT c};</li>
 * <li>a foreign key or CHECK: added {@code NOT VALID}, then {@code VALIDATE CONSTRAINT};</li>
 * <li>an index: {@code CREATE / DROP INDEX CONCURRENTLY} (and the down too);</li>
 * <li>a plain PRIMARY KEY or UNIQUE: {@code CREATE UNIQUE INDEX CONCURRENTLY}, then {@code ADD
 *     CONSTRAINT ... USING INDEX}.</li>
 * </ul>
 * Tables created in the same change set, and partitioned tables (where PostgreSQL refuses
 * CONCURRENTLY and NOT VALID foreign keys), keep the plain form.
 */
public final class SafeRewrites {
    private static final Pattern CREATE_INDEX = Pattern.compile("(?is)^CREATE\\s+(UNIQUE\\s+)?INDEX\\s+(?!CONCURRENTLY\\b)");
    private static final Pattern DROP_INDEX = Pattern.compile("(?is)^DROP\\s+INDEX\\s+(?!CONCURRENTLY\\b)");

    private SafeRewrites() {
    }

    /** The changes with the safe form where one applies; the others as they are. */
    public static List<PlannedChange> apply(List<PlannedChange> changes, Schema current) {
        Set<QualifiedName> created = new HashSet<>();
        for (PlannedChange p : changes) {
            if (p.change() instanceof Change.CreateTable ct) {
                created.add(ct.table().name());
            }
        }
        List<PlannedChange> out = new ArrayList<>(changes.size());
        for (PlannedChange p : changes) {
            out.add(rewrite(p, current, created));
        }
        return List.copyOf(out);
    }

    private static PlannedChange rewrite(PlannedChange p, Schema current, Set<QualifiedName> created) {
        Change c = p.change();
        if (c instanceof Change.AlterColumn a && a.changes().equals(EnumSet.of(ColumnChange.NOT_NULL))
                && a.to().notNull() && a.descendants().isEmpty() && existing(current, a.table(), created)) {
            return notNull(p, a);
        }
        if (c instanceof Change.AddConstraint a && existing(current, a.table(), created) && !partitioned(current, a.table())) {
            Constraint k = a.constraint();
            if (k instanceof Constraint.Check ck && !ck.notValid() && !ck.noInherit()
                    || k instanceof Constraint.ForeignKey fk && !fk.notValid()) {
                return notValidThenValidate(p, a);
            }
            if (k instanceof Constraint.PrimaryKey pk && pk.include().isEmpty() && pk.storage().isEmpty() && !pk.deferrable()) {
                return usingIndex(p, a, "PRIMARY KEY", pk.columns());
            }
            if (k instanceof Constraint.Unique u && u.include().isEmpty() && u.storage().isEmpty() && !u.deferrable()
                    && !u.nullsNotDistinct()) {
                return usingIndex(p, a, "UNIQUE", u.columns());
            }
        }
        if (c instanceof Change.CreateIndex ci && existing(current, ci.index().table(), created)
                && !partitioned(current, ci.index().table())) {
            return new PlannedChange(c, concurrently(p.up()), concurrently(p.down()));
        }
        if (c instanceof Change.DropIndex di && !partitioned(current, di.index().table())) {
            return new PlannedChange(c, concurrently(p.up()), concurrently(p.down()));
        }
        return p;
    }

    /**
     * The findings ({@code rule-id object}) that the safe form of these changes avoids: an index
     * built CONCURRENTLY, a constraint added NOT VALID and validated apart, a key added USING INDEX,
     * SET NOT NULL through a validated check. Only changes that run outside a transaction count.
     */
    public static Set<String> avoidedFindings(List<PlannedChange> changes) {
        Set<String> keys = new HashSet<>();
        for (PlannedChange p : changes) {
            if (p.transactional()) {
                continue;
            }
            Change c = p.change();
            if (c instanceof Change.CreateIndex ci) {
                keys.add("index-not-concurrently CREATE INDEX " + ci.index().name() + " on " + ci.index().table().name());
            } else if (c instanceof Change.DropIndex di) {
                keys.add("index-not-concurrently DROP INDEX " + di.index().name() + " on " + di.index().table().name());
            } else if (c instanceof Change.AddConstraint a) {
                String object = "constraint " + a.constraint().name() + " on " + a.table().name();
                keys.add("constraint-without-not-valid " + object);
                keys.add("unique-without-index " + object);
            } else if (c instanceof Change.AlterColumn a) {
                keys.add("set-not-null column " + a.table().name() + "." + a.to().name());
            }
        }
        return keys;
    }

    private static PlannedChange notNull(PlannedChange p, Change.AlterColumn a) {
        String table = Identifiers.quote(a.table());
        String column = Identifiers.quote(a.to().name());
        String check = Identifiers.quote(name(a.table().name() + "_" + a.to().name() + "_not_null"));
        List<Statement> up = new ArrayList<>();
        up.add(new Statement("ALTER TABLE " + table + " ADD CONSTRAINT " + check + " CHECK (" + column
                + " IS NOT NULL) NOT VALID", false));
        up.add(new Statement("ALTER TABLE " + table + " VALIDATE CONSTRAINT " + check, false));
        up.add(new Statement("ALTER TABLE " + table + " ALTER COLUMN " + column + " SET NOT NULL", false));
        up.add(new Statement("ALTER TABLE " + table + " DROP CONSTRAINT " + check, false));
        return new PlannedChange(a, up, nonTransactional(p.down()));
    }

    private static PlannedChange notValidThenValidate(PlannedChange p, Change.AddConstraint a) {
        List<Statement> up = new ArrayList<>();
        String add = p.up().get(0).sql();
        up.add(new Statement(add + " NOT VALID", false));
        up.add(new Statement("ALTER TABLE " + Identifiers.quote(a.table()) + " VALIDATE CONSTRAINT "
                + Identifiers.quote(a.constraint().name()), false));
        p.up().subList(1, p.up().size()).forEach(s -> up.add(new Statement(s.sql(), false)));
        return new PlannedChange(a, up, nonTransactional(p.down()));
    }

    private static PlannedChange usingIndex(PlannedChange p, Change.AddConstraint a, String kind, List<String> columns) {
        String name = Identifiers.quote(a.constraint().name());
        List<Statement> up = new ArrayList<>();
        up.add(new Statement("CREATE UNIQUE INDEX CONCURRENTLY " + name + " ON " + Identifiers.quote(a.table()) + " ("
                + String.join(", ", columns.stream().map(Identifiers::quote).toList()) + ")", false));
        up.add(new Statement("ALTER TABLE " + Identifiers.quote(a.table()) + " ADD CONSTRAINT " + name + " " + kind
                + " USING INDEX " + name, false));
        p.up().subList(1, p.up().size()).forEach(s -> up.add(new Statement(s.sql(), false)));
        return new PlannedChange(a, up, nonTransactional(p.down()));
    }

    private static List<Statement> concurrently(List<Statement> statements) {
        List<Statement> out = new ArrayList<>();
        for (Statement s : statements) {
            Matcher create = CREATE_INDEX.matcher(s.sql());
            Matcher drop = DROP_INDEX.matcher(s.sql());
            String sql = create.find() ? create.replaceFirst("CREATE " + (create.group(1) == null ? "" : "UNIQUE ")
                    + "INDEX CONCURRENTLY ")
                    : drop.find() ? drop.replaceFirst("DROP INDEX CONCURRENTLY ") : s.sql();
            out.add(new Statement(sql, false));
        }
        return out;
    }

    private static List<Statement> nonTransactional(List<Statement> statements) {
        return statements.stream().map(s -> new Statement(s.sql(), false)).toList();
    }

    private static boolean existing(Schema current, QualifiedName table, Set<QualifiedName> created) {
        return !created.contains(table) && current.tables().stream().anyMatch(t -> t.name().equals(table));
    }

    private static boolean partitioned(Schema current, QualifiedName table) {
        return current.tables().stream().filter(t -> t.name().equals(table)).findFirst()
                .map(Table::lineage).map(l -> l.isPartitioned() || l.isPartition()).orElse(false);
    }

    /** A constraint name of at most 63 bytes, as PostgreSQL keeps them. */
    private static String name(String wanted) {
        return wanted.length() <= 63 ? wanted : wanted.substring(0, 63);
    }
}
