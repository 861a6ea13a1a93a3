package dev.strata.migration;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import us.bpsm.edn.Keyword;

/**
 * MigrationWriter writes new migration files under the next free number. A file appears
 * complete or not at all: it is written to a temporary file beside the target and moved into
 * place atomically.
 */
public final class MigrationWriter {
    private MigrationWriter() {
    }

    /**
     * Writes {@code NNNN_name.edn} with the given parts and returns its path. The layout is
     * stable: one action and one statement per line, {@code :transaction} only when false.
     */
    public static Path writeEdn(Path dir, String name, List<Map<Keyword, Object>> actions,
                                List<String> up, List<String> down, boolean transactional) {
        return writeNew(dir, name, "edn", ednText(actions, up, down, transactional));
    }

    /** Like the other writeEdn, with the losses the model accepted ({@code :accepted}, left out when empty). */
    public static Path writeEdn(Path dir, String name, List<Map<Keyword, Object>> actions,
                                List<String> up, List<String> down, boolean transactional, List<Map<Keyword, Object>> accepted) {
        String text = ednText(actions, up, down, transactional);
        if (!accepted.isEmpty()) {
            StringBuilder sb = new StringBuilder(text.substring(0, text.length() - 2)).append("\n ");
            vector(sb, ":accepted ", accepted);
            text = sb.append("}\n").toString();
        }
        return writeNew(dir, name, "edn", text);
    }

    /** Writes an empty hand-written {@code NNNN_name.sql} with its two sections and returns its path. */
    public static Path writeSqlTemplate(Path dir, String name) {
        String text = "-- " + name + "\n"
                + "-- Statements under FORWARD apply the change; those under BACKWARD undo it, in that order.\n"
                + "-- Add a line '-- :transaction false' above FORWARD for statements that cannot run in a\n"
                + "-- transaction (CREATE INDEX CONCURRENTLY).\n"
                + "\n-- FORWARD\n\n\n-- BACKWARD\n\n";
        return writeNew(dir, name, "sql", text);
    }

    /** The text of a generated migration file. */
    public static String ednText(List<Map<Keyword, Object>> actions, List<String> up, List<String> down,
                                 boolean transactional) {
        StringBuilder sb = new StringBuilder("{");
        vector(sb, ":actions ", actions);
        sb.append("\n ");
        vector(sb, ":up ", up);
        sb.append("\n ");
        vector(sb, ":down ", down);
        if (!transactional) {
            sb.append("\n :transaction false");
        }
        return sb.append("}\n").toString();
    }

    private static void vector(StringBuilder sb, String key, List<?> items) {
        sb.append(key).append('[');
        String indent = "\n" + " ".repeat(key.length() + 2);
        for (int i = 0; i < items.size(); i++) {
            sb.append(i == 0 ? "" : indent).append(EdnText.print(items.get(i)));
        }
        sb.append(']');
    }

    private static Path writeNew(Path dir, String name, String extension, String text) {
        String snake = MigrationFiles.snakeName(name);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StrataException(ErrorCode.MIGRATION_FILES, "cannot create migrations dir " + dir + ": " + e.getMessage(), e);
        }
        int number = MigrationFiles.nextNumber(dir);
        Path target = dir.resolve(MigrationFiles.baseName(number, snake) + "." + extension);
        writeAtomically(target, text);
        return target;
    }

    /** Replaces {@code target} with {@code text} (UTF-8) so readers see the old file or the new one, never a part. */
    public static void writeAtomically(Path target, String text) {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = null;
        try {
            temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new StrataException(ErrorCode.MIGRATION_FILES, "cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    // The temporary file is hidden and ignored by readers; leaving it behind is harmless.
                }
            }
        }
    }
}
