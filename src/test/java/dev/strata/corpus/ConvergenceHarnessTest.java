package dev.strata.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.pg.DevServer;
import dev.strata.testing.WithPostgres;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

@WithPostgres
class ConvergenceHarnessTest {
    private static CorpusCase sqldef(String name, String current, String desired, int min) {
        return new CorpusCase("sqldef/tests_x/" + name, CorpusCase.Source.SQLDEF, "tests_x.yml", name,
                current, desired, "public", min, 0);
    }

    @Test
    void supportedChangeConvergesBothWays(DevServer server) {
        Outcome o = new ConvergenceHarness(server).run(sqldef("AddColumn",
                "CREATE TABLE users (id bigint PRIMARY KEY);",
                "CREATE TABLE users (id bigint PRIMARY KEY, name text NOT NULL DEFAULT 'x');\n"
                        + "CREATE INDEX users_name ON users (name);", 0));
        assertEquals(Outcome.Status.PASS, o.status(), o.summary());
        assertEquals("2 up, 2 down statements", o.detail());
    }

    @Test
    void nonDefaultSchemaCaseRunsInItsSchema(DevServer server) {
        CorpusCase c = new CorpusCase("sqldef/tests_x/Foo", CorpusCase.Source.SQLDEF, "tests_x.yml", "Foo",
                "CREATE TABLE items (id integer);",
                "CREATE TYPE lang AS ENUM ('ja', 'en');\nCREATE TABLE items (id integer, lang lang NOT NULL);",
                "foo", 0, 0);
        Outcome o = new ConvergenceHarness(server).run(c);
        assertEquals(Outcome.Status.PASS, o.status(), o.summary());
    }

    @Test
    void unmodelledFeaturesAndRefusedScriptsAreUnsupported(DevServer server) {
        ConvergenceHarness harness = new ConvergenceHarness(server);
        Outcome range = harness.run(sqldef("Range", "", "CREATE TABLE t (a int);\n"
                + "CREATE TYPE floatrange AS RANGE (subtype = float8);", 0));
        assertEquals(Outcome.Status.PASS, range.status(), "range types are modelled: " + range.summary());

        Outcome rule = harness.run(sqldef("Rule", "CREATE TABLE t (a int);\nCREATE TABLE log (a int);",
                "CREATE TABLE t (a int);\nCREATE TABLE log (a int);\n"
                + "CREATE RULE quiet AS ON INSERT TO t DO INSTEAD INSERT INTO log VALUES (new.a);\n"
                + "ALTER TABLE t DISABLE RULE quiet;\nCOMMENT ON RULE quiet ON t IS 'kept quiet';", 0));
        assertEquals(Outcome.Status.PASS, rule.status(), rule.summary());

        Outcome syntax = harness.run(sqldef("Dsql", "", "CREATE TABLE t (a int);\nCREATE INDEX ASYNC i ON t (a);", 0));
        assertEquals("not PostgreSQL " + harness.serverMajor() + " syntax", syntax.category(), syntax.summary());

        Outcome grant = harness.run(sqldef("Grant", "", "CREATE TABLE t (a int);\nGRANT SELECT ON t TO reader;", 0));
        assertEquals("privilege", grant.category(), grant.summary());

        Outcome future = harness.run(sqldef("Future", "", "CREATE TABLE t (a int);", harness.serverMajor() + 1));
        assertEquals("PostgreSQL version", future.category(), future.summary());
    }

    @Test
    void enumLabelRemovalIsRefusedByDesign(DevServer server) {
        Outcome o = new ConvergenceHarness(server).run(sqldef("DropLabel",
                "CREATE TYPE s AS ENUM ('a', 'b');", "CREATE TYPE s AS ENUM ('a');", 0));
        assertEquals(Outcome.Status.UNSUPPORTED, o.status(), o.summary());
        assertEquals("change refused by design", o.category());
    }

    @Test
    void scriptWithNonTransactionalStatementStillBuilds(DevServer server) {
        Outcome o = new ConvergenceHarness(server).run(sqldef("Concurrently", "CREATE TABLE t (a int);",
                "CREATE TABLE t (a int);\nCREATE INDEX CONCURRENTLY t_a ON t (a);", 0));
        assertEquals(Outcome.Status.PASS, o.status(), o.summary());
    }

    @Test
    void oldDumpsCreatingTheLanguagePlpgsqlStillBuild(DevServer server) {
        Outcome o = new ConvergenceHarness(server).run(sqldef("Language",
                "CREATE PROCEDURAL LANGUAGE plpgsql;\nCREATE TABLE t (a int);",
                "CREATE OR REPLACE PROCEDURAL LANGUAGE plpgsql;\nCREATE TABLE t (a int, b int);", 0));
        assertEquals(Outcome.Status.PASS, o.status(), o.summary());
    }

    @Test
    void outOfOrderScriptIsBuiltInPasses(DevServer server) {
        Outcome o = new ConvergenceHarness(server).run(sqldef("OutOfOrder", "",
                "CREATE TABLE child (id int, parent_id int REFERENCES parent (id));\n"
                        + "CREATE VIEW parents AS SELECT id FROM parent;\n"
                        + "CREATE TABLE parent (id int PRIMARY KEY);", 0));
        assertEquals(Outcome.Status.PASS, o.status(), o.summary());
    }

