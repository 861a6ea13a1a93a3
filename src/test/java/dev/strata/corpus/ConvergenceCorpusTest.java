package dev.strata.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The CI subset of the corpora: sqldef's tables, constraints, indices, views and types files, the
 * migra fixtures and the sample schemas, each case its own test. The other files run in
 * {@link ConvergenceCorpusFullTest}.
 */
class ConvergenceCorpusTest {
    @TestFactory
    Stream<DynamicNode> ciSubset() {
        return CorpusTests.dynamicTests(CorpusTests::inCi);
    }

    @Test
    void everyKnownFailureNamesAnExistingCase() {
        Optional<Path> root = Corpora.locate();
        assumeTrue(root.isPresent(), "external corpora not found (looked at " + Corpora.searchedPlaces() + ")");
        Set<String> ids = Corpora.load(root.get()).stream().map(CorpusCase::id).collect(Collectors.toSet());
        List<String> stale = KnownFailures.load().ids().stream().filter(id -> !ids.contains(id)).sorted().toList();
        assertEquals(List.of(), stale, "ids in " + KnownFailures.RESOURCE + " that name no corpus case");
    }
}
