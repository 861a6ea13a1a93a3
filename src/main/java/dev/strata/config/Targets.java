package dev.strata.config;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import dev.strata.pg.DevServer;
import dev.strata.pg.PgMajor;
import dev.strata.runner.ConnectionSource;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Targets picks the database a command works on. The first that applies wins: the
 * {@code --url} option; the profile's {@code :url} or {@code :url-env}; the {@code DATABASE_URL}
 * environment variable; for the {@code :dev} profile, an embedded PostgreSQL whose data lives
 * under {@code .strata/pg} in the project directory.
 */
public final class Targets {
    /** Where the {@code :dev} profile's embedded cluster keeps its data, under the project directory. */
    public static final Path EMBEDDED_DATA = Path.of(".strata", "pg");

    private Targets() {
    }

    /**
     * Resolves the target of a profile.
     *
     * @param urlOption the {@code --url} value, or {@code null}
     * @param env       the environment ({@code System::getenv})
     */
    public static Target resolve(StrataConfig config, String profileName, String urlOption, Function<String, String> env) {
        Profile profile = config.profile(profileName == null ? Profile.DEV : profileName);
        if (urlOption != null) {
            return connect(urlOption, "--url");
        }
        if (profile.url() != null) {
            return connect(profile.url(), "profile :" + profile.name() + " :url in " + config.file());
        }
        if (profile.urlEnv() != null) {
            String value = env.apply(profile.urlEnv());
            if (value == null || value.isBlank()) {
                throw new StrataException(ErrorCode.CONFIG, "profile :" + profile.name() + " takes its database URL from "
                        + profile.urlEnv() + ", which is not set.\n  Fix: export " + profile.urlEnv()
                        + "=postgres://user:password@host:5432/db, or pass --url.");
            }
            return connect(value, "profile :" + profile.name() + ", " + profile.urlEnv());
        }
        String databaseUrl = env.apply("DATABASE_URL");
        if (databaseUrl != null && !databaseUrl.isBlank()) {
            return connect(databaseUrl, "DATABASE_URL");
        }
        if (profile.name().equals(Profile.DEV)) {
            Path data = config.projectDir().resolve(EMBEDDED_DATA);
            DevServer server = DevServer.embedded(data, profile.pgVersion() != null ? profile.pgVersion() : PgMajor.BUNDLED);
            return new Target(ConnectionSource.of(server.url(), server.user(), server.password()),
                    "profile :dev, embedded PostgreSQL with data in " + data, server);
        }
        throw new StrataException(ErrorCode.CONFIG, "profile :" + profile.name() + " names no database.\n  Fix: give it"
                + " :url or :url-env in " + (config.file() == null ? StrataConfig.FILE_NAME : config.file())
                + ", set DATABASE_URL, or pass --url.");
    }

    /** Whether a profile's target is the embedded {@code :dev} cluster (no URL from anywhere). */
    public static boolean isEmbeddedDev(Profile profile, String urlOption, Function<String, String> env) {
        String databaseUrl = env.apply("DATABASE_URL");
        return urlOption == null && profile.url() == null && profile.urlEnv() == null
                && (databaseUrl == null || databaseUrl.isBlank()) && profile.name().equals(Profile.DEV);
    }

    private static Target connect(String url, String origin) {
        try {
            return new Target(ConnectionSource.of(url, null, null), origin, null);
        } catch (IllegalArgumentException e) {
            throw new StrataException(ErrorCode.CONFIG, "the database URL from " + origin + " is not usable: "
                    + e.getMessage() + "\n  Fix: write postgres://user:password@host:5432/db or jdbc:postgresql://host:5432/db.", e);
        }
    }

    /** The schema to work on: the option, else the profile's, else the file's. */
    public static String schema(StrataConfig config, String profileName, String schemaOption) {
        if (schemaOption != null) {
            return schemaOption;
        }
        Profile profile = config.profile(profileName == null ? Profile.DEV : profileName);
        return profile.schema() != null ? profile.schema() : config.schema();
    }
}
