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

    /**
     * The pg_dump for a server of {@code serverMajor}, or an error saying what this machine has and
     * how to fix it (exit 8). Never a hand-made dump instead.
     */
    public static PgDump require(int serverMajor, String purpose) {
        return forServer(serverMajor).orElseThrow(() -> new dev.strata.StrataException(dev.strata.ErrorCode.CONFIG,
                purpose + " needs pg_dump of PostgreSQL " + serverMajor + " or newer (pg_dump refuses newer servers); "
                        + found() + ".\n  Fix: install PostgreSQL's client programs of version " + serverMajor
                        + " or newer (Debian: apt-get install postgresql-client-" + serverMajor
                        + "), or point STRATA_PG_DUMP at such a pg_dump."));
    }

    /** What pg_dump binaries this machine has, for messages. */
    static String found() {
        List<String> seen = new ArrayList<>();
        for (int m = PgMajor.NEWEST; m >= 9; m--) {
            Path p = Path.of("/usr/lib/postgresql/" + m + "/bin/pg_dump");
            if (Files.isExecutable(p)) {
                seen.add(p + " (" + versionOf(p).map(String::valueOf).orElse("unknown version") + ")");
            }
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                Path p = Path.of(dir, "pg_dump");
                if (Files.isExecutable(p) && seen.stream().noneMatch(x -> x.startsWith(p + " "))) {
                    seen.add(p + " (" + versionOf(p).map(String::valueOf).orElse("unknown version") + ")");
                }
            }
        }
        String configured = System.getenv("STRATA_PG_DUMP");
        if (configured != null && !configured.isBlank()) {
            seen.add(0, "STRATA_PG_DUMP=" + configured + (Files.isExecutable(Path.of(configured))
                    ? " (" + versionOf(Path.of(configured)).map(String::valueOf).orElse("unknown version") + ")" : " (not executable)"));
        }
        return seen.isEmpty() ? "this machine has none (not on PATH, not under /usr/lib/postgresql)"
                : "found only " + String.join(", ", seen);
    }

    /** pg_restore from the same directory as this pg_dump (the client package ships both). */
    public Path pgRestore() {
        Path dir = binary.toAbsolutePath().getParent();
        return dir == null ? Path.of("pg_restore") : dir.resolve("pg_restore");
    }

    /**
     * Dumps one schema, data included, in pg_dump's custom format to {@code file}: what
     * {@code migrate --backup} keeps before it changes anything.
     *
     * @param jdbcUrl  the database, as a jdbc:postgresql:// URL (host, port and database are taken from it)
     * @throws IOException when pg_dump fails, with its error output
     */
    public void dumpSchema(String jdbcUrl, String user, String password, String schema, Path file) throws IOException {
        java.util.Properties props = org.postgresql.Driver.parseURL(jdbcUrl, new java.util.Properties());
        if (props == null) {
            throw new IOException("cannot read host and database from " + JdbcUrls.redact(jdbcUrl));
        }
        String host = props.getProperty("PGHOST", "localhost");
        String port = props.getProperty("PGPORT", "5432");
        if (host.contains(",")) {
            host = host.substring(0, host.indexOf(','));
            port = port.contains(",") ? port.substring(0, port.indexOf(',')) : port;
        }
        String u = user != null ? user : props.getProperty("user");
        String p = password != null ? password : props.getProperty("password");
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--format=custom", "--no-password",
                "--schema", schema, "--file", file.toString(),
                "--host", host, "--port", port, "--dbname", props.getProperty("PGDBNAME", "postgres")));
        if (u != null) {
            command.add("--username");
            command.add(u);
        }
        ProcessBuilder pb = new ProcessBuilder(command);
        if (p != null) {
            pb.environment().put("PGPASSWORD", p);
        }
        if ("require".equals(props.getProperty("sslmode")) || "verify-full".equals(props.getProperty("sslmode"))
                || "verify-ca".equals(props.getProperty("sslmode"))) {
            pb.environment().put("PGSSLMODE", props.getProperty("sslmode"));
        }
        pb.redirectErrorStream(true);
        try {
            Process process = pb.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(6, TimeUnit.HOURS)) {
                process.destroyForcibly();
                throw new IOException("pg_dump did not finish");
            }
            if (process.exitValue() != 0) {
                Files.deleteIfExists(file);
                throw new IOException("pg_dump exited with " + process.exitValue() + ": " + out.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Files.deleteIfExists(file);
            throw new IOException("interrupted while running pg_dump", e);
        }
    }

    /**
     * Writes pg_restore's table of contents of a custom-format dump to {@code list}, without the
     * entry that creates the schema itself: restoring over the live schema then replaces its
     * objects but never drops the schema, which extensions and other schemas' objects may depend on.
     */
    public void restoreListWithoutSchema(Path dump, Path list) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(pgRestore().toString(), "--list", dump.toString());
        Path err = Files.createTempFile("pg_restore", ".err");
        try {
            pb.redirectError(err.toFile());
            Process process = pb.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IOException(pgRestore() + " --list failed: " + Files.readString(err).strip());
            }
            StringBuilder kept = new StringBuilder();
            for (String line : out.split("\n")) {
                if (!line.matches("^\\d+; \\d+ \\d+ SCHEMA - .*")) {
                    kept.append(line).append('\n');
                }
            }
            Files.writeString(list, kept.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running pg_restore --list", e);
        } finally {
            Files.deleteIfExists(err);
        }
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
