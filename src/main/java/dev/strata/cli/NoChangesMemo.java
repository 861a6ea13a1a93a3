package dev.strata.cli;

import dev.strata.compile.DdlCompiler;
import dev.strata.load.LoadedModel;
import dev.strata.migration.Migration;
import dev.strata.state.KeptStates;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;

/**
 * NoChangesMemo remembers that make-all-migrations found nothing to do for exactly these inputs:
 * the model's compiled script and hints, every migration file's number, name and checksum, the
 * shadow server's major version and this build of Strata. The plan is a function of those, so
 * while they are the same the answer is the same, and the next run gives it without starting a
 * server ({@code .strata/no-changes}; only with the embedded shadow server, whose version the
 * major names). Any other answer, or any changed input, runs the whole comparison.
 */
final class NoChangesMemo {
    static final Path FILE = Path.of(".strata", "no-changes");

    private NoChangesMemo() {
    }

    static String key(LoadedModel model, List<Migration> files, int major) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            StringBuilder text = new StringBuilder("strata-no-changes 1\n").append(KeptStates.build()).append('\n')
                    .append(major).append('\n');
            for (String sql : DdlCompiler.compile(model.schema())) {
                text.append(sql).append('\0');
            }
            // The hints' maps in a fixed order.
            TreeSet<String> hints = new TreeSet<>();
            model.hints().tableRenames().forEach((k, v) -> hints.add("table " + k + " " + v));
            model.hints().columnRenames().forEach((k, v) -> hints.add("column " + k + " " + v));
            model.hints().usingExpressions().forEach((k, v) -> hints.add("using " + k + " " + v));
            model.hints().enumLabelRenames().forEach((k, v) -> hints.add("labels " + k + " " + new java.util.TreeMap<>(v)));
            model.hints().acceptedLosses().forEach(a -> hints.add("accepted " + a));
            hints.forEach(h -> text.append(h).append('\0'));
            for (Migration m : files) {
                text.append(m.id()).append(' ').append(m.checksum()).append('\0');
            }
            d.update(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides SHA-256", e);
        }
    }

    static boolean holds(Path projectDir, String key) {
        Path file = projectDir.resolve(FILE);
        try {
            return Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).strip().equals(key);
        } catch (IOException e) {
            return false;
        }
    }

    /** Best effort: a read-only project only loses the shortcut. */
    static void record(Path projectDir, String key) {
        Path file = projectDir.resolve(FILE);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "no-changes", ".tmp");
            Files.writeString(tmp, key + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Next time the comparison runs again.
        }
    }

    static void forget(Path projectDir) {
        try {
            Files.deleteIfExists(projectDir.resolve(FILE));
        } catch (IOException e) {
            // A stale memo names other inputs and does not match them.
        }
    }
}
