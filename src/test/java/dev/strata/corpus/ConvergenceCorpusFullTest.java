package dev.strata.corpus;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/** The corpus files outside the CI subset (minutes on two cores), Atlas's testscripts among them: run with {@code mvn -Pfull verify}. */
@Tag("slow")
class ConvergenceCorpusFullTest {
    @TestFactory
    Stream<DynamicNode> remainingFiles() {
        return CorpusTests.dynamicTests(c -> !CorpusTests.inCi(c));
    }
}
