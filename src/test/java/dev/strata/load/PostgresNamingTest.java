package dev.strata.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.model.Column;
import dev.strata.model.Constraint;
import dev.strata.model.EnumType;
import dev.strata.model.Index;
import dev.strata.model.Schema;
import dev.strata.model.Table;
import dev.strata.pg.ScratchDatabase;
import dev.strata.sql.Identifiers;
import dev.strata.testing.WithPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Creates the loaded tables in PostgreSQL with every constraint and index left unnamed, and checks
 * that PostgreSQL picks exactly the names the loader generated; the column types' SQL must be
 * accepted as written.
 */
@WithPostgres
class PostgresNamingTest {
    @TempDir
    Path dir;

    @Test
    void generatedNamesAreThePostgresDefaults(ScratchDatabase db) throws Exception {
        String longTable = "t".repeat(45);
        String longColumn = "c".repeat(50);
        Schema s = new ModelTree(dir.resolve("db")).file("shared/models.edn", "{"
                + ":status {:type :enum :choices [\"on\" \"off\"]}\n"
                + ":" + longTable + " [[:id :serial {:primary-key true}]\n"
                + "   [:" + longColumn + " :text {:unique true :check [:<> :" + longColumn + " \"\"]}]\n"
                + "   [:other-id :uuid {:foreign-key :other/id :on-delete :cascade}]]\n"
                + ":other {:fields [[:id :uuid {:primary-key true :default [:gen_random_uuid]}]\n"
                + "                 [:x :text {:unique true}] [:y :text] [:state :status {:default \"on\"}]\n"
                + "                 [:amount [:numeric 10 2] {:check [:>= :amount 0]}] [:during :tstzrange]\n"
                + "                 [:at [:timestamptz 3] {:default :now}] [:tags :text {:array \"[]\"}]\n"
                + "                 [:code [:char 3]] [:name [:varchar 20] {:collate \"C\"}]\n"
                + "                 [:flags [:bit 4]] [:t [:time 0]] [:ttz :timetz] [:iv [:interval 2]]\n"
                + "                 [:ident :bigint {:identity :by-default}]\n"
                + "                 [:total :numeric {:generated [:* :amount 2]}]]\n"
                + "        :unique [[:x :y]]\n"
                + "        :constraints [{:check [:<> :x \"a\"]} {:check [:<> :x \"b\"]} {:check [:raw \"1 = 1\"]}\n"
                + "                      {:exclude \"EXCLUDE USING gist (during WITH &&)\"}]\n"
                + "        :indexes [{:fields [:x]} {:fields [:x]} {:fields [:x :y] :unique true}\n"
                + "                  {:fields [[:raw \"lower(y)\"]] :where [:is-not :y nil]} {:fields [[:raw \"x || y\"]]}\n"
                + "                  {:fields [:x] :include [:y]}]}}")
                .load().schema();
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE EXTENSION IF NOT EXISTS btree_gist");
            for (EnumType e : s.enums()) {
                st.execute("CREATE TYPE " + Identifiers.quote(e.name()) + " AS ENUM ("
                        + String.join(", ", e.labels().stream().map(Identifiers::literal).toList()) + ")");
            }
            List<String> foreignKeys = new ArrayList<>();
            for (Table t : s.tables()) {
                List<String> parts = new ArrayList<>();
                for (Column col : t.columns()) {
                    parts.add(Identifiers.quote(col.name()) + " " + col.type().sql()
                            + (col.collation() == null ? "" : " COLLATE " + Identifiers.quote(col.collation()))
                            + (col.notNull() ? " NOT NULL" : "")
                            + (col.defaultExpr() == null ? "" : " DEFAULT " + col.defaultExpr())
                            + (col.identity() == null ? "" : " GENERATED " + col.identity().sql() + " AS IDENTITY")
                            + (col.generatedExpr() == null ? "" : " GENERATED ALWAYS AS (" + col.generatedExpr()
                                    + ") STORED"));
                }
                for (Constraint k : t.constraints()) {
                    if (k instanceof Constraint.ForeignKey fk) {
                        foreignKeys.add("ALTER TABLE " + Identifiers.quote(t.name()) + " ADD FOREIGN KEY ("
                                + String.join(", ", fk.columns()) + ") REFERENCES " + Identifiers.quote(fk.refTable())
                                + " (" + String.join(", ", fk.refColumns()) + ") ON DELETE " + fk.onDelete().sql());
                    } else {
                        parts.add(unnamed(k));
                    }
                }
                st.execute("CREATE TABLE " + Identifiers.quote(t.name()) + " (" + String.join(", ", parts) + ")");
                for (Index i : t.indexes()) {
                    st.execute("CREATE " + (i.unique() ? "UNIQUE " : "") + "INDEX ON " + Identifiers.quote(t.name())
                            + " USING " + i.method() + " (" + String.join(", ", i.keys()) + ")"
                            + (i.include().isEmpty() ? "" : " INCLUDE (" + String.join(", ", i.include()) + ")")
                            + (i.where() == null ? "" : " WHERE " + i.where()));
                }
            }
            for (String fk : foreignKeys) {
                st.execute(fk);
            }
            for (Table t : s.tables()) {
                assertEquals(new TreeSet<>(t.constraints().stream().map(Constraint::name).toList()),
                        names(st, "select conname from pg_constraint where contype in ('p','u','c','f','x')"
                                + " and conrelid = '" + Identifiers.quote(t.name()) + "'::regclass"), t.name().name());
                assertEquals(new TreeSet<>(t.indexes().stream().map(Index::name).toList()),
                        names(st, "select c.relname from pg_index i join pg_class c on c.oid = i.indexrelid"
                                + " where i.indrelid = '" + Identifiers.quote(t.name()) + "'::regclass and not exists"
                                + " (select 1 from pg_constraint k where k.conindid = i.indexrelid)"), t.name().name());
            }
        }
    }

    private static String unnamed(Constraint k) {
        if (k instanceof Constraint.PrimaryKey pk) {
            return "PRIMARY KEY (" + String.join(", ", pk.columns()) + ")";
        }
        if (k instanceof Constraint.Unique u) {
            return "UNIQUE (" + String.join(", ", u.columns()) + ")";
        }
        if (k instanceof Constraint.Check ch) {
            return "CHECK (" + ch.expression() + ")";
        }
        if (k instanceof Constraint.Exclusion x) {
            return x.definition();
        }
        throw new IllegalStateException("unsupported constraint " + k);
    }

    private static TreeSet<String> names(Statement st, String sql) throws Exception {
        TreeSet<String> names = new TreeSet<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
