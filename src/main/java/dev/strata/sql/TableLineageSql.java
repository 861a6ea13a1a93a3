package dev.strata.sql;

import dev.strata.diff.TableChange;
import dev.strata.model.QualifiedName;
import dev.strata.model.Table;
import dev.strata.model.TableLineage;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

/**
 * TableLineageSql renders the lineage changes of an {@code AlterTable}: a partition detached from
 * its old parent and attached to its new one with its new bound, INHERITS parents removed and
 * added, a typed table's type. The reverse is the same rendering from {@code to} back to
 * {@code from}.
 */
final class TableLineageSql {
    private TableLineageSql() {
    }

    static List<String> alter(Table from, Table to, EnumSet<TableChange> changes) {
        List<String> sql = new ArrayList<>();
        TableLineage a = from.lineage();
        TableLineage b = to.lineage();
        String name = Identifiers.quote(to.name());
        if (changes.contains(TableChange.TYPE_OF) && a.ofType() != null) {
            sql.add("ALTER TABLE " + name + " NOT OF");
        }
        if (changes.contains(TableChange.PARTITION) && a.isPartition()) {
            sql.add(Ddl.detachPartition(a.partitionOf(), to.name()));
        }
        if (changes.contains(TableChange.INHERITANCE)) {
            // New parents that come first are attached before the old ones are detached: a column
            // both give then never loses its last parent, which would make it the child's own.
            int common = TableLineage.commonPrefix(a.inherits(), b.inherits());
            List<QualifiedName> early = TableLineage.attachedFirst(a.inherits(), b.inherits());
            for (QualifiedName parent : early) {
                sql.add("ALTER TABLE " + name + " INHERIT " + Identifiers.quote(parent));
            }
            for (QualifiedName parent : a.inherits().subList(common, a.inherits().size())) {
                sql.add("ALTER TABLE " + name + " NO INHERIT " + Identifiers.quote(parent));
            }
            for (QualifiedName parent : b.inherits().subList(common + early.size(), b.inherits().size())) {
                sql.add("ALTER TABLE " + name + " INHERIT " + Identifiers.quote(parent));
            }
        }
        if (changes.contains(TableChange.PARTITION) && b.isPartition()) {
            sql.add(Ddl.attachPartition(b.partitionOf(), to.name(), b.partitionBound()));
        }
        if (changes.contains(TableChange.TYPE_OF) && b.ofType() != null
                && !Objects.equals(a.ofType(), b.ofType())) {
            sql.add("ALTER TABLE " + name + " OF " + Identifiers.quote(b.ofType()));
        }
        return sql;
    }
}
