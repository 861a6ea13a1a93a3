package dev.strata.cli;

import dev.strata.catalog.CatalogReader;
import dev.strata.model.Schema;
import dev.strata.pg.DevServer;
import dev.strata.pg.ScratchDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * WorkflowProject is a throw-away Strata project in a temporary folder: a model tree under
 * {@code db/}, its migrations under {@code db/migrations}, a {@code strata.edn} that sends the
 * processed model to {@code out/}, and a dev server for the scratch databases (the test server,
 * so no embedded PostgreSQL is started). Commands run with every path explicit, so nothing is
 * written in the repository.
 */
record WorkflowProject(Path root, DevServer server) {
    static WorkflowProject create(Path root, DevServer server) {
        write(root.resolve("strata.edn"), "{:processed-model \"out/models_processed.edn\"}\n");
        return new WorkflowProject(root, server);
    }

    /** The same project with the repository's example model tree copied in. */
    static WorkflowProject withExampleTree(Path root, DevServer server) {
        WorkflowProject p = create(root, server);
        Path from = Path.of("resources", "db");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path to = p.models().resolve(from.relativize(f).toString());
                Files.createDirectories(to.getParent());
                Files.copy(f, to);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    Path models() {
        return root.resolve("db");
    }

    Path migrations() {
        return models().resolve("migrations");
    }

    Path processed() {
        return root.resolve("out").resolve("models_processed.edn");
    }

    /** Runs a command with the project's paths and the dev server. */
    CliRun run(String... args) {
        List<String> full = new ArrayList<>(List.of(args));
        full.addAll(List.of("--models-dir", models().toString(), "--migrations-dir", migrations().toString(),
                "--config", root.resolve("strata.edn").toString()));
        if (takesDevServer(args[0])) {
            full.addAll(List.of("--dev-url", devUrl(server)));
        }
        return CliRun.of(full.toArray(String[]::new));
    }

    /** Runs a command against one target database. */
    CliRun run(ScratchDatabase target, String... args) {
        List<String> full = new ArrayList<>(List.of(args));
        full.addAll(List.of("--url", CliRun.url(target)));
        return run(full.toArray(String[]::new));
    }

    private static boolean takesDevServer(String command) {
        return command.equals("make-all-migrations") || command.equals("make-migration") || command.equals("diff");
    }

    /** The file names in the migrations folder, sorted. */
    List<String> migrationFiles() {
        if (!Files.isDirectory(migrations())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(migrations())) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of the highest-numbered migration file (for failure messages). */
    String newest() {
        List<String> files = migrationFiles();
        return files.isEmpty() ? "(no migration files)" : files.get(files.size() - 1) + ":\n" + read(migrations().resolve(files.get(files.size() - 1)));
    }

    /** Replaces {@code from} by {@code to} in a model file; the text must occur exactly once. */
    void edit(String file, String from, String to) {
        Path path = models().resolve(file);
        try {
            String text = Files.readString(path);
            int at = text.indexOf(from);
            if (at < 0 || text.indexOf(from, at + 1) >= 0) {
                throw new IllegalArgumentException("'" + from + "' does not occur exactly once in " + path);
            }
            Files.writeString(path, text.replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void writeModel(String file, String text) {
        write(models().resolve(file), text);
    }

    String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Schema catalog(ScratchDatabase db, String schema) throws SQLException {
        try (Connection c = db.connect()) {
            return CatalogReader.read(c, schema);
        }
    }

    static String devUrl(DevServer server) {
        if (server.user() == null || server.url().contains("user=")) {
            return server.url();
        }
        String sep = server.url().contains("?") ? "&" : "?";
        return server.url() + sep + "user=" + server.user() + (server.password() == null ? "" : "&password=" + server.password());
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
