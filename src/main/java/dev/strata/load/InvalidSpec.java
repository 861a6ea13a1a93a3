package dev.strata.load;

/** InvalidSpec signals one malformed piece of a model: what is wrong and how to fix it. */
final class InvalidSpec extends RuntimeException {
    private final String fix;

    InvalidSpec(String what, String fix) {
        super(what);
        this.fix = fix;
    }

    String what() {
        return getMessage();
    }

    String fix() {
        return fix;
    }
}
