package dev.strata.migration;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import us.bpsm.edn.Keyword;

/**
 * Migration represents one migration file as read from disk.
 *
 * @param number        its number (1 and up)
 * @param name          the snake_case name after the number
 * @param kind          the file format
 * @param path          the file
 * @param up            the forward statements, in the order they run
 * @param down          the backward statements, in the order they run; empty when the migration
 *                      cannot be rolled back
 * @param transactional whether up and down each run in one transaction
 * @param actions       what the migration changes, as data (empty for hand-written SQL)
 * @param checksum      the SHA-256 of the file bytes, lower-case hex
 * @param verify        what {@code migrate --verify} allows this migration ({@code :verify})
 * @param safety        the safety findings it accepts and the rule levels it sets ({@code :accepted},
 *                      {@code :safety})
 */
public record Migration(
        int number,
        String name,
        MigrationKind kind,
        Path path,
        List<String> up,
        List<String> down,
        boolean transactional,
        List<Map<Keyword, Object>> actions,
        String checksum,
        VerifySettings verify,
        MigrationSafety safety) {

    public Migration(int number, String name, MigrationKind kind, Path path, List<String> up, List<String> down,
                     boolean transactional, List<Map<Keyword, Object>> actions, String checksum) {
        this(number, name, kind, path, up, down, transactional, actions, checksum, VerifySettings.defaults(),
                MigrationSafety.none());
    }

    public Migration {
        Objects.requireNonNull(verify, "verify");
        Objects.requireNonNull(safety, "safety");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(checksum, "checksum");
        up = List.copyOf(up);
        down = List.copyOf(down);
        actions = actions.stream()
                .map(a -> Collections.unmodifiableMap(new LinkedHashMap<>(a)))
                .toList();
    }

    /** {@code 0042_add_billing_email}: the file name without its extension. */
    public String id() {
        return MigrationFiles.baseName(number, name);
    }

    /** The statements of one direction. */
    public List<String> statements(Direction direction) {
        return direction == Direction.FORWARD ? up : down;
    }

    @Override
    public String toString() {
        return id();
    }
}
