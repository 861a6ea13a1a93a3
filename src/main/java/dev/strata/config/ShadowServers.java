package dev.strata.config;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import dev.strata.pg.DevServer;
import dev.strata.pg.JdbcUrls;
import dev.strata.pg.PgMajor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ShadowServers decides which server holds a command's scratch databases (the "desired" model and
 * the state the migration files produce), so that every front end (CLI, Java API, Maven plugin)
 * makes the same choice:
 * <ol>
 *   <li>{@code --dev-url}, else the profile's {@code :dev-url}: that server, as it is;</li>
 *   <li>else an embedded PostgreSQL of the target's major version: the version the target reports
 *       when the command reaches it; when it does not (make-all-migrations), the profile's
 *       {@code :pg-version}, else the embedded {@code :dev} cluster's version, else the version of
 *       the last target Strata reached for this project (recorded in {@code .strata/target-version}),
 *       else {@link PgMajor#BUNDLED}.</li>
 * </ol>
 */
public final class ShadowServers {
    /** Where the last target's version is recorded, under the project directory. */
    public static final Path RECORD = Path.of(".strata", "target-version");
    private static final Pattern RECORDED = Pattern.compile("server_version_num=(\\d+)\\s+server_version=(\\S+)");

    private ShadowServers() {
    }

    /**
     * Choice represents the major version chosen for an embedded shadow server, and why.
     *
     * @param major  13 to 18
     * @param reason for output ({@code the target's version 15.19})
     */
    public record Choice(int major, String reason) {
    }

    /** The server named for scratch databases: the option, else the profile's {@code :dev-url}, else {@code null}. */
    public static String devUrl(StrataConfig config, String profileName, String devUrlOption) {
        if (devUrlOption != null) {
            return devUrlOption;
        }
        return config.profile(profileName == null ? Profile.DEV : profileName).devUrl();
    }

    /** The choice when the target reported its version. */
    public static Choice forTarget(PgMajor.ServerVersion target) {
        if (!PgMajor.isSupported(target.major())) {
            throw PgMajor.unsupported(target.major(), "the target");
        }
        return new Choice(target.major(), "the target's version, " + target.text());
    }

    /** The choice when the target is not reached; see the class comment for the order. */
    public static Choice offline(StrataConfig config, String profileName, String urlOption, Function<String, String> env) {
        Profile profile = config.profile(profileName == null ? Profile.DEV : profileName);
        if (profile.pgVersion() != null) {
            return new Choice(profile.pgVersion(), ":pg-version of profile :" + profile.name());
        }
        if (Targets.isEmbeddedDev(profile, urlOption, env)) {
            Path data = config.projectDir().resolve(Targets.EMBEDDED_DATA);
            Optional<Integer> cluster = DevServer.clusterMajor(data);
            if (cluster.isPresent()) {
                return new Choice(cluster.get(), "the version of the embedded :dev cluster in " + data);
            }
        }
        Optional<PgMajor.ServerVersion> last = recorded(config.projectDir());
        if (last.isPresent() && PgMajor.isSupported(last.get().major())) {
            return new Choice(last.get().major(), "the version of the last target reached, " + last.get().text()
                    + " (recorded in " + RECORD + ")");
        }
        return new Choice(PgMajor.BUNDLED, "Strata's default: no target version known yet; set :pg-version in the profile");
    }

    /** Where the project's embedded shadow clusters are kept, one per major version, under the project directory. */
    public static final Path CLUSTERS = Path.of(".strata", "shadow");

    /**
     * Opens the shadow server: the one {@code devUrl} names, else an embedded server of
     * {@code choice.major()}: the project's cluster of that version under {@code .strata/shadow/}
     * (made by initdb on first use, only started afterwards), or a throw-away one when
     * {@code projectDir} is null or that cluster cannot be used (another run has it, the directory
     * is not writable). The caller closes it.
     */
    public static DevServer open(String devUrl, Choice choice, Path projectDir) {
        if (devUrl == null) {
            return warm(projectDir, choice.major());
        }
        try {
            JdbcUrls.Parsed parsed = JdbcUrls.parse(devUrl);
            return DevServer.external(parsed.jdbcUrl(), parsed.user(), parsed.password());
        } catch (IllegalArgumentException e) {
            throw new StrataException(ErrorCode.CONFIG, "the dev URL is not usable: " + e.getMessage()
                    + "\n  Fix: write postgres://user:password@host:5432/db or jdbc:postgresql://host:5432/db"
                    + " (a server where Strata may create and drop scratch databases).", e);
        }
    }

    /** An embedded server without a project: a throw-away cluster. */
    public static DevServer open(String devUrl, Choice choice) {
        return open(devUrl, choice, null);
    }

    /**
     * The project's kept cluster of {@code major}, with the scratch databases a killed run left
     * behind dropped (this run holds the cluster's lock, so no other run is using them); a
     * throw-away cluster when it cannot be had.
     */
    static DevServer warm(Path projectDir, int major) {
        if (projectDir != null) {
            Path data = projectDir.resolve(CLUSTERS).resolve(Integer.toString(major));
            DevServer kept = null;
            try {
                kept = DevServer.embedded(data, major);
                if (kept.major() == major) {
                    kept.dropDatabases();
                    kept.keepStates();
                    return kept;
                }
            } catch (RuntimeException e) {
                // In use by another run, or unusable: a throw-away cluster below.
            }
            if (kept != null) {
                kept.close();
            }
        }
        return DevServer.embedded(null, major);
    }

    /**
     * A line for output: which embedded server Strata chose for the scratch databases, and why; or
     * {@code null} for a server the user named (its version was the user's choice).
     */
    public static String describe(DevServer shadow, Choice choice) {
        if (!shadow.isEmbedded()) {
            return null;
        }
        return "Shadow server: embedded PostgreSQL " + shadow.version().text() + " (" + choice.reason() + ")";
    }

    /** Records the version of a target just reached; best effort, a read-only project directory is fine. */
    public static void record(Path projectDir, PgMajor.ServerVersion version) {
        Path file = projectDir.resolve(RECORD);
        String text = "server_version_num=" + version.num() + " server_version=" + version.text() + "\n";
        try {
            if (Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
                return;
            }
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "target-version", ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Only a later offline choice needs it, and that one falls back and says so.
        }
    }

    /** The version recorded by {@link #record}, if any. */
    public static Optional<PgMajor.ServerVersion> recorded(Path projectDir) {
        Path file = projectDir.resolve(RECORD);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Matcher m = RECORDED.matcher(Files.readString(file, StandardCharsets.UTF_8));
            if (!m.find()) {
                throw new StrataException(ErrorCode.CONFIG, file + " is not what Strata writes there."
                        + "\n  Fix: delete it; the next command that reaches the target records it again.");
            }
            return Optional.of(new PgMajor.ServerVersion(Integer.parseInt(m.group(1)), m.group(2)));
        } catch (IOException e) {
            throw new StrataException(ErrorCode.CONFIG, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
