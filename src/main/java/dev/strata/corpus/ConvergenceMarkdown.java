package dev.strata.corpus;

import java.util.List;
import java.util.Map;

/**
 * ConvergenceMarkdown renders a {@link ConvergenceRun} as docs/convergence.md: how the harness
 * works and how to run it, then the counts by file and by feature and every failing case with its
 * reason. The whole file is generated, so the explanation and the numbers never drift apart.
 */
public final class ConvergenceMarkdown {
    private static final String HOW = """
            # Convergence over external corpora

            This page is written by `dev.strata.corpus.ConvergenceReport`; do not edit it by hand.

            ## What the harness checks

            Each case is a schema before (`current`) and after (`desired`), both plain SQL scripts from
            an external corpus, read in place from `../shared/corpora` (provenance in its `MANIFEST.tsv`;
            nothing is copied into the project):

            | corpus | cases | current | desired |
            |---|---|---|---|
            | sqldef | `sqldef/cmd/psqldef/tests_*.yml`, one per top-level key | `current` (absent = empty) | `desired` |
            | migra | `migra/tests/FIXTURES/*/` | `a.sql` | `b.sql` (`expected.sql` is migra's own output and is not used) |
            | pgcodekeeper | `pgcodekeeper/src/test/resources/org/pgcodekeeper/core/it/diff/pg/<name>_original.sql` | `<name>_original.sql` | `<name>_new.sql` (`<name>_diff.sql` is pgcodekeeper's own output and is not used) |
            | samples | `samples/*/*.sql` (pagila, chinook, northwind) | empty | the sample, as it is |
            | atlas | `atlas/internal/integration/testdata/postgres/*.txtar`, one per step of the testscript, and `atlas/internal/integration/testdata/migrations/postgres/*.sql` | the state after the step before (empty for the first) | the state the step sets, Atlas's HCL translated to SQL |

            Atlas's testscripts (`dev.strata.corpus.AtlasScripts`) are txtar archives: a script of commands, then
            the files it names. The steps that set a state are `apply F.hcl` and `synced F.hcl` (a `synced` step
            must give an empty migration), `atlas migrate diff --to file://F` (HCL or SQL, after the archive's
            `migrations/*.sql`, the state the diff starts from; a diff to the same file again must give an empty
            migration) and, in scripts that run `atlas migrate apply`, each archived migration file in version
            order. `execsql` statements join the state before the next step (`CREATE DOMAIN` and `CREATE FUNCTION`
            stay in every later state: Atlas's apply leaves them alone); `clearSchema` and `atlas schema clean`
            empty it. The schema is Atlas's own per script, `script_<file name>`, which also replaces `$db`.
            `only postgresN ...` gives the lowest version the case needs (the scripts use it for features new in
            that version). The HCL is read by a small parser of its own (`AtlasHcl`; hcl4j evaluates while
            parsing and loses `schema.x`, `varchar(128)` and `sql("...")`) and translated by `AtlasSchemaSql`:
            schemas, enums, tables with columns (type in Atlas's spelling, `null`, `default`, `identity`, `as`,
            `comment`), `primary_key`, `unique`, `check`, `index` (`columns` or `on` with `column`/`expr`,
            `desc`, `ops`; `unique`, `type`, `where`, `include`, `nulls_distinct`, `page_per_range`),
            `foreign_key` and `partition`, with Atlas's own defaults (a column is `NOT NULL` unless
            `null = true`; time types of precision 6 have no precision). Any other block, attribute or value makes
            the step unsupported with the construct named; nothing is guessed. Atlas's other commands (`cmp`,
            `cmphcl`, `cmpmig`, `stdout`, ...) check Atlas's own output and give no state; a `cmpshow T F` right
            after a step gives the `psql \\d T` output expected after the up (step 9 below).

            For every case the harness (`dev.strata.corpus.ConvergenceHarness`):

            1. skips the case when sqldef's `min_version` / `max_version` or Atlas's `only` exclude the server's
               major version; a step Atlas expects to fail (`! apply`) and a step whose HCL (or the state before
               it) uses what the translation does not carry are unsupported before anything runs;
            2. refuses up front the statements that would change the whole server or that Strata does not
               model at all (`GRANT`/`REVOKE`, roles, tablespaces, databases, subscriptions, user mappings);
               `ALTER ... OWNER TO role` statements are removed from both scripts instead (ownership is out of
               scope, and the roles pgcodekeeper's dumps name do not exist here), so the rest of the case runs,
               and `CREATE EXTENSION plpgsql` becomes `CREATE EXTENSION IF NOT EXISTS plpgsql`
               and old dumps' `CREATE PROCEDURAL LANGUAGE plpgsql` is dropped (every database has it);
            3. creates two fresh databases and runs `current` in the first and `desired` in the second,
               each whole, in the target schema (`public`; `foo` for sqldef cases that name a `user`, as
               sqldef's own runner does; a sqldef `desired` also gets the `CREATE SCHEMA` of its `current`,
               since psqldef leaves schemas alone and its runner keeps them). A script PostgreSQL refuses
               makes the case unsupported with what
               it needs (an extension this server lacks, a newer PostgreSQL, sqldef's own dialect);
            4. probes both catalogs for objects and properties Strata's model has no place for (domains,
               partitions, inheritance, privileges, comments on constraints or views, objects outside the
               target schema, storage parameters, ...; the query is `dev/strata/corpus/unmodelled_features.sql`).
               Such a case is unsupported, named by the feature, instead of passing because the differ
               cannot see the difference;
            5. reads both catalogs with `CatalogReader`, checks diff(X, X) is empty for both (stability);
            6. diffs, plans and renders the migration (a step the corpus says is already synced must give no
               change), applies the up to the first database, re-reads it: diff(live, desired) must be empty
               (convergence);
            7. applies the down, re-reads: diff(live, current-as-read) must be empty (reversibility);
            8. the witness: when the machine has a pg_dump of the server's major or newer
               (`dev.strata.pg.PgDump`), `pg_dump --schema-only` of the first database after the up must
               equal that of the desired database, and after the down that of the first database before the
               up, object by object (`dev.strata.corpus.DumpComparison`; the order of columns inside a
               table and of the items of a `WITH (...)` list is not compared, since an added column goes to the end
               and PostgreSQL keeps options in the order given). A difference there, after
               Strata's own re-diff found none, is a **silent divergence**: a FAIL counted on its own line;
            9. where the corpus states the expected `psql \\d` of tables after the step (Atlas's `cmpshow`) and
               `psql` is on the `PATH` (or in `STRATA_PSQL`), `psql -c '\\d schema.table'` of the first database
               after the up must print it, line by line without leading and trailing blanks; a difference is a
               FAIL (`psql \\d differs after up`).

            A case ends as **PASS**, **UNSUPPORTED** (with the feature, counted under the first feature in
            name order when there are several) or **FAIL** (with the step and the PostgreSQL error or the
            remaining changes). The model covers tables (partitioned, partitions, inheritance, typed,
            UNLOGGED, storage parameters, access method, REPLICA IDENTITY, CLUSTER ON), columns (identity
            sequences, statistics, storage, compression, options), primary key / unique / check / foreign
            key / exclusion constraints with their names and options, indexes, enums, domains (and comments
            on their checks), composite types, sequences, views, materialized views, functions, procedures,
            aggregates of every kind, operators, collations, text search parsers, templates, dictionaries
            and configurations, access methods, triggers, rules, policies and row-level security,
            extensions with schema and version, several schemas, the target schema's comment, and
            comments on all of those; a failure of any of those is a FAIL, never hidden as unsupported.
            The unsupported cases are grouped by reason: out of scope (privileges, roles), not runnable
            here (the corpus script is refused by PostgreSQL itself, or needs an extension, locale or
            version this server lacks), refused by design (a change PostgreSQL cannot make without losing
            data, such as removing an enum label, or whose down it cannot make exactly), and not modelled
            yet.

            ## Running it

            ```
            mvn -q -B package -DskipTests
            java -cp target/strata.jar dev.strata.corpus.ConvergenceReport
            ```

            It uses the server of `STRATA_TEST_DB_URL` when set, else an embedded PostgreSQL, prints the
            counts and rewrites this page. Options: `--jobs N` (cases run side by side, default 3), `--out <file>` (default `docs/convergence.md`),
            `--only <id prefixes>` (comma-separated, e.g. `sqldef/tests_views,migra`; does not write the page unless `--out` is
            given), `--known-failures <file>` (writes the failing ids with their reasons, the format of
            `src/test/resources/dev/strata/corpus/known-failures.txt`), `--pg-version N` (the embedded server's major,
            13 to 18, default 17; the page for 15 is [convergence-pg15.md](convergence-pg15.md)).

            In the test suite every case is its own dynamic test: `ConvergenceCorpusTest` runs a fixed
            subset in CI (sqldef's tables, constraints, indices, views and types files, the migra fixtures
            and the samples); `ConvergenceCorpusFullTest` (tag `slow`, `mvn -Pfull verify`) runs the other
            files, Atlas's testscripts among them (`-Dstrata.corpus.groups=atlas` runs those alone). Unsupported cases are reported as skipped with their feature. Failures listed in
            `known-failures.txt` are skipped too, and the test fails when a listed case stops failing (so
            the list only shrinks) or when a case that is not listed fails. Without the corpora folder the
            tests are skipped with a message saying where they looked.
            """;

