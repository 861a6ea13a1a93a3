package dev.strata.config;

import dev.strata.pg.DevServer;
import dev.strata.runner.ConnectionSource;

/**
 * Target represents the resolved database a command works on, with where it came from. Closing
 * it stops the embedded PostgreSQL when one was started for it.
 */
public final class Target implements AutoCloseable {
    private final ConnectionSource source;
    private final String origin;
    private final DevServer embedded;

    Target(ConnectionSource source, String origin, DevServer embedded) {
        this.source = source;
        this.origin = origin;
        this.embedded = embedded;
    }

    public ConnectionSource source() {
        return source;
    }

    /** How it was chosen ({@code --url}, {@code profile :prod (DATABASE_URL)}, {@code embedded ...}). */
    public String origin() {
        return origin;
    }

    /** The redacted URL and its origin, for output. */
    public String describe() {
        return source.description() + " (" + origin + ")";
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
