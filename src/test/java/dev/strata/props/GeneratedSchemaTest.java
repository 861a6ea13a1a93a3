package dev.strata.props;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.catalog.CatalogReader;
import dev.strata.compile.DdlCompiler;
import dev.strata.model.Column;
import dev.strata.model.Constraint;
import dev.strata.model.EnumType;
import dev.strata.model.Index;
import dev.strata.model.Schema;
import dev.strata.model.Table;
import java.sql.SQLException;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every generated schema, A and B of every pair, is valid PostgreSQL: compiled with
 * {@link DdlCompiler} it applies to an empty database, and the catalog then holds exactly the
 * objects the model names, with the column types, nullability, identity and collation it gave.
 */
class GeneratedSchemaTest {

    @Provide
    Arbitrary<SchemaPair> pairs() {
        return SchemaArbitraries.pairs();
    }

    @Property(tries = 60)
    void bothSchemasOfAPairApplyAndReadBackAsGenerated(@ForAll("pairs") SchemaPair pair) throws SQLException {
        applyAndCompare(pair.a());
        applyAndCompare(pair.b());
    }

    private static void applyAndCompare(Schema model) throws SQLException {
        List<String> ddl = DdlCompiler.compile(model);
        try (TryDatabases.Db db = TryDatabases.get().create()) {
            db.run(ddl);
            Schema read = CatalogReader.read(db.connection, "public");
            String script = String.join(";\n", ddl);
            assertEquals(outline(model), outline(read), "catalog differs from the generated model; DDL:\n" + script);
        }
    }

    /**
     * What the catalog must reproduce exactly, whatever form it prints expressions in. Collations
     * are SQL on both sides ({@code "C"}).
     */
    static String outline(Schema s) {
        StringBuilder out = new StringBuilder();
        for (EnumType e : s.enums()) {
            out.append("enum ").append(e.name().name()).append(' ').append(e.labels()).append('\n');
        }
        s.sequences().forEach(q -> out.append("sequence ").append(q.name().name()).append(" +").append(q.increment())
                .append(q.cycle() ? " cycle" : "").append('\n'));
        for (Table t : s.tables()) {
            out.append("table ").append(t.name().name()).append(t.rowLevelSecurity() ? " rls" : "")
                    .append(t.forceRowLevelSecurity() ? " force-rls" : "").append(t.unlogged() ? " unlogged" : "")
                    .append(" with=").append(t.storage()).append(" comment=").append(t.comment())
                    .append(t.replicaIdentity() == null ? "" : " replica " + t.replicaIdentity())
                    .append(t.lineage().equals(dev.strata.model.TableLineage.NONE) ? "" : " " + t.lineage()).append('\n');
            for (Column c : t.columns()) {
                out.append("  ").append(c.name()).append(' ').append(c.type().sql())
                        .append(c.notNull() ? " not null" : "").append(c.identity() == null ? "" : " identity " + c.identity()
                                + " " + c.identitySequence())
                        .append(c.statistics() == null ? "" : " statistics " + c.statistics())
                        .append(c.generatedExpr() == null ? "" : " generated").append(c.defaultExpr() == null ? "" : " default")
                        .append(c.collation() == null ? "" : " collate " + c.collation())
                        .append(" comment=").append(c.comment()).append('\n');
            }
            for (Constraint k : t.constraints()) {
                out.append("  ").append(k.getClass().getSimpleName()).append(' ').append(k.name()).append(' ')
                        .append(constraintColumns(k)).append('\n');
            }
            for (Index i : t.indexes()) {
                out.append("  index ").append(i.name()).append(i.unique() ? " unique " : " ").append(i.method())
                        .append(i.where() == null ? "" : " partial").append(" keys=").append(i.keys().size())
                        .append(" options=").append(i.keys().stream().map(GeneratedSchemaTest::keyOptions).toList())
                        .append(" with=").append(i.storage()).append(" comment=").append(i.comment()).append('\n');
            }
        }
        s.views().forEach(v -> out.append(v.materialized() ? "materialized view " : "view ").append(v.name().name()).append('\n'));
        s.functions().forEach(f -> out.append("function ").append(f.name().name()).append('\n'));
        s.triggers().forEach(g -> out.append("trigger ").append(g.table().name()).append('.').append(g.name()).append('\n'));
        s.policies().forEach(p -> out.append("policy ").append(p.table().name()).append('.').append(p.name()).append('\n'));
        return out.toString();
    }

    /** A key's options (COLLATE, opclass, DESC, NULLS), whatever form its column or expression is printed in. */
    private static String keyOptions(String key) {
        dev.strata.sql.IndexKeyParts parts = dev.strata.sql.IndexKeyParts.parse(key);
        if (parts == null) {
            return "?";
        }
        return parts.collation() + " " + parts.opclass() + " " + parts.order() + " " + parts.nulls();
    }

    private static String constraintColumns(Constraint k) {
        if (k instanceof Constraint.PrimaryKey) {
            return ((Constraint.PrimaryKey) k).columns().toString();
        } else if (k instanceof Constraint.Unique) {
            return ((Constraint.Unique) k).columns().toString();
        } else if (k instanceof Constraint.ForeignKey) {
            Constraint.ForeignKey fk = (Constraint.ForeignKey) k;
            return fk.columns() + " -> " + fk.refTable().name() + fk.refColumns() + " on delete " + fk.onDelete()
                    + " on update " + fk.onUpdate() + (fk.deferrable() ? " deferrable" : "")
                    + (fk.initiallyDeferred() ? " initially deferred" : "");
        } else if (k instanceof Constraint.Check || k instanceof Constraint.Exclusion) {
            return "";
        }
        throw new IllegalStateException("unsupported constraint " + k);
    }
}
