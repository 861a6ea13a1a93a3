package dev.strata.migration;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import java.util.List;
import java.util.Map;

/** Placeholder until the loader's FieldParser is merged (branch loader). */
final class ColumnSpecs {
    private ColumnSpecs() {
    }

    static List<String> add(String table, String column, Object spec, String where) {
        throw new StrataException(ErrorCode.MIGRATION_FILES, where + ": column specs need the loader (not merged yet)");
    }

    static List<String> alter(String table, String column, Map<?, ?> spec, Map<?, ?> previous, String where) {
        throw new StrataException(ErrorCode.MIGRATION_FILES, where + ": column specs need the loader (not merged yet)");
    }

    static String summary(String table, String column, Object spec) {
        return EdnText.print(spec);
    }
}
