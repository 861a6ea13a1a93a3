package dev.strata.config;

import java.util.Objects;

/**
 * Profile represents one named target of {@code strata.edn}'s {@code :profiles} map.
 *
 * @param name   the profile name without the colon ({@code dev}, {@code test}, {@code prod})
 * @param url    a database URL written in the file, or {@code null}
 * @param urlEnv the environment variable holding the URL, or {@code null}
 * @param schema a schema that overrides the file's {@code :schema}, or {@code null}
 * @param pgVersion the target's PostgreSQL major version ({@code :pg-version 15}), used for the shadow
 *               server when the target is not reached and for a new embedded {@code :dev} cluster, or {@code null}
 * @param devUrl a server for the scratch databases ({@code :dev-url}), or {@code null} for an embedded one
 */
public record Profile(String name, String url, String urlEnv, String schema, Integer pgVersion, String devUrl) {
    /** The profile used when none is named: the embedded PostgreSQL unless a URL is given. */
    public static final String DEV = "dev";

    public Profile {
        Objects.requireNonNull(name, "name");
    }

    /** A profile with nothing set. */
    public static Profile empty(String name) {
        return new Profile(name, null, null, null, null, null);
    }
}