    private ConvergenceMarkdown() {
    }

    /** Failures that only pg_dump saw: the reader and the differ agreed, wrongly. */
    static long silent(ConvergenceRun run) {
        return run.results().stream().filter(r -> r.outcome().status() == Outcome.Status.FAIL
                && r.outcome().category().startsWith("silent divergence")).count();
    }

    /** The whole page. */
    public static String render(ConvergenceRun run) {
        StringBuilder md = new StringBuilder(HOW);
        Map<Outcome.Status, Integer> totals = run.totals();
        md.append("\n## Results\n\n");
        md.append("Run on ").append(run.date()).append(" against PostgreSQL ").append(run.serverVersion())
                .append(", ").append(run.results().size()).append(" cases in ")
                .append(String.format("%.1f", run.millis() / 1000.0)).append(" s: **")
                .append(totals.get(Outcome.Status.PASS)).append(" pass, ")
                .append(totals.get(Outcome.Status.UNSUPPORTED)).append(" unsupported, ")
                .append(totals.get(Outcome.Status.FAIL)).append(" fail**, of which **")
                .append(silent(run)).append(" silent divergences** (pg_dump differs where Strata's own re-diff saw nothing).\n\n");
        md.append("Witness: ").append(run.witness()).append(".\n\n");
        md.append("### By file\n\n| file | cases | pass | unsupported | fail |\n|---|---:|---:|---:|---:|\n");
        run.byGroup().forEach((group, counts) -> md.append("| ").append(group).append(" | ")
                .append(counts.values().stream().mapToInt(Integer::intValue).sum()).append(" | ")
                .append(counts.get(Outcome.Status.PASS)).append(" | ")
                .append(counts.get(Outcome.Status.UNSUPPORTED)).append(" | ")
                .append(counts.get(Outcome.Status.FAIL)).append(" |\n"));
        md.append("\n### Failures by step\n\n");
        categoryTable(md, run.byCategory(Outcome.Status.FAIL));
        md.append("\n### Unsupported by reason\n\n");
        Map<String, Integer> reasons = new java.util.LinkedHashMap<>();
        for (String reason : REASONS) {
            reasons.put(reason, 0);
        }
        run.byCategory(Outcome.Status.UNSUPPORTED).forEach((category, results) ->
                reasons.merge(reason(category), results.size(), Integer::sum));
        md.append("| reason | cases |\n|---|---:|\n");
        reasons.forEach((reason, n) -> md.append("| ").append(reason).append(" | ").append(n).append(" |\n"));
        md.append("\n### Unsupported by feature\n\n");
        categoryTable(md, run.byCategory(Outcome.Status.UNSUPPORTED));
        md.append("\n### Failing cases\n\n");
        run.byCategory(Outcome.Status.FAIL).forEach((step, results) -> {
            md.append("#### ").append(step).append("\n\n");
            for (ConvergenceRun.Result r : results) {
                md.append("- `").append(r.corpusCase().id()).append("`\n\n");
                md.append("  ```\n");
                r.outcome().detail().lines().forEach(l -> md.append("  ").append(l).append('\n'));
                md.append("  ```\n");
            }
            md.append('\n');
        });
        List<ConvergenceRun.Result> noChange = run.passesWithoutChange();
        md.append("### Passes without any change\n\n");
        md.append(noChange.size()).append(" passing cases have different `current` and `desired` scripts but an empty")
                .append(" migration: both sides read the same. That is right when a case is about statement order,")
                .append(" spelling or quoting; otherwise the catalog reader misses a difference.\n\n");
        noChange.forEach(r -> md.append("- `").append(r.corpusCase().id()).append("`\n"));
        md.append('\n');
        md.append("### Unsupported cases\n\n");
        run.byCategory(Outcome.Status.UNSUPPORTED).forEach((feature, results) -> {
            md.append("#### ").append(feature).append("\n\n");
            for (ConvergenceRun.Result r : results) {
                md.append("- `").append(r.corpusCase().id()).append("`: ")
                        .append(FeatureScanner.abbreviate(oneLine(r.outcome().detail()), 200).replace("|", "\\|"))
                        .append('\n');
            }
            md.append('\n');
        });
        return md.toString();
    }

