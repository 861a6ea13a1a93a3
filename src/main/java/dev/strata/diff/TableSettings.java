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
