package dev.strata.corpus;

import java.util.Objects;

/**
 * Outcome represents how one corpus case ended.
 *
 * @param status   pass, unsupported or fail
 * @param category for {@link Status#UNSUPPORTED} the feature Strata does not model (or what the
 *                 case needs that this server lacks); for {@link Status#FAIL} the step that failed;
 *                 empty for {@link Status#PASS}
 * @param detail   the evidence: the objects with the feature, the PostgreSQL error, the remaining
 *                 changes
 * @param millis   how long the case took
 */
public record Outcome(Status status, String category, String detail, long millis) {
    public Outcome {
        Objects.requireNonNull(status, "status");
        category = category == null ? "" : category;
        detail = detail == null ? "" : detail;
    }

    /** How a case can end. */
    public enum Status {
        /** Every invariant held. */
        PASS,
        /** The case uses something Strata does not model, or this server cannot run it. */
        UNSUPPORTED,
        /** A supported case broke an invariant, or a step threw. */
        FAIL
    }

    static Outcome pass() {
        return pass(0, 0);
    }

    /** A pass, with the size of the migration it applied. */
    static Outcome pass(int up, int down) {
        return new Outcome(Status.PASS, "", up + " up, " + down + " down statements", 0);
    }

    /** Whether this is a pass that applied no statement at all. */
    boolean passedWithoutChange() {
        return status == Status.PASS && detail.startsWith("0 up, 0 down");
    }

    static Outcome unsupported(String feature, String detail) {
        return new Outcome(Status.UNSUPPORTED, feature, detail, 0);
    }

    static Outcome fail(String step, String detail) {
        return new Outcome(Status.FAIL, step, detail, 0);
    }

    Outcome withMillis(long ms) {
        return new Outcome(status, category, detail, ms);
    }

    /** One line for logs and test messages: {@code FAIL [up does not converge] ...}. */
    public String summary() {
        return status + (category.isEmpty() ? "" : " [" + category + "]") + (detail.isEmpty() ? "" : " " + detail);
    }
}
