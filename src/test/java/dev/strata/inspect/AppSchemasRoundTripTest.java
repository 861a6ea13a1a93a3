package dev.strata.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.strata.catalog.CatalogReader;
import dev.strata.compile.DdlCompiler;
import dev.strata.corpus.DumpComparison;
import dev.strata.diff.Differ;
import dev.strata.load.ModelLoader;
import dev.strata.model.Hints;
import dev.strata.pg.DevServer;
import dev.strata.pg.PgDump;
import dev.strata.pg.ScratchDatabase;
import dev.strata.testing.WithPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * AppSchemasRoundTripTest: two application schemas written for Strata (src/test/resources/dev/strata/apps:
 * a multi-schema marketplace with partitions, trigram indexes, domains and an aggregate; a chat
 * server with inheritance, opclass/DESC unique indexes under foreign keys, identity sequences and
 * column settings) are loaded, inspected with every schema, compiled from the written tree into a
 * fresh database and compared: inspect reports nothing, Strata's re-read of both databases has no
 * difference, and, where a pg_dump of the server's major exists, the two {@code pg_dump --schema-only}
 * outputs are equal object by object.
 */
@WithPostgres
class AppSchemasRoundTripTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"marketplace", "chat"})
    void roundTripsWithoutWarningAndWithEqualDumps(String app, DevServer server, @TempDir Path out) throws Exception {
        String sql = resource(app);
        try (ScratchDatabase original = server.createScratch("app_a"); ScratchDatabase back = server.createScratch("app_b")) {
            Inspection inspection;
            try (Connection c = original.connect(); Statement st = c.createStatement()) {
                Assumptions.assumeTrue(server.major() >= 15, app + " uses PostgreSQL 15 features (UNIQUE NULLS NOT DISTINCT)");
                for (String statement : dev.strata.migration.SqlStatements.split(sql)) {
                    st.execute(statement);
                }
                inspection = Inspector.inspectAll(c, "public", java.util.Set.of());
            }
            assertEquals(List.of(), inspection.unsupported().stream().map(Unsupported::describe).toList(),
                    app + ": inspect must carry every object");
            inspection.writeTo(out, false);
            var model = ModelLoader.load(out).schema();
            try (Connection c = back.connect(); Statement st = c.createStatement()) {
                for (String statement : DdlCompiler.compile(model)) {
                    st.execute(statement);
                }
            }
            try (Connection a = original.connect(); Connection b = back.connect()) {
                var before = CatalogReader.inspect(a, "public", others(a)).schema();
                var after = CatalogReader.inspect(b, "public", others(b)).schema();
                assertEquals(List.of(), Differ.diff(before, after, Hints.none(), server.major()).stream()
                        .map(Object::toString).toList(), app + ": Strata's re-read differs");
            }
            Optional<PgDump> pgDump = PgDump.forServer(server.major());
            if (pgDump.isEmpty()) {
                System.out.printf("%s on PostgreSQL %d: no pg_dump of this major; the dump witness is skipped%n", app, server.major());
                return;
            }
            String dumpA = pgDump.get().schemaOnly(original);
            String dumpB = pgDump.get().schemaOnly(back);
            List<String> differences = DumpComparison.compare(dumpA, dumpB).stream()
                    .map(DumpComparison.Difference::describe).toList();
            System.out.printf("%s on PostgreSQL %d (pg_dump %d): %d dump objects, %d differ%n", app, server.major(),
                    pgDump.get().major(), DumpComparison.objects(dumpA).size(), differences.size());
            assertEquals(List.of(), differences, app + ": pg_dump of the round trip differs");
            assertFalse(DumpComparison.objects(dumpB).isEmpty());
        }
    }

    private static List<String> others(Connection c) {
        return CatalogReader.userSchemas(c).stream().filter(n -> !n.equals("public")).toList();
    }

    static String resource(String app) throws IOException {
        try (InputStream in = AppSchemasRoundTripTest.class.getResourceAsStream("/dev/strata/apps/" + app + ".sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
