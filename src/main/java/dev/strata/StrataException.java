package dev.strata;

import java.util.List;

/**
 * StrataException is the one unchecked root exception of Strata. Its {@link ErrorCode} decides the
 * process exit code; its message says what went wrong, where and how to fix it.
 */
public class StrataException extends RuntimeException {
    private final ErrorCode code;
    private final List<String> problems;

    public StrataException(ErrorCode code, String message) {
        this(code, message, List.of(), null);
    }

    public StrataException(ErrorCode code, String message, Throwable cause) {
        this(code, message, List.of(), cause);
    }

    public StrataException(ErrorCode code, String message, List<String> problems, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.problems = List.copyOf(problems);
    }

    public ErrorCode code() {
        return code;
    }

    /** The individual problems when several were collected (model validation), else empty. */
    public List<String> problems() {
        return problems;
    }
}
