package dev.strata.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Table represents a table with its columns (in position order), constraints and indexes (each
 * sorted by name), its row-level-security flags, its comment and its table options.
 *
 * @param unlogged              {@code CREATE UNLOGGED TABLE}
 * @param storage               storage parameters ({@code WITH (fillfactor=80)}), name to value as
 *                              PostgreSQL stores them, sorted by name; empty when none
 * @param forceRowLevelSecurity {@code ALTER TABLE ... FORCE ROW LEVEL SECURITY}
 * @param replicaIdentity       {@code FULL}, {@code NOTHING} or {@code INDEX} ({@code REPLICA IDENTITY
 *                              USING INDEX}), or {@code null} for {@code DEFAULT}
 * @param replicaIdentityIndex  the index of {@code REPLICA IDENTITY USING INDEX}, else {@code null}
 * @param clusterOn             the index of {@code ALTER TABLE ... CLUSTER ON}, or {@code null}
 * @param lineage               partitioning, partition parent and bound, INHERITS parents, OF type;
 *                              {@link TableLineage#NONE} for a plain table. The columns of a
 *                              partition, and the inherited columns of a child, are not in
 *                              {@code columns}: they come from the parent.
 */
public record Table(
        QualifiedName name,
        List<Column> columns,
        List<Constraint> constraints,
        List<Index> indexes,
        boolean rowLevelSecurity,
        String comment,
        boolean unlogged,
        SortedMap<String, String> storage,
        boolean forceRowLevelSecurity,
        String replicaIdentity,
        String replicaIdentityIndex,
        String clusterOn,
        TableLineage lineage,
        String accessMethod,
        ForeignData.Table foreign) {

    public Table {
        lineage = lineage == null ? TableLineage.NONE : lineage;
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        constraints = List.copyOf(constraints);
        indexes = List.copyOf(indexes);
        storage = StorageParameters.copyOf(storage);
    }

    /** A table of the default access method (heap). */
    public Table(QualifiedName name, List<Column> columns, List<Constraint> constraints, List<Index> indexes,
                 boolean rowLevelSecurity, String comment, boolean unlogged, SortedMap<String, String> storage,
                 boolean forceRowLevelSecurity, String replicaIdentity, String replicaIdentityIndex, String clusterOn,
                 TableLineage lineage) {
        this(name, columns, constraints, indexes, rowLevelSecurity, comment, unlogged, storage, forceRowLevelSecurity,
                replicaIdentity, replicaIdentityIndex, clusterOn, lineage, null, null);
    }

    /** An ordinary table (not a foreign table). */
    public Table(QualifiedName name, List<Column> columns, List<Constraint> constraints, List<Index> indexes,
                 boolean rowLevelSecurity, String comment, boolean unlogged, SortedMap<String, String> storage,
                 boolean forceRowLevelSecurity, String replicaIdentity, String replicaIdentityIndex, String clusterOn,
                 TableLineage lineage, String accessMethod) {
        this(name, columns, constraints, indexes, rowLevelSecurity, comment, unlogged, storage, forceRowLevelSecurity,
                replicaIdentity, replicaIdentityIndex, clusterOn, lineage, accessMethod, null);
    }

    /** This table with another table access method ({@code null} for heap, the default). */
    public Table withAccessMethod(String newAccessMethod) {
        return new Table(name, columns, constraints, indexes, rowLevelSecurity, comment, unlogged, storage,
                forceRowLevelSecurity, replicaIdentity, replicaIdentityIndex, clusterOn, lineage, newAccessMethod,
                foreign);
    }

    /** This table as a foreign table of a server ({@code null}: an ordinary table). */
    public Table withForeign(ForeignData.Table newForeign) {
        return new Table(name, columns, constraints, indexes, rowLevelSecurity, comment, unlogged, storage,
                forceRowLevelSecurity, replicaIdentity, replicaIdentityIndex, clusterOn, lineage, accessMethod,
                newForeign);
    }

    /** Whether this is a foreign table ({@code CREATE FOREIGN TABLE ... SERVER s}). */
    public boolean isForeign() {
        return foreign != null;
    }

    /** A table without partitioning, partition bound, inheritance or type (see {@link TableLineage#NONE}). */
    public Table(QualifiedName name, List<Column> columns, List<Constraint> constraints, List<Index> indexes,
                 boolean rowLevelSecurity, String comment, boolean unlogged, SortedMap<String, String> storage,
                 boolean forceRowLevelSecurity, String replicaIdentity, String replicaIdentityIndex, String clusterOn) {
        this(name, columns, constraints, indexes, rowLevelSecurity, comment, unlogged, storage, forceRowLevelSecurity,
                replicaIdentity, replicaIdentityIndex, clusterOn, TableLineage.NONE);
    }

    /** A table with REPLICA IDENTITY DEFAULT and not clustered. */
    public Table(QualifiedName name, List<Column> columns, List<Constraint> constraints, List<Index> indexes,
                 boolean rowLevelSecurity, String comment, boolean unlogged, SortedMap<String, String> storage,
                 boolean forceRowLevelSecurity, TableLineage lineage) {
        this(name, columns, constraints, indexes, rowLevelSecurity, comment, unlogged, storage, forceRowLevelSecurity,
                null, null, null, lineage);
    }

    /** A plain table with REPLICA IDENTITY DEFAULT and not clustered. */
    public Table(QualifiedName name, List<Column> columns, List<Constraint> constraints, List<Index> indexes,
                 boolean rowLevelSecurity, String comment, boolean unlogged, SortedMap<String, String> storage,
                 boolean forceRowLevelSecurity) {
        this(name, columns, constraints, indexes, rowLevelSecurity, comment, unlogged, storage, forceRowLevelSecurity,
                null, null, null, TableLineage.NONE);
    }

    /** A logged table without storage parameters or FORCE ROW LEVEL SECURITY. */
    public Table(QualifiedName name, List<Column> columns, List<Constraint> constraints, List<Index> indexes,
                 boolean rowLevelSecurity, String comment) {
        this(name, columns, constraints, indexes, rowLevelSecurity, comment, false, null, false);
    }

    /** This table with another replica identity and CLUSTER ON index, the rest kept. */
    public Table withIndexSettings(String newReplicaIdentity, String newReplicaIdentityIndex, String newClusterOn) {
        return new Table(name, columns, constraints, indexes, rowLevelSecurity, comment, unlogged, storage,
                forceRowLevelSecurity, newReplicaIdentity, newReplicaIdentityIndex, newClusterOn, lineage, accessMethod, foreign);
    }

    /** This table with another lineage. */
    public Table withLineage(TableLineage newLineage) {
        return new Table(name, columns, constraints, indexes, rowLevelSecurity, comment, unlogged, storage,
                forceRowLevelSecurity, replicaIdentity, replicaIdentityIndex, clusterOn, newLineage, accessMethod, foreign);
    }

    /** This table with other table options. */
    public Table withOptions(boolean newUnlogged, Map<String, String> newStorage, boolean newForceRowLevelSecurity) {
        return new Table(name, columns, constraints, indexes, rowLevelSecurity, comment, newUnlogged,
                StorageParameters.copyOf(newStorage), newForceRowLevelSecurity, replicaIdentity, replicaIdentityIndex,
                clusterOn, lineage, accessMethod, foreign);
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    public Optional<Constraint.PrimaryKey> primaryKey() {
        return constraints.stream()
                .filter(Constraint.PrimaryKey.class::isInstance)
                .map(Constraint.PrimaryKey.class::cast)
                .findFirst();
    }

    public <T extends Constraint> List<T> constraints(Class<T> kind) {
        return constraints.stream().filter(kind::isInstance).map(kind::cast).toList();
    }
}