    /** The lines of known-failures.txt: {@code id<TAB>step: first line of the reason}. */
    public static String knownFailures(ConvergenceRun run) {
        StringBuilder out = new StringBuilder("""
                # Corpus cases that fail today, one per line: <case id><TAB><step>: <reason>.
                # ConvergenceCorpusTest skips them and fails when one of them passes, so this list only shrinks.
                # Regenerate with: java -cp target/strata.jar dev.strata.corpus.ConvergenceReport --known-failures <file>
                """);
        List<ConvergenceRun.Result> failing = run.results().stream()
                .filter(r -> r.outcome().status() == Outcome.Status.FAIL).toList();
        for (ConvergenceRun.Result r : failing) {
            String reason = r.outcome().category() + ": " + oneLine(r.outcome().detail());
            out.append(r.corpusCase().id()).append('\t').append(FeatureScanner.abbreviate(reason, 240)).append('\n');
        }
        return out.toString();
    }

    private static String oneLine(String detail) {
        return detail.replaceAll("\\s+", " ").strip();
    }

    private static final List<String> REASONS = List.of(
            "out of scope: privileges, roles and server-wide objects",
            "the corpus script is not valid on this PostgreSQL, or needs an extension, locale or version this server lacks",
            "refused by design: PostgreSQL cannot make the change (or its down) without losing data or state",
            "not modelled yet");

    /** Why a case is unsupported, from its category: out of scope, not runnable here, by design, or a gap. */
    static String reason(String category) {
        if (List.of("privilege", "role", "user mapping", "tablespace", "server-level statement", "subscription")
                .contains(category)) {
            return REASONS.get(0);
        }
        if (category.startsWith("script fails on PostgreSQL") || category.startsWith("not PostgreSQL")
                || category.startsWith("needs extension") || category.startsWith("needs collation")
                || category.equals("PostgreSQL version") || category.equals("Atlas expects the step to fail")) {
            return REASONS.get(1);
        }
        if (category.equals("change refused by design") || category.startsWith("down not exact")
                || category.equals("extension version without a downgrade path")) {
            return REASONS.get(2);
        }
        return REASONS.get(3);
    }

    private static void categoryTable(StringBuilder md, Map<String, List<ConvergenceRun.Result>> groups) {
        if (groups.isEmpty()) {
            md.append("None.\n");
            return;
        }
        md.append("| | cases |\n|---|---:|\n");
        groups.forEach((category, results) -> md.append("| ").append(category.replace("|", "\\|")).append(" | ")
                .append(results.size()).append(" |\n"));
    }
}
