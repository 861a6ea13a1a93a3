package dev.strata.migration;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * MigrationFiles finds, names and reads the files of a migrations directory. A migration file is
 * {@code NNNN_<snake_name>.edn} or {@code .sql} with a four-digit number from 0001; the next
 * number is the highest existing one plus one, and two files may not share a number. Hidden files
 * and files with other extensions are ignored.
 */
public final class MigrationFiles {
    private static final Pattern FILE = Pattern.compile("(\\d{4})_([a-z0-9][a-z0-9_]*)\\.(edn|sql)");
    private static final int MAX_NUMBER = 9999;

    private MigrationFiles() {
    }

    /** Every migration of a directory, sorted by number; the directory must exist. */
    public static List<Migration> readAll(Path dir) {
        List<Migration> result = new ArrayList<>();
        for (Path file : numbered(dir).values()) {
            result.add(read(file));
        }
        return List.copyOf(result);
    }

    /** Reads one migration file (its name must follow the {@code NNNN_name.ext} pattern). */
    public static Migration read(Path file) {
        Matcher m = match(file);
        int number = Integer.parseInt(m.group(1));
        String name = m.group(2);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new StrataException(ErrorCode.MIGRATION_FILES, "cannot read migration file " + file + ": " + e.getMessage(), e);
        }
        String text = decode(bytes, file);
        String checksum = Checksums.sha256(bytes);
        if (m.group(3).equals("sql")) {
            SqlMigrationParser.Sections s = SqlMigrationParser.parse(text, file);
            return new Migration(number, name, MigrationKind.SQL, file, s.up(), s.down(), s.transactional(), List.of(), checksum, s.verify(),
                    s.safety());
        }
        return EdnMigrationParser.parse(number, name, file, text, checksum);
    }

    /** The number the next migration of this directory gets (1 for an empty or missing directory). */
    public static int nextNumber(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 1;
        }
        TreeMap<Integer, Path> files = numbered(dir);
        int next = files.isEmpty() ? 1 : files.lastKey() + 1;
        if (next > MAX_NUMBER) {
            throw new StrataException(ErrorCode.MIGRATION_FILES, "migrations dir " + dir + " already holds number "
                    + MAX_NUMBER + "; four-digit numbering has run out.\n  Fix: squash old migrations into a new baseline.");
        }
        return next;
    }

    /** {@code 0042_add_billing_email}. */
    public static String baseName(int number, String name) {
        return String.format(Locale.ROOT, "%04d_%s", number, name);
    }

    /** A free-text name as a file-name part: lower case, runs of other characters as one underscore. */
    public static String snakeName(String text) {
        String snake = text.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (snake.isEmpty()) {
            throw new StrataException(ErrorCode.USAGE, "migration name '" + text
                    + "' has no letters or digits.\n  Fix: name it after the change, e.g. add_billing_email.");
        }
        return snake;
    }

    /** The migration files by number, rejecting misnamed files and duplicate numbers. */
    private static TreeMap<Integer, Path> numbered(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new StrataException(ErrorCode.MIGRATION_FILES, "migrations dir " + dir + " does not exist.\n"
                    + "  Fix: create it (strata make-migration does), or point --migrations-dir or"
                    + " :migrations-dir in strata.edn at the right folder.");
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> p.getFileName().toString().matches(".*\\.(edn|sql)"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new StrataException(ErrorCode.MIGRATION_FILES, "cannot list migrations dir " + dir + ": " + e.getMessage(), e);
        }
        TreeMap<Integer, Path> byNumber = new TreeMap<>();
        Map<Integer, List<Path>> duplicates = new TreeMap<>();
        for (Path file : files) {
            int number = Integer.parseInt(match(file).group(1));
            Path other = byNumber.putIfAbsent(number, file);
            if (other != null) {
                duplicates.computeIfAbsent(number, k -> new ArrayList<>(List.of(other))).add(file);
            }
        }
        if (!duplicates.isEmpty()) {
            StringBuilder msg = new StringBuilder("two migration files share one number in " + dir + ":");
            duplicates.forEach((number, paths) -> msg.append("\n  ").append(String.format(Locale.ROOT, "%04d", number))
                    .append(": ").append(String.join(" and ", paths.stream().map(p -> p.getFileName().toString()).toList())));
            msg.append("\n  Fix: give all but one of them a new number (the next free one is ")
                    .append(String.format(Locale.ROOT, "%04d", byNumber.lastKey() + 1))
                    .append("); a file that was already applied keeps its number.");
            throw new StrataException(ErrorCode.MIGRATION_FILES, msg.toString());
        }
        return byNumber;
    }

    private static Matcher match(Path file) {
        String fileName = file.getFileName().toString();
        Matcher m = FILE.matcher(fileName);
        if (!m.matches() || Integer.parseInt(m.group(1)) == 0) {
            throw new StrataException(ErrorCode.MIGRATION_FILES, "migration file " + file
                    + " is not named NNNN_snake_name.edn or .sql.\n  Fix: rename it to a four-digit number from 0001,"
                    + " an underscore and a lower-case name, e.g. 0007_add_billing_email.sql.");
        }
        return m;
    }

    private static String decode(byte[] bytes, Path file) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new StrataException(ErrorCode.MIGRATION_FILES, "migration file " + file
                    + " is not valid UTF-8.\n  Fix: save it as UTF-8.", e);
        }
    }
}
