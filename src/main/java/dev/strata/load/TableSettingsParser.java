package dev.strata.load;

import dev.strata.edn.EdnPrinter;
import dev.strata.model.Constraint;
import dev.strata.model.Index;
import dev.strata.model.Table;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import us.bpsm.edn.Keyword;

/**
 * TableSettingsParser reads the table options that name an index: {@code :replica-identity}
 * ({@code :default}, {@code :full}, {@code :nothing} or {@code {:using-index :index-name}}) and
 * {@code :cluster-on :index-name}. An index is named as an index or a primary key or unique
 * constraint of the table (its index has the constraint's name).
 */
final class TableSettingsParser {
    /** What the options say: replica identity FULL, NOTHING, INDEX or null, its index, the CLUSTER ON index. */
    record Settings(String replicaIdentity, String replicaIdentityIndex, String clusterOn, String accessMethod,
                    dev.strata.model.ForeignData.Table foreign) {
        static final Settings NONE = new Settings(null, null, null, null, null);

        Settings withForeign(dev.strata.model.ForeignData.Table newForeign) {
            return new Settings(replicaIdentity, replicaIdentityIndex, clusterOn, accessMethod, newForeign);
        }
    }

    private final Location where;
    private final String subject;
    private final Problems problems;

    TableSettingsParser(Location where, String subject, Problems problems) {
        this.where = where;
        this.subject = subject;
        this.problems = problems;
    }

    Settings parse(Object replicaIdentity, Object clusterOn, Object accessMethod) {
        String identity = null;
        String identityIndex = null;
        if (replicaIdentity instanceof Keyword k && !FieldParser.hasPrefix(k)
                && Set.of("default", "full", "nothing").contains(k.getName())) {
            identity = k.getName().equals("default") ? null : k.getName().toUpperCase(java.util.Locale.ROOT);
        } else if (replicaIdentity instanceof Map<?, ?> m && m.size() == 1 && name(m.get(kw("using-index"))) != null) {
            identity = "INDEX";
            identityIndex = name(m.get(kw("using-index")));
        } else if (replicaIdentity != null) {
            problems.add(where, subject, "bad :replica-identity " + EdnPrinter.flat(replicaIdentity),
                    "write :replica-identity :default, :full, :nothing or {:using-index :index-name}");
        }
        String cluster = null;
        if (clusterOn != null) {
            cluster = name(clusterOn);
            if (cluster == null) {
                problems.add(where, subject, "bad :cluster-on " + EdnPrinter.flat(clusterOn),
                        "write :cluster-on :index-name, naming an index or a primary key or unique constraint");
            }
        }
        String method = null;
        if (accessMethod != null) {
            method = name(accessMethod);
            if (method == null) {
                problems.add(where, subject, "bad :access-method " + EdnPrinter.flat(accessMethod),
                        "write :access-method :columnar (a table access method: heap, or one of an extension)");
            } else if (method.equals("heap")) {
                method = null;
            }
        }
        return new Settings(identity, identityIndex, cluster, method, null);
    }

    /** Problems when the indexes named are not the table's. */
    static void check(Table table, Location where, String subject, Problems problems) {
        Set<String> indexes = new HashSet<>();
        table.indexes().forEach(i -> indexes.add(i.name()));
        Set<String> unique = new HashSet<>();
        table.indexes().stream().filter(i -> i.unique() && i.where() == null).map(Index::name).forEach(unique::add);
        for (Constraint c : table.constraints()) {
            if (c instanceof Constraint.PrimaryKey || c instanceof Constraint.Unique
                    || c instanceof Constraint.Exclusion) {
                indexes.add(c.name());
                if (!(c instanceof Constraint.Exclusion)) {
                    unique.add(c.name());
                }
            }
        }
        if (table.replicaIdentityIndex() != null && !unique.contains(table.replicaIdentityIndex())) {
            problems.add(where, subject, ":replica-identity {:using-index " + table.replicaIdentityIndex()
                            + "} names no unique index, primary key or unique constraint of table " + table.name().name(),
                    "name one of " + (unique.isEmpty() ? "(none: add a unique index or key first)" : unique));
        }
        if (table.clusterOn() != null && !indexes.contains(table.clusterOn())) {
            problems.add(where, subject, ":cluster-on " + table.clusterOn() + " names no index of table "
                    + table.name().name(), "name one of " + (indexes.isEmpty() ? "(none: add an index first)" : indexes));
        }
    }

    private static String name(Object v) {
        return v instanceof Keyword || v instanceof String s && !s.isEmpty() ? Names.identifier(v) : null;
    }

    private static Keyword kw(String name) {
        return Keyword.newKeyword(name);
    }
}
