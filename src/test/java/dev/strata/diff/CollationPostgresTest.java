package dev.strata.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import dev.strata.catalog.CatalogReader;
import dev.strata.inspect.Inspection;
import dev.strata.load.ModelLoader;
import dev.strata.model.Collation;
import dev.strata.model.Hints;
import dev.strata.model.Schema;
import dev.strata.pg.DevServer;
import dev.strata.pg.ScratchDatabase;
import dev.strata.testing.WithPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Collations ({@code CREATE COLLATION}), from the model to PostgreSQL and back. */
@WithPostgres
class CollationPostgresTest {
    private static final String CI = "CREATE COLLATION ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false);";

    @Test
    void aCollationComesBeforeTheColumnsThatUseItAndGoesAfterThem(DevServer server) throws Exception {
        PairCheck.Result r = PairCheck.run(server, "CREATE TABLE t (id int);",
                CI + "CREATE COLLATION posix FROM \"POSIX\"; COMMENT ON COLLATION ci IS 'case-insensitive';"
                        + "CREATE TABLE t (id int, email text COLLATE ci, code text COLLATE posix);"
                        + "CREATE INDEX t_email ON t (email COLLATE ci);",
                (c, m) -> { });
        assertEquals(List.of(new Collation(dev.strata.model.QualifiedName.of("ci"), "icu", "und-u-ks-level2", null, null,
                false, null, "case-insensitive"), new Collation(dev.strata.model.QualifiedName.of("posix"), "libc", "POSIX",
                null, null, true, null, null)), r.desired().collations());
    }

    @Test
    void anUnusedCollationIsRecreatedAndAUsedOneIsRefused(DevServer server) throws Exception {
        PairCheck.run(server, CI, "CREATE COLLATION ci (provider = icu, locale = 'und-u-ks-level1', deterministic = false);"
                + "COMMENT ON COLLATION ci IS 'now accent-insensitive too';", (c, m) -> { });
        try (ScratchDatabase a = server.createScratch("coll_a"); ScratchDatabase b = server.createScratch("coll_b");
             Connection ca = a.connect(); Connection cb = b.connect(); Statement sa = ca.createStatement();
             Statement sb = cb.createStatement()) {
            sa.execute(CI + "CREATE TABLE t (email text COLLATE ci)");
            sb.execute("CREATE COLLATION ci (provider = icu, locale = 'und-u-ks-level1', deterministic = false);"
                    + "CREATE TABLE t (email text COLLATE ci)");
            StrataException e = assertThrows(StrataException.class, () -> Differ.diff(CatalogReader.read(ca, "public"),
                    CatalogReader.read(cb, "public"), Hints.none()));
            assertEquals(ErrorCode.REFUSED_CHANGE, e.code());
            assertTrue(e.getMessage().contains("Refusing to change collation ci") && e.getMessage().contains("column t.email")
                    && e.getMessage().contains("define a new collation under another name"), e.getMessage());
        }
    }

    @Test
    void modelSaysItAndInspectWritesIt(DevServer server, @TempDir Path root) throws Exception {
        ModelApply.write(root, "models.edn", """
                {:ci {:type :collation :provider :icu :locale "und-u-ks-level2" :deterministic false :comment "ci"}
                 :users {:fields {:email {:type :text :collate "ci"}}}}
                """);
        ModelApply.Result r = ModelApply.run(server, "coll_m", root);
        Schema model = r.model();
        Schema read = r.read();
        assertEquals(model.collations(), read.collations());
        Inspection inspection = r.inspection();
        assertEquals(List.of(), inspection.unsupported());
        String models = inspection.files().get("shared/models.edn");
        assertTrue(models.contains(":type :collation") && models.contains(":deterministic false"), models);
    }

    @Test
    void badCollationsAreInvalidModels(@TempDir Path root) throws Exception {
        ModelApply.write(root, "models.edn", """
                {:a {:type :collation :provider :libc :locale "C" :deterministic false}
                 :b {:type :collation :provider :oracle :locale "x"}
                 :c {:type :collation :provider :icu}}
                """);
        StrataException e = assertThrows(StrataException.class, () -> ModelLoader.load(root));
        assertEquals(ErrorCode.INVALID_MODEL, e.code());
        String problems = String.join("\n", e.problems());
        assertTrue(problems.contains("only an ICU collation can be nondeterministic") && problems.contains("bad :provider :oracle")
                && problems.contains("a collation needs :locale") && problems.contains("models.edn:1"), problems);
    }
}
