package dev.strata.diff;

import dev.strata.model.Table;
import java.util.EnumSet;
import java.util.Objects;

/** TableSettings compares the table settings that name an index: replica identity and CLUSTER ON. */
final class TableSettings {
    /** The table changes that name an index. */
    static final EnumSet<TableChange> INDEX_SETTINGS = EnumSet.of(TableChange.REPLICA_IDENTITY, TableChange.CLUSTER);

    private TableSettings() {
    }

    /**
     * The changes from {@code c} (current) to {@code d} (desired), in two steps: what no longer
     * names an index (DEFAULT / FULL / NOTHING, SET WITHOUT CLUSTER) under the current table name,
     * planned before indexes are dropped; then what names an index (USING INDEX, CLUSTER ON),
     * planned once indexes exist. So neither the up nor the down names an index that is not there.
     */
    static java.util.List<Change.AlterTable> alters(Table c, Table d) {
        EnumSet<TableChange> changes = changes(c, d);
        if (changes.isEmpty()) {
            return java.util.List.of();
        }
        boolean replica = changes.contains(TableChange.REPLICA_IDENTITY);
        boolean cluster = changes.contains(TableChange.CLUSTER);
        boolean replicaLater = replica && "INDEX".equals(d.replicaIdentity());
        Table mid = c.withIndexSettings(
                replica ? (replicaLater ? null : d.replicaIdentity()) : c.replicaIdentity(),
                replica ? null : c.replicaIdentityIndex(),
                cluster ? null : c.clusterOn());
        java.util.List<Change.AlterTable> out = new java.util.ArrayList<>();
        EnumSet<TableChange> early = changes(c, mid);
        if (!early.isEmpty()) {
            out.add(new Change.AlterTable(c, mid, early));
        }
        Table midRenamed = d.withIndexSettings(mid.replicaIdentity(), mid.replicaIdentityIndex(), mid.clusterOn());
        EnumSet<TableChange> late = changes(midRenamed, d);
        if (!late.isEmpty()) {
            out.add(new Change.AlterTable(midRenamed, d, late));
        }
        return out;
    }

    /** Whether an AlterTable of only these settings names an index in its up ({@code to}). */
    static boolean namesIndex(Table to, EnumSet<TableChange> changes) {
        return changes.contains(TableChange.CLUSTER) && to.clusterOn() != null
                || changes.contains(TableChange.REPLICA_IDENTITY) && "INDEX".equals(to.replicaIdentity());
    }

    static EnumSet<TableChange> changes(Table from, Table to) {
        EnumSet<TableChange> changes = EnumSet.noneOf(TableChange.class);
        if (!Objects.equals(from.replicaIdentity(), to.replicaIdentity())
                || !Objects.equals(from.replicaIdentityIndex(), to.replicaIdentityIndex())) {
            changes.add(TableChange.REPLICA_IDENTITY);
        }
        if (!Objects.equals(from.clusterOn(), to.clusterOn())) {
            changes.add(TableChange.CLUSTER);
        }
        return changes;
    }
}
