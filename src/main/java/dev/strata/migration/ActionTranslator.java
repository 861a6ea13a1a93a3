package dev.strata.migration;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import us.bpsm.edn.Keyword;

/** ActionTranslator turns a vector of action maps into up and down SQL. */
public final class ActionTranslator {
    private ActionTranslator() {
    }

    /** The SQL of a list of actions. */
    public record Translation(List<String> up, List<String> down, boolean transactional) {
        public Translation {
            up = List.copyOf(up);
            down = List.copyOf(down);
        }
    }

    public static Translation translate(List<Map<Keyword, Object>> actions, Path file) {
        throw EdnMigrationParser.problem(file, "uses action vectors, which are not supported yet", "write SQL");
    }
}
