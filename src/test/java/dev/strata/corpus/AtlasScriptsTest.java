package dev.strata.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AtlasScriptsTest {
    private static final String SCRIPT = """
            only postgres13 postgres15
            # a comment
            execsql 'CREATE DOMAIN $db.pos AS int CHECK (VALUE > 0)'
            apply 1.hcl
            cmpshow t 1.sql
            synced 1.hcl
            ! apply 2.hcl 'Atlas refuses this'
            execsql 'CREATE INDEX i ON $db.t (a) WHERE a <> ''x'''
            apply 3.hcl
            atlas schema inspect -u URL > got
            cmp got 3.hcl
            clearSchema
            apply 4.hcl

            -- 1.hcl --
            schema "$db" {}
            table "t" {
              schema = schema.$db
              column "a" { type = sql("$db.pos") }
            }
            -- 1.sql --
             Table "script_my_case.t"
            -- 2.hcl --
            table "t" {
              schema = schema.$db
              column "a" { type = text }
            }
            -- 3.hcl --
            table "u" {
              schema = schema.$db
              column "b" { type = int }
              index "x" { columns = [column.b] }
              spatial "nope" {}
            }
            -- 4.hcl --
            table "v" {
              schema = schema.$db
              column "c" { type = int }
            }
            """;

    @Test
    void txtarAndQuotedWords() {
        AtlasScripts.Archive a = AtlasScripts.txtar("apply 1.hcl\n-- 1.hcl --\nx\n-- dir/2.sql --\ny\n");
        assertEquals("apply 1.hcl\n", a.script());
        assertEquals(List.of("1.hcl", "dir/2.sql"), List.copyOf(a.files().keySet()));
        assertEquals("x\n", a.files().get("1.hcl"));
        assertEquals(List.of("execsql", "SELECT 'a b'", "x"), AtlasScripts.words("execsql 'SELECT ''a b''' x"));
    }

    @Test
    void stepsBecomeCasesFromTheStateBefore() {
        List<CorpusCase> cases = AtlasScripts.script("my-case.txtar", SCRIPT);
        assertEquals(List.of("atlas/my-case/1-1.hcl", "atlas/my-case/2-1.hcl", "atlas/my-case/3-2.hcl",
                "atlas/my-case/4-3.hcl", "atlas/my-case/5-4.hcl"), cases.stream().map(CorpusCase::id).toList());
        cases.forEach(c -> {
            assertEquals("script_my_case", c.targetSchema());
            assertEquals(13, c.minVersion());
            assertEquals(0, c.maxVersion());
            assertEquals("my-case.txtar", c.group());
        });
        String domain = "CREATE DOMAIN script_my_case.pos AS int CHECK (VALUE > 0);\n";
        String table = "CREATE TABLE \"t\" (\n  \"a\" script_my_case.pos NOT NULL\n);\n";

        CorpusCase first = cases.get(0);
        assertNull(first.preset());
        assertEquals(domain, first.current());
        assertEquals(domain + table, first.desired());
        assertFalse(first.expectsNoChange());
        assertEquals(List.of(new CorpusCase.Describe(List.of("t"), " Table \"script_my_case.t\"\n")), first.describes());

        CorpusCase synced = cases.get(1);
        assertTrue(synced.expectsNoChange());
        assertEquals(domain + table, synced.current());
        assertEquals(domain + table, synced.desired());
        assertEquals(List.of(), synced.describes());

        CorpusCase refused = cases.get(2);
        assertEquals(Outcome.Status.UNSUPPORTED, refused.preset().status());
        assertEquals("Atlas expects the step to fail", refused.preset().category());
        assertTrue(refused.preset().detail().contains("Atlas refuses this"), refused.preset().detail());

        CorpusCase untranslated = cases.get(3);
        assertEquals("Atlas HCL: table spatial block", untranslated.preset().category());
        assertTrue(untranslated.preset().detail().startsWith("3.hcl: table spatial block (spatial \"nope\" at line 5)"),
                untranslated.preset().detail());

        // after clearSchema the state is empty again, the domain included
        CorpusCase afterClear = cases.get(4);
        assertNull(afterClear.preset());
        assertEquals("", afterClear.current());
        assertEquals("CREATE TABLE \"v\" (\n  \"c\" int NOT NULL\n);\n", afterClear.desired());
    }

    @Test
    void transientExecsqlJoinsOnlyTheStateBefore() {
        List<CorpusCase> cases = AtlasScripts.script("x.txtar", """
                execsql 'CREATE TABLE $db.t (a int UNIQUE)'
                apply 1.hcl
                -- 1.hcl --
                table "t" {
                  schema = schema.$db
                  column "a" { type = int }
                }
                """);
        assertEquals("CREATE TABLE script_x.t (a int UNIQUE);\n", cases.get(0).current());
        assertEquals("CREATE TABLE \"t\" (\n  \"a\" int NOT NULL\n);\n", cases.get(0).desired());
    }

    @Test
    void untranslatedStateMakesTheNextStepUnsupportedToo() {
        List<CorpusCase> cases = AtlasScripts.script("x.txtar", """
                apply 1.hcl
                apply 2.hcl
                -- 1.hcl --
                view "v" {}
                -- 2.hcl --
                schema "script_x" {}
                """);
        assertEquals("Atlas HCL: view block", cases.get(1).preset().category());
        assertTrue(cases.get(1).preset().detail().startsWith("the state before: 1.hcl"), cases.get(1).preset().detail());
    }

    @Test
    void migrateDiffStartsFromTheMigrationDirectoryAndMigrateApplyStepsThroughIt() {
        List<CorpusCase> diff = AtlasScripts.script("d.txtar", """
                ! only postgres10|postgres11
                atlas migrate diff --dev-url URL --to file://./schema.sql
                atlas migrate diff --dev-url URL --to file://./schema.sql
                -- migrations/1_base.sql --
                CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1'
                -- schema.sql --
                CREATE TABLE t (a int DEFAULT f());
                """);
        assertEquals(2, diff.size());
        String base = "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';\n";
        assertEquals(base, diff.get(0).current());
        assertEquals(base + "CREATE TABLE t (a int DEFAULT f());\n", diff.get(0).desired());
        assertEquals(12, diff.get(0).minVersion());
        assertFalse(diff.get(0).expectsNoChange());
        assertTrue(diff.get(1).expectsNoChange());
        assertEquals(diff.get(0).desired(), diff.get(1).current());

        List<CorpusCase> apply = AtlasScripts.script("a.txtar", """
                atlas migrate hash
                atlas migrate apply --url URL 1
                -- migrations/10_c.sql --
                CREATE INDEX ON t (b);
                -- migrations/2_b.sql --
                ALTER TABLE t ADD b int
                -- migrations/1_a.sql --
                CREATE TABLE t (a int);
                -- broken.sql --
                THIS FAILS;
                """);
        assertEquals(List.of("atlas/a/1-1_a.sql", "atlas/a/2-2_b.sql", "atlas/a/3-10_c.sql"),
                apply.stream().map(CorpusCase::id).toList());
        assertEquals("CREATE TABLE t (a int);\nALTER TABLE t ADD b int;\n", apply.get(1).desired());
        assertEquals("CREATE TABLE t (a int);\n", apply.get(1).current());
    }

    @Test
    void readsAtlasCorpusWithUniqueIds() {
        Optional<Path> root = Corpora.locate();
        assumeTrue(root.isPresent(), "external corpora not found (looked at " + Corpora.searchedPlaces() + ")");
        List<CorpusCase> cases = AtlasScripts.load(root.get());
        Set<String> ids = new HashSet<>();
        cases.forEach(c -> assertTrue(ids.add(c.id()), "duplicate id " + c.id()));
        assertEquals(97, cases.size());
        CorpusCase initial = cases.stream().filter(c -> c.id().equals("atlas/migrations/postgres/1-1_initial.sql"))
                .findFirst().orElseThrow();
        assertEquals("bc_test", initial.targetSchema());
        // every HCL file of the corpus is translated: the only preset outcome is the step Atlas expects to fail
        List<String> preset = cases.stream().filter(c -> c.preset() != null).map(CorpusCase::id).toList();
        assertEquals(List.of("atlas/table-partition/2-2.hcl"), preset);
        CorpusCase fk = cases.stream().filter(c -> c.id().equals("atlas/foreign-key-action/1-1.hcl")).findFirst().orElseThrow();
        assertEquals(3, fk.describes().size());
        assertTrue(fk.desired().contains("ALTER TABLE \"table_b\" ADD CONSTRAINT \"table_a_fk\" FOREIGN KEY (\"table_a_id\")"
                + " REFERENCES \"table_a\" (\"id\") ON UPDATE CASCADE ON DELETE CASCADE"), fk.desired());
    }
}
