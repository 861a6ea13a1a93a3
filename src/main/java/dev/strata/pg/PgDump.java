package dev.strata.pg;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PgDump runs PostgreSQL's own {@code pg_dump --schema-only}, the independent witness of what a
 * database holds: a blind spot shared by Strata's catalog reader and differ does not hide from it.
 * pg_dump refuses servers newer than itself, so the binary must be of the server's major or newer.
 * Looked for in this order: {@code STRATA_PG_DUMP}, {@code /usr/lib/postgresql/<major>/bin/pg_dump}
 * (Debian's layout, newest first), {@code pg_dump} on the {@code PATH}.
 */
public final class PgDump {
    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)");

    private final Path binary;
    private final int major;

    private PgDump(Path binary, int major) {
        this.binary = binary;
        this.major = major;
    }

    /** A pg_dump that can dump a server of {@code serverMajor}, if this machine has one. */
    public static Optional<PgDump> forServer(int serverMajor) {
        List<Path> candidates = new ArrayList<>();
        String configured = System.getenv("STRATA_PG_DUMP");
        if (configured != null && !configured.isBlank()) {
            candidates.add(Path.of(configured));
        }
        for (int m = PgMajor.NEWEST; m >= 9; m--) {
            candidates.add(Path.of("/usr/lib/postgresql/" + m + "/bin/pg_dump"));
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                candidates.add(Path.of(dir, "pg_dump"));
            }
        }
        for (Path p : candidates) {
            if (Files.isExecutable(p)) {
                Optional<Integer> m = versionOf(p);
                if (m.isPresent() && m.get() >= serverMajor) {
                    return Optional.of(new PgDump(p, m.get()));
                }
            }
        }
        return Optional.empty();
    }

    public Path binary() {
        return binary;
    }

    public int major() {
        return major;
    }

    /**
     * The schema-only dump of one database, without owners and privileges, as pg_dump prints it.
     *
     * @throws IOException when pg_dump fails, with its error output
     */
    public String schemaOnly(ScratchDatabase db) throws IOException {
        URI uri = URI.create(db.url().substring("jdbc:".length()));
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--schema-only", "--no-owner", "--no-privileges",
                "--host", uri.getHost() == null ? "localhost" : uri.getHost(),
                "--port", String.valueOf(uri.getPort() < 0 ? 5432 : uri.getPort()),
                "--username", db.server().user() == null ? "postgres" : db.server().user(),
                "--dbname", db.name()));
        ProcessBuilder pb = new ProcessBuilder(command);
        if (db.server().password() != null) {
            pb.environment().put("PGPASSWORD", db.server().password());
        }
        Path err = Files.createTempFile("pg_dump", ".err");
        try {
            pb.redirectError(err.toFile());
            Process process = pb.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException("pg_dump did not finish in 5 minutes");
            }
            if (process.exitValue() != 0) {
                throw new IOException("pg_dump exited with " + process.exitValue() + ": " + Files.readString(err).strip());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running pg_dump", e);
        } finally {
            Files.deleteIfExists(err);
        }
    }

    private static Optional<Integer> versionOf(Path binary) {
        try {
            Process p = new ProcessBuilder(binary.toString(), "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(30, TimeUnit.SECONDS);
            Matcher m = VERSION.matcher(out);
            return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
