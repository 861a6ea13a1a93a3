package dev.strata.workflow;

import dev.strata.load.LoadedModel;
import dev.strata.model.QualifiedName;
import dev.strata.model.Schema;
import dev.strata.model.Sequence;
import dev.strata.model.SequenceOwner;
import dev.strata.model.Table;
import dev.strata.pg.DevServer;
import java.util.List;

/**
 * Drift compares a live schema with the model: the changes that would bring the live schema in
 * line, with their SQL. The live side is read by the caller; Strata's own history table is left
 * out of the comparison, since no model holds it.
 */
public final class Drift {
    private Drift() {
    }

    /**
     * The changes from {@code live} (already without the history table) to the model.
     *
     * @throws dev.strata.StrataException {@code INVALID_MODEL} when PostgreSQL rejects the model's
     *                                    DDL, {@code REFUSED_CHANGE} when the differ refuses a change
     */
    public static List<PlannedChange> of(LoadedModel model, Schema live, DevServer dev) {
        return SchemaChanges.between(live, ModelCatalog.desired(model, dev), model.hints(), dev.major());
    }

    /** The schema without one table (by unqualified name) and the sequences it owns. */
    public static Schema withoutTable(Schema schema, String table) {
        List<Table> tables = schema.tables().stream()
                .filter(t -> !(t.name().schema() == null && t.name().name().equals(table))).toList();
        List<Sequence> sequences = schema.sequences().stream()
                .filter(s -> s.ownedBy() == null || !SequenceOwner.of(s).table().equals(QualifiedName.of(table))).toList();
        return new Schema(schema.extensions(), schema.enums(), sequences, tables, schema.views(), schema.functions(),
                schema.triggers(), schema.policies(), schema.domains(), schema.compositeTypes(), schema.namespaces(), schema.targetComment(), schema.collations(), schema.operators(), schema.textSearch(), schema.accessMethods(), schema.wrappers(), schema.servers(), schema.rangeTypes(),
                schema.statistics().stream().filter(x -> !(x.table().schema() == null && x.table().name().equals(table))).toList());
    }
}
