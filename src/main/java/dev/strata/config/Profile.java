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
 * @param backup whether {@code migrate} and {@code migrate-to} take a pg_dump backup first ({@code :backup true},
 *               or a directory as a string), or {@code null} when unset: then only a profile named {@code prod} does
 * @param backupDir the directory of {@code :backup "dir"}, or {@code null} for {@code .strata/backups}
 * @param verify  {@code :verify false} switches off {@code migrate}'s verification for this profile ({@code null}: on)
 * @param verifyMaxRows {@code :verify-max-rows N}: tables estimated above N rows are not counted exactly, or {@code null}
 */
public record Profile(String name, String url, String urlEnv, String schema, Integer pgVersion, String devUrl,
                      Boolean backup, String backupDir, Boolean verify, Long verifyMaxRows) {
    /** The profile name that takes a backup before migrating unless its {@code :backup} says otherwise. */
    public static final String PROD = "prod";

    /** The profile used when none is named: the embedded PostgreSQL unless a URL is given. */
    public static final String DEV = "dev";

    public Profile {
        Objects.requireNonNull(name, "name");
    }

    public Profile(String name, String url, String urlEnv, String schema, Integer pgVersion, String devUrl) {
        this(name, url, urlEnv, schema, pgVersion, devUrl, null, null, null, null);
    }

    /** A profile with nothing set. */
    public static Profile empty(String name) {
        return new Profile(name, null, null, null, null, null);
    }

    /** Whether migrations on this profile's target are preceded by a backup when the command line says nothing. */
    public boolean backsUpByDefault() {
        return backup != null ? backup : name.equals(PROD);
    }
}
