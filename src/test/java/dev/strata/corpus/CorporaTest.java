package dev.strata.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorporaTest {
    private static Path root;

    @BeforeAll
    static void locate() {
        Optional<Path> found = Corpora.locate();
        root = found.orElse(null);
    }

    private static void assumeCorpora() {
        assumeTrue(root != null, "external corpora not found (looked at " + Corpora.searchedPlaces() + ")");
    }

    @Test
    void readsEverySqldefFileWithUniqueIds() throws IOException {
        assumeCorpora();
        List<CorpusCase> cases = Corpora.sqldef(root);
        Map<String, List<CorpusCase>> groups = Corpora.byGroup(cases);
        long files;
        try (Stream<Path> s = Files.list(root.resolve("sqldef/cmd/psqldef"))) {
            files = s.filter(p -> p.getFileName().toString().startsWith("tests_")).count();
        }
        assertEquals(files, groups.size());
        assertTrue(cases.size() > 500, "sqldef has hundreds of cases, read " + cases.size());
        Set<String> ids = new HashSet<>();
        cases.forEach(c -> assertTrue(ids.add(c.id()), "duplicate id " + c.id()));
    }

    @Test
    void sqldefCaseFieldsAreRead() {
        assumeCorpora();
        Map<String, CorpusCase> byName = Corpora.sqldef(root).stream()
                .collect(Collectors.toMap(CorpusCase::id, c -> c));
        CorpusCase drop = byName.get("sqldef/tests_tables/DropTable");
        assertTrue(drop.current().contains("CREATE TABLE bigdata"));
        assertFalse(drop.desired().contains("bigdata"));
        assertEquals("public", drop.targetSchema());
        CorpusCase create = byName.get("sqldef/tests_tables/CreateTable");
        assertEquals("", create.current());
        assertEquals("foo", byName.get("sqldef/tests_comments/CommentOnNonStandardDefaultSchema").targetSchema());
        assertTrue(Corpora.sqldef(root).stream().anyMatch(c -> c.minVersion() == 18));
    }

    @Test
    void readsMigraFixturesAndSamples() {
        assumeCorpora();
        List<CorpusCase> migra = Corpora.migra(root);
        assertTrue(migra.size() >= 20, "migra fixtures: " + migra.size());
        CorpusCase constraints = migra.stream().filter(c -> c.name().equals("constraints")).findFirst().orElseThrow();
        assertTrue(constraints.current().contains("create table t1"));
        List<CorpusCase> samples = Corpora.samples(root);
        assertTrue(samples.stream().anyMatch(c -> c.id().equals("samples/pagila/pagila-schema")), samples.toString());
        samples.forEach(s -> assertEquals("", s.current()));
        List<CorpusCase> pgcodekeeper = Corpora.pgcodekeeper(root);
        assertEquals(329, pgcodekeeper.size(), "pgcodekeeper's _original/_new pairs");
        CorpusCase view = pgcodekeeper.stream().filter(c -> c.id().equals("pgcodekeeper/add_view_option")).findFirst().orElseThrow();
        assertTrue(view.desired().contains("WITH (security_barrier)") && !view.current().contains("security_barrier"), view.desired());
        List<CorpusCase> atlas = AtlasScripts.load(root);
        assertTrue(atlas.size() > 90, "Atlas's testscript steps: " + atlas.size());
        assertEquals(Corpora.sqldef(root).size() + migra.size() + pgcodekeeper.size() + samples.size() + atlas.size(),
                Corpora.load(root).size());
    }

    @Test
    void missingFoldersGiveNoCases(@TempDir Path empty) {
        assertEquals(List.of(), Corpora.load(empty));
    }

    @Test
    void readsVersionsAndUserSchemaFromYaml(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tests_x.yml");
        Files.writeString(file, """
                First:
                  min_version: "18.0"
                  desired: |
                    CREATE TABLE a (id int);
                Second:
                  max_version: 15
                  current: "CREATE TABLE b (id int);"
                  user: someone
                """);
        List<CorpusCase> cases = Corpora.sqldefFile(file);
        assertEquals(2, cases.size());
        assertEquals("sqldef/tests_x/First", cases.get(0).id());
        assertEquals(18, cases.get(0).minVersion());
        assertEquals("needs PostgreSQL 18 or newer", cases.get(0).versionMismatch(17));
        assertEquals(null, cases.get(0).versionMismatch(18));
        assertEquals(15, cases.get(1).maxVersion());
        assertEquals("needs PostgreSQL 15 or older", cases.get(1).versionMismatch(16));
        assertEquals("", cases.get(1).desired());
        assertEquals("foo", cases.get(1).targetSchema());
    }
}
