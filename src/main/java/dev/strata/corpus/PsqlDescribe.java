package dev.strata.corpus;

import dev.strata.pg.ScratchDatabase;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * PsqlDescribe runs {@code psql -c '\d schema.table'} against a scratch database, for corpora
 * that state the expected description of a table (Atlas's {@code cmpshow}). It uses the
 * {@code STRATA_PSQL} variable when set, else the first {@code psql} on the {@code PATH}.
 */
final class PsqlDescribe {
    private final Path binary;

    private PsqlDescribe(Path binary) {
        this.binary = binary;
    }

    /** The psql of this machine, or empty when there is none. */
    static Optional<PsqlDescribe> find() {
        String configured = System.getenv("STRATA_PSQL");
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured);
            return Files.isExecutable(p) ? Optional.of(new PsqlDescribe(p)) : Optional.empty();
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir, "psql");
            if (Files.isExecutable(p)) {
                return Optional.of(new PsqlDescribe(p));
            }
        }
        return Optional.empty();
    }

    Path binary() {
        return binary;
    }

    /** What {@code \d "schema"."table"} prints, one table after the other. */
    String describe(ScratchDatabase db, String schema, List<String> tables) throws IOException {
        URI uri = URI.create(db.url().substring("jdbc:".length()));
        List<String> command = new ArrayList<>(List.of(binary.toString(), "-X", "-q", "-P", "pager=off",
                "--host", uri.getHost() == null ? "localhost" : uri.getHost(),
                "--port", String.valueOf(uri.getPort() < 0 ? 5432 : uri.getPort()),
                "--username", db.server().user() == null ? "postgres" : db.server().user(),
                "--dbname", db.name()));
        for (String table : tables) {
            command.add("-c");
            command.add("\\d " + AtlasSchemaSql.q(schema) + "." + AtlasSchemaSql.q(table));
        }
        ProcessBuilder pb = new ProcessBuilder(command);
        if (db.server().password() != null) {
            pb.environment().put("PGPASSWORD", db.server().password());
        }
        pb.environment().put("PGOPTIONS", "-c search_path=public");
        Path err = Files.createTempFile("psql", ".err");
        try {
            pb.redirectError(err.toFile());
            Process process = pb.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException("psql did not finish in 2 minutes");
            }
            String error = Files.readString(err).strip();
            if (process.exitValue() != 0 || error.contains("ERROR") || error.startsWith("Did not find")) {
                throw new IOException("psql exited with " + process.exitValue() + ": " + error);
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running psql", e);
        } finally {
            Files.deleteIfExists(err);
        }
    }

    /**
     * The lines that matter for comparing two descriptions: each stripped (titles are centred on
     * the width of the widest column), blank lines left out.
     */
    static List<String> normalized(String description) {
        return description.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