    @Test
    void reportCountsAndListsByCategory(DevServer server) {
        CorpusCase a = sqldef("A", "", "CREATE TABLE t (a int);", 0);
        CorpusCase b = sqldef("B", "", "CREATE DOMAIN d AS int;", 0);
        ConvergenceRun run = new ConvergenceRun(LocalDate.of(2026, 1, 2), "17.6", "pg_dump 17 at /usr/bin/pg_dump", List.of(
                new ConvergenceRun.Result(a, Outcome.pass()),
                new ConvergenceRun.Result(sqldef("Same", "", "", 0), Outcome.pass()),
                new ConvergenceRun.Result(b, Outcome.unsupported("domain", "domain: d")),
                new ConvergenceRun.Result(a, Outcome.fail("up fails", "statement 1 of 1: X\n  -> ERROR"))), 1234);
        assertEquals(List.of(2, 1, 1), List.copyOf(run.totals().values()));
        assertEquals(List.of("sqldef/tests_x/A"),
                run.passesWithoutChange().stream().map(r -> r.corpusCase().id()).toList());
        String md = ConvergenceMarkdown.render(run);
        assertTrue(md.contains("Run on 2026-01-02 against PostgreSQL 17.6, 4 cases in 1.2 s: **2 pass, 1 unsupported, 1 fail**"), md);
        assertTrue(md.contains("| tests_x.yml | 4 | 2 | 1 | 1 |"), md);
        assertTrue(md.contains("1 passing cases have different"), md);
        assertTrue(md.contains("| up fails | 1 |"), md);
        assertTrue(md.contains("- `sqldef/tests_x/B`: domain: d"), md);
        assertEquals("sqldef/tests_x/A\tup fails: statement 1 of 1: X -> ERROR",
                ConvergenceMarkdown.knownFailures(run).lines().filter(l -> !l.startsWith("#")).findFirst().orElseThrow());
    }

    @org.junit.jupiter.api.Test
    void ownershipStatementsAreRemovedAndTheRestKept() {
        String script = "CREATE TABLE t (id int);\nALTER TABLE t OWNER TO botov_av;\n"
                + "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1; $$;\nALTER FUNCTION f() OWNER TO someone;\n";
        String kept = ConvergenceHarness.withoutOwnership(script);
        org.junit.jupiter.api.Assertions.assertFalse(kept.contains("OWNER TO"), kept);
        org.junit.jupiter.api.Assertions.assertTrue(kept.contains("CREATE TABLE t (id int)") && kept.contains("SELECT 1; $$"), kept);
        org.junit.jupiter.api.Assertions.assertEquals("SELECT 1", ConvergenceHarness.withoutOwnership("SELECT 1"));
    }

    private static CorpusCase atlas(String current, String desired, boolean noChange, List<CorpusCase.Describe> describes) {
        return new CorpusCase("atlas/x/1-1.hcl", CorpusCase.Source.ATLAS, "x.txtar", "1-1.hcl", current, desired,
                "script_x", 0, 0, null, noChange, describes);
    }

    @Test
    void presetOutcomeIsReturnedWithoutRunning(DevServer server) {
        CorpusCase c = new CorpusCase("atlas/x/2-2.hcl", CorpusCase.Source.ATLAS, "x.txtar", "2-2.hcl", "", "",
                "script_x", 0, 0, Outcome.unsupported("Atlas expects the step to fail", "`! apply 2.hcl`"), false, List.of());
        Outcome o = new ConvergenceHarness(server).run(c);
        assertEquals(Outcome.Status.UNSUPPORTED, o.status(), o.summary());
        assertEquals("Atlas expects the step to fail", o.category());
    }

    @Test
    void syncedStepMustGiveNoChange(DevServer server) {
        ConvergenceHarness harness = new ConvergenceHarness(server);
        Outcome same = harness.run(atlas("CREATE TABLE t (a varchar(100)[]);", "CREATE TABLE t (a varchar(100) ARRAY[3]);",
                true, List.of()));
        assertEquals(Outcome.Status.PASS, same.status(), same.summary());
        Outcome differs = harness.run(atlas("CREATE TABLE t (a int);", "CREATE TABLE t (a bigint);", true, List.of()));
        assertEquals(Outcome.Status.FAIL, differs.status(), differs.summary());
        assertEquals("changes where the corpus expects none", differs.category());
    }

    @Test
    void expectedPsqlDescriptionIsCompared(DevServer server) {
        org.junit.jupiter.api.Assumptions.assumeTrue(PsqlDescribe.find().isPresent(), "no psql on the PATH");
        String expected = """
                   Table "script_x.t"
                 Column |  Type   | Collation | Nullable | Default
                --------+---------+-----------+----------+---------
                 a      | integer |           | not null |
                 b      | text    |           |          |
                """;
        ConvergenceHarness harness = new ConvergenceHarness(server);
        Outcome pass = harness.run(atlas("CREATE TABLE t (a int NOT NULL);", "CREATE TABLE t (a int NOT NULL, b text);",
                false, List.of(new CorpusCase.Describe(List.of("t"), expected))));
        assertEquals(Outcome.Status.PASS, pass.status(), pass.summary());
        Outcome fail = harness.run(atlas("CREATE TABLE t (a int NOT NULL);", "CREATE TABLE t (a int NOT NULL, b varchar);",
                false, List.of(new CorpusCase.Describe(List.of("t"), expected))));
        assertEquals(Outcome.Status.FAIL, fail.status(), fail.summary());
        assertEquals("psql \\d differs after up", fail.category());
        assertTrue(fail.detail().contains("b      | character varying"), fail.detail());
    }
}
