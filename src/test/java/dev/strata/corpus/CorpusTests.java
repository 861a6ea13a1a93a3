package dev.strata.corpus;

import static org.junit.jupiter.api.Assertions.fail;

import dev.strata.testing.TestPostgres;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * CorpusTests turns corpus cases into dynamic tests, one per case, grouped by file. The cases run
 * ahead on a few threads; each test waits for its own outcome and judges it against the list of
 * known failures.
 */
final class CorpusTests {
    /** The files CI runs on every build; the rest run in the slow-tagged test. */
    static final Set<String> CI_GROUPS = ciGroups();

    /** Whether a case is in the CI subset: its group (file) or its whole corpus ({@code atlas}) is listed. */
    static boolean inCi(CorpusCase c) {
        return CI_GROUPS.contains(c.group()) || CI_GROUPS.contains(c.source().folder());
    }

    /**
     * The system property {@code strata.corpus.groups} (comma-separated files, or whole corpora such as
     * {@code atlas}) narrows the CI subset, as the pom's runs on other PostgreSQL majors do; without it,
     * the fixed subset below. Atlas's testscripts are not in it: their 97 steps take minutes.
     */
    private static Set<String> ciGroups() {
        String groups = System.getProperty("strata.corpus.groups");
        if (groups != null && !groups.isBlank()) {
            return Set.of(groups.strip().split("\\s*,\\s*"));
        }
        return Set.of("tests_tables.yml", "tests_constraints.yml", "tests_indices.yml",
                "tests_views.yml", "tests_types.yml", "migra", "samples");
    }

    private static final int JOBS = 3;

    private CorpusTests() {
    }

    static Stream<DynamicNode> dynamicTests(Predicate<CorpusCase> selection) {
        Optional<Path> root = Corpora.locate();
        if (root.isEmpty()) {
            return Stream.of(DynamicTest.dynamicTest("corpora", () -> Assumptions.abort(
                    "external corpora not found, convergence cases skipped (looked at " + Corpora.searchedPlaces() + ")")));
        }
        List<CorpusCase> cases = Corpora.load(root.get()).stream().filter(selection).toList();
        KnownFailures known = KnownFailures.load();
        ConvergenceHarness harness = new ConvergenceHarness(TestPostgres.server());
        List<CompletableFuture<Outcome>> outcomes = harness.start(cases, JOBS);
        List<DynamicNode> groups = new ArrayList<>();
        Map<String, List<CorpusCase>> byGroup = Corpora.byGroup(cases);
        byGroup.forEach((group, groupCases) -> {
            List<DynamicTest> tests = new ArrayList<>();
            for (CorpusCase c : groupCases) {
                CompletableFuture<Outcome> outcome = outcomes.get(cases.indexOf(c));
                tests.add(DynamicTest.dynamicTest(c.name(), () -> judge(c, outcome.join(), known)));
            }
            groups.add(DynamicContainer.dynamicContainer(group, tests));
        });
        return groups.stream();
    }

    /** Passes, skips (unsupported, or a listed failure that still fails) or fails one case. */
    static void judge(CorpusCase c, Outcome outcome, KnownFailures known) {
        boolean listed = known.contains(c.id());
        switch (outcome.status()) {
            case PASS -> {
                if (listed) {
                    fail(c.id() + " passes now: remove it from " + KnownFailures.RESOURCE
                            + " (listed as: " + known.reason(c.id()) + ")");
                }
            }
            case UNSUPPORTED -> {
                if (listed) {
                    fail(c.id() + " is listed in " + KnownFailures.RESOURCE + " but no longer fails: "
                            + outcome.summary() + "; remove it from the list");
                }
                Assumptions.abort("unsupported: " + outcome.category() + " (" + outcome.detail() + ")");
            }
            case FAIL -> {
                if (!listed) {
                    fail(c.id() + " fails:\n" + outcome.summary()
                            + "\nFix the engine, or (for a known gap) add the case to " + KnownFailures.RESOURCE);
                }
                Assumptions.abort("known failure: " + outcome.summary());
            }
        }
    }
}
