package dev.strata.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class KnownFailuresTest {
    private static final CorpusCase LISTED = new CorpusCase("migra/x", CorpusCase.Source.MIGRA, "migra", "x",
            "", "CREATE TABLE t (a int)", "public", 0, 0);
    private static final CorpusCase OTHER = new CorpusCase("migra/y", CorpusCase.Source.MIGRA, "migra", "y",
            "", "CREATE TABLE t (a int)", "public", 0, 0);
    private static final KnownFailures KNOWN = KnownFailures.parse("""
            # comment
            migra/x\tup fails: boom

            """);

    @Test
    void parsesIdsAndReasons() {
        assertTrue(KNOWN.contains("migra/x"));
        assertFalse(KNOWN.contains("migra/y"));
        assertEquals("up fails: boom", KNOWN.reason("migra/x"));
        assertThrows(IllegalStateException.class, () -> KnownFailures.parse("a\tb\na\tc\n"));
    }

    @Test
    void listedCaseMustKeepFailing() {
        assertThrows(TestAbortedException.class, () -> CorpusTests.judge(LISTED, Outcome.fail("up fails", "boom"), KNOWN));
        AssertionFailedError passes = assertThrows(AssertionFailedError.class,
                () -> CorpusTests.judge(LISTED, Outcome.pass(), KNOWN));
        assertTrue(passes.getMessage().contains("passes now"), passes.getMessage());
        assertThrows(AssertionFailedError.class,
                () -> CorpusTests.judge(LISTED, Outcome.unsupported("domain", "d"), KNOWN));
    }

    @Test
    void unlistedFailureFailsAndUnsupportedIsSkipped() {
        CorpusTests.judge(OTHER, Outcome.pass(), KNOWN);
        AssertionFailedError failed = assertThrows(AssertionFailedError.class,
                () -> CorpusTests.judge(OTHER, Outcome.fail("down fails", "x"), KNOWN));
        assertTrue(failed.getMessage().contains("down fails"), failed.getMessage());
        TestAbortedException skipped = assertThrows(TestAbortedException.class,
                () -> CorpusTests.judge(OTHER, Outcome.unsupported("domain", "positive"), KNOWN));
        assertTrue(skipped.getMessage().contains("domain"), skipped.getMessage());
    }

    @Test
    void committedListParses() {
        KnownFailures.load().ids().forEach(id -> assertTrue(id.matches("(sqldef|migra|samples)/.+"), id));
    }
}
