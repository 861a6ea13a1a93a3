package dev.strata.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.strata.compile.DdlCompiler;
import dev.strata.corpus.DumpComparison;
import dev.strata.load.ModelLoader;
import dev.strata.pg.DevServer;
import dev.strata.pg.PgDump;
import dev.strata.pg.ScratchDatabase;
import dev.strata.testing.WithPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * InspectDumpTest proves the sample round trips with PostgreSQL's own pg_dump instead of Strata's
 * reader: each sample is loaded, inspected, compiled from the written tree into a fresh database,
 * and the two {@code pg_dump --schema-only} outputs are compared object by object. Every object
 * that differs must be one inspect reported; a difference without a report is a silent
 * divergence, the worst kind of bug. Needs a pg_dump of the server's major or newer
 * ({@link PgDump#forServer}); skipped with a message otherwise.
 */
@WithPostgres
class InspectDumpTest {
    static Stream<String> samples() throws Exception {
        return InspectSamplesTest.samples();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void pgDumpDiffersOnlyInReportedObjects(String sample, DevServer server, @TempDir Path out) throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(InspectSamplesTest.SAMPLES),
                "sample schemas not found at " + InspectSamplesTest.SAMPLES + "; skipping");
        Optional<PgDump> pgDump = PgDump.forServer(server.major());
        Assumptions.assumeTrue(pgDump.isPresent(), "no pg_dump of PostgreSQL " + server.major()
                + " or newer on this machine (install postgresql-client, or set STRATA_PG_DUMP); skipping");
        String sql = Files.readString(InspectSamplesTest.SAMPLES.resolve(sample));
        try (ScratchDatabase original = server.createScratch("dump_a"); ScratchDatabase back = server.createScratch("dump_b")) {
            Inspection inspection;
            String prelude;
            try (Connection c = original.connect(); Statement st = c.createStatement()) {
                prelude = InspectSamplesTest.prelude(c, sql);
                try {
                    st.execute(prelude);
                    st.execute(InspectSamplesTest.forThisServer(c, InspectSamplesTest.withoutMissingExtensions(c, sql)));
                } catch (SQLException e) {
                    Assumptions.abort("sample " + sample + " does not load on PostgreSQL " + server.major() + ": " + e.getMessage());
                }
                inspection = Inspector.inspect(c, "public");
            }
            inspection.writeTo(out, false);
            try (Connection c = back.connect(); Statement st = c.createStatement()) {
                st.execute(prelude);
                for (String statement : DdlCompiler.compile(ModelLoader.load(out).schema())) {
                    st.execute(statement);
                }
            }
            List<DumpComparison.Difference> differences = DumpComparison.compare(
                    pgDump.get().schemaOnly(original), pgDump.get().schemaOnly(back));
            List<String> silent = new ArrayList<>();
            java.util.Set<String> attributed = new java.util.HashSet<>();
            for (DumpComparison.Difference d : differences) {
                if (reported(d, inspection.unsupported())) {
                    attributed.add(d.name());
                }
            }
            for (DumpComparison.Difference d : differences) {
                // ALTER INDEX parent ATTACH PARTITION child exists because of the child index.
                boolean attach = d.type().equals("INDEX ATTACH") && attributed.stream()
                        .anyMatch(n -> n.equals(d.name()) || n.endsWith(" " + d.name()));
                if (!attributed.contains(d.name()) && !attach) {
                    silent.add(d.describe());
                }
            }
            if (Boolean.getBoolean("strata.test.verbose")) {
                differences.forEach(d -> System.out.println(d.describe()));
                inspection.unsupported().forEach(u -> System.out.println("reported: " + u.describe()));
            }
            System.out.printf("%s on PostgreSQL %d (pg_dump %d): %d objects differ in pg_dump, all reported by inspect: %s%n",
                    sample, server.major(), pgDump.get().major(), differences.size(), silent.isEmpty());
            assertEquals(List.of(), inspection.unsupported().stream().map(Unsupported::describe).toList(),
                    sample + ": inspect carries every object of the sample (nothing reported)");
            assertEquals(List.of(), differences.stream().map(DumpComparison.Difference::describe).toList(),
                    sample + ": pg_dump of the round trip equals the original's");
            assertEquals(List.of(), silent, "objects that differ in pg_dump without a report from inspect; the report was:\n"
                    + String.join("\n", inspection.unsupported().stream().map(Unsupported::describe).toList()));
            assertFalse(DumpComparison.objects(pgDump.get().schemaOnly(back)).isEmpty(), "the round trip built something");
        }
    }

    /** Whether an inspect report names the object, or the table it belongs to, as a whole word of pg_dump's name. */
    static boolean reported(DumpComparison.Difference d, List<Unsupported> report) {
        for (Unsupported u : report) {
            for (String n : new String[] {u.name(), u.table()}) {
                if (n == null || n.isBlank()) {
                    continue;
                }
                String bare = n.replaceAll("^(view|materialized view|sequence|index|function|constraint|trigger|policy) ", "");
                String head = bare.contains("(") ? bare.substring(0, bare.indexOf('(')) : bare;
                Pattern word = Pattern.compile("(?<![\\w$])" + Pattern.quote(head) + "(?![\\w$])");
                // The object's name, or its definition (an index names its table), mentions it.
                if (word.matcher(d.name()).find() || d.before() != null && word.matcher(d.before()).find()
                        || d.after() != null && word.matcher(d.after()).find()) {
                    return true;
                }
            }
        }
        return false;
    }
}
