package dev.strata.diff;

import dev.strata.load.Names;
import dev.strata.model.Column;
import dev.strata.model.IdentitySequence;
import dev.strata.model.QualifiedName;
import java.util.EnumSet;
import java.util.Objects;

/**
 * ColumnSettings compares the per-column settings that sit beside a column's definition: the
 * identity sequence's name and options, the statistics target, storage, compression and
 * attribute options.
 */
final class ColumnSettings {
    private ColumnSettings() {
    }

    /** What differs between {@code from} (of {@code currentTable}) and {@code to} (of {@code table}). */
    static EnumSet<ColumnChange> changes(QualifiedName currentTable, QualifiedName table, Column from, Column to) {
        EnumSet<ColumnChange> changes = EnumSet.noneOf(ColumnChange.class);
        if (from.identity() != null && to.identity() != null
                && !identitySequence(currentTable, from).equals(identitySequence(table, to))) {
            changes.add(ColumnChange.IDENTITY_SEQUENCE);
        }
        if (!Objects.equals(from.statistics(), to.statistics())) {
            changes.add(ColumnChange.STATISTICS);
        }
        if (!Objects.equals(from.storage(), to.storage())) {
            changes.add(ColumnChange.STORAGE);
        }
        if (!Objects.equals(from.compression(), to.compression())) {
            changes.add(ColumnChange.COMPRESSION);
        }
        if (!from.options().equals(to.options())) {
            changes.add(ColumnChange.OPTIONS);
        }
        if (!from.fdwOptions().equals(to.fdwOptions())) {
            changes.add(ColumnChange.FDW_OPTIONS);
        }
        return changes;
    }

    /** The column's identity sequence, PostgreSQL's defaults filled in when the record has none. */
    static IdentitySequence identitySequence(QualifiedName table, Column column) {
        return column.identitySequenceOr(Names.objectName(table.name(), column.name(), "seq"));
    }
}
