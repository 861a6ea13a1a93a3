package dev.strata.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.catalog.CatalogReader;
import dev.strata.compile.DdlCompiler;
import dev.strata.load.ModelLoader;
import dev.strata.model.Schema;
import dev.strata.model.Table;
import dev.strata.pg.DevServer;
import dev.strata.pg.ScratchDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Function;

/** Test helper: load a written tree, compile it, apply it to a fresh database and read it back. */
final class RoundTrip {
    private RoundTrip() {
    }

    /** The schema the tree under {@code root} gives once applied to schema {@code schema} of a fresh database. */
    static Schema applyAndRead(DevServer server, Path root, String schema) throws SQLException {
        return applyAndRead(server, root, schema, "SELECT 1");
    }

    /** As above, after running {@code prelude} in the fresh database (what the model leaves to the server). */
    static Schema applyAndRead(DevServer server, Path root, String schema, String prelude) throws SQLException {
        Schema model = ModelLoader.load(root).schema();
        List<String> statements = DdlCompiler.compile(model);
        try (ScratchDatabase fresh = server.createScratch("inspect_back"); Connection c = fresh.connect();
             Statement st = c.createStatement()) {
            st.execute(prelude);
            if (!schema.equals("public")) {
                st.execute("CREATE SCHEMA " + schema);
            }
            st.execute("SET search_path TO " + schema);
            for (String sql : statements) {
                try {
                    st.execute(sql);
                } catch (SQLException e) {
                    throw new AssertionError("compiled statement failed: " + e.getMessage() + "\n" + sql, e);
                }
            }
            st.execute("RESET search_path");
            return CatalogReader.read(c, schema);
        }
    }

    /** Equality, reported object by object so a failure names what differs. */
    static void assertSameSchema(Schema expected, Schema actual) {
        assertSameList("extensions", expected.extensions(), actual.extensions(), Object::toString);
        assertSameList("enums", expected.enums(), actual.enums(), e -> e.name().toString());
        assertSameList("domains", expected.domains(), actual.domains(), d -> d.name().toString());
        assertSameList("composite types", expected.compositeTypes(), actual.compositeTypes(), c -> c.name().toString());
        assertSameList("sequences", expected.sequences(), actual.sequences(), s -> s.name().toString());
        assertSameList("tables", expected.tables(), actual.tables(), t -> t.name().toString());
        for (Table t : expected.tables()) {
            Table back = actual.tables().stream().filter(x -> x.name().equals(t.name())).findFirst().orElseThrow();
            assertSameList("columns of " + t.name(), t.columns(), back.columns(), c -> c.name());
            assertSameList("constraints of " + t.name(), t.constraints(), back.constraints(), c -> c.name());
            assertSameList("indexes of " + t.name(), t.indexes(), back.indexes(), i -> i.name());
            assertEquals(t, back, "table " + t.name());
        }
        assertSameList("views", expected.views(), actual.views(), v -> v.name().toString());
        assertSameList("functions", expected.functions(), actual.functions(), f -> f.name() + "(" + f.arguments() + ")");
        assertSameList("triggers", expected.triggers(), actual.triggers(), t -> t.table() + "." + t.name());
        assertSameList("policies", expected.policies(), actual.policies(), p -> p.table() + "." + p.name());
        assertEquals(expected, actual);
    }

    private static <T> void assertSameList(String what, List<T> expected, List<T> actual, Function<T, String> name) {
        assertEquals(expected.stream().map(name).toList(), actual.stream().map(name).toList(), what);
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), actual.get(i), what + ": " + name.apply(expected.get(i)));
        }
    }

    /**
     * The objects of {@code original} that are missing from {@code back} or differ there, and that
     * no report entry names; empty when the report accounts for every loss.
     */
    static List<String> unreported(Schema original, Schema back, List<Unsupported> report) {
        java.util.Set<String> named = new java.util.HashSet<>();
        report.forEach(u -> named.add(u.object()));
        List<String> out = new java.util.ArrayList<>();
        for (var e : original.enums()) {
            check(out, named, "enum", e.name().name(), back.enums().contains(e));
        }
        for (var s : original.sequences()) {
            check(out, named, "sequence", s.name().name(), back.sequences().contains(s));
        }
        for (Table t : original.tables()) {
            String tn = t.name().name();
            Table b = back.table(tn).orElse(null);
            if (b == null) {
                check(out, named, "table", tn, false);
                continue;
            }
            check(out, named, "table", tn, t.rowLevelSecurity() == b.rowLevelSecurity()
                    && java.util.Objects.equals(t.comment(), b.comment()));
            for (var c : t.columns()) {
                check(out, named, "column", tn + "." + c.name(), b.columns().contains(c));
            }
            for (var c : t.constraints()) {
                check(out, named, "constraint", tn + "." + c.name(), b.constraints().contains(c));
            }
            for (var i : t.indexes()) {
                check(out, named, "index", tn + "." + i.name(), b.indexes().contains(i));
            }
        }
        for (var v : original.views()) {
            check(out, named, "view", v.name().name(), back.views().contains(v));
        }
        for (var f : original.functions()) {
            check(out, named, "function", f.name().name() + "(" + f.arguments() + ")", back.functions().contains(f));
        }
        for (var t : original.triggers()) {
            check(out, named, "trigger", t.table().name() + "." + t.name(), back.triggers().contains(t));
        }
        for (var p : original.policies()) {
            check(out, named, "policy", p.table().name() + "." + p.name(), back.policies().contains(p));
        }
        return out;
    }

    private static void check(List<String> out, java.util.Set<String> named, String kind, String object, boolean same) {
        if (!same && !named.contains(object)) {
            out.add(kind + " " + object);
        }
    }
}
