package dev.strata.migration;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import us.bpsm.edn.EdnException;
import us.bpsm.edn.Keyword;
import dev.strata.edn.EdnReader;
import us.bpsm.edn.parser.Parseable;
import us.bpsm.edn.parser.Parser;
import us.bpsm.edn.parser.Parsers;

/**
 * EdnMigrationParser reads the two {@code .edn} migration forms: the generated map
 * {@code {:actions [...] :up [...] :down [...] :transaction false}} and the hand-written vector of
 * action maps, which {@link ActionTranslator} turns into SQL.
 */
final class EdnMigrationParser {
    static final Keyword ACTIONS = Keyword.newKeyword("actions");
    static final Keyword UP = Keyword.newKeyword("up");
    static final Keyword DOWN = Keyword.newKeyword("down");
    static final Keyword TRANSACTION = Keyword.newKeyword("transaction");
    static final Keyword VERIFY = Keyword.newKeyword("verify");
    static final Keyword ACCEPTED = Keyword.newKeyword("accepted");
    static final Keyword SAFETY = Keyword.newKeyword("safety");
    private static final Set<Keyword> KEYS = Set.of(ACTIONS, UP, DOWN, TRANSACTION, VERIFY, ACCEPTED, SAFETY);

    private EdnMigrationParser() {
    }

    static Migration parse(int number, String name, Path file, String text, String checksum) {
        Object value = readSingleValue(text, file);
        if (value instanceof List<?> vector) {
            List<Map<Keyword, Object>> actions = actionMaps(vector, file);
            ActionTranslator.Translation t = ActionTranslator.translate(actions, file);
            return new Migration(number, name, MigrationKind.ACTIONS, file, t.up(), t.down(), t.transactional(), actions, checksum);
        }
        if (value instanceof Map<?, ?> map) {
            for (Object key : map.keySet()) {
                if (!KEYS.contains(key)) {
                    throw problem(file, "has the unknown key " + key, "use only :actions, :up, :down, :transaction, :verify, :accepted and :safety");
                }
            }
            if (!map.containsKey(UP)) {
                throw problem(file, "has no :up", "list the forward statements under :up, e.g. :up [\"CREATE TABLE ...\"]");
            }
            List<String> up = strings(map.get(UP), ":up", file);
            List<String> down = map.containsKey(DOWN) ? strings(map.get(DOWN), ":down", file) : List.of();
            Object tx = map.containsKey(TRANSACTION) ? map.get(TRANSACTION) : Boolean.TRUE;
            if (!(tx instanceof Boolean transactional)) {
                throw problem(file, "has :transaction " + tx, "write :transaction true or :transaction false");
            }
            Object actionValue = map.containsKey(ACTIONS) ? map.get(ACTIONS) : List.of();
            if (!(actionValue instanceof List<?> actionList)) {
                throw problem(file, "has :actions that is not a vector", "write :actions [{:action ...} ...]");
            }
            MigrationSafety safety;
            try {
                safety = MigrationSafety.parse(map.get(ACCEPTED), map.get(SAFETY));
            } catch (IllegalArgumentException e) {
                String[] parts = e.getMessage().split("; ", 2);
                throw problem(file, "has a bad " + parts[0], parts.length > 1 ? parts[1] : "see docs/safety.md");
            }
            VerifySettings verify = VerifySettings.defaults();
            if (map.containsKey(VERIFY)) {
                try {
                    verify = VerifySettings.parse(map.get(VERIFY));
                } catch (IllegalArgumentException e) {
                    throw problem(file, "has a bad :verify: " + e.getMessage(),
                            "write e.g. :verify {:allow-row-changes true} or :verify false");
                }
            }
            return new Migration(number, name, MigrationKind.EDN, file, up, down, transactional,
                    actionMaps(actionList, file), checksum, verify, safety);
        }
        throw problem(file, "holds neither a map nor a vector",
                "write {:up [\"SQL\" ...] :down [\"SQL\" ...]} or a vector of action maps [{:action :add-column ...}]");
    }

    private static Object readSingleValue(String text, Path file) {
        try {
            Parseable in = Parsers.newParseable(text);
            Parser parser = Parsers.newParser(Parsers.defaultConfiguration());
            Object value = parser.nextValue(in);
            if (value == Parser.END_OF_INPUT) {
                throw problem(file, "is empty", "write {:up [\"SQL\" ...] :down [\"SQL\" ...]}");
            }
            if (parser.nextValue(in) != Parser.END_OF_INPUT) {
                throw problem(file, "holds more than one top-level value", "wrap everything in one map or one vector");
            }
            return value;
        } catch (EdnException e) {
            throw new StrataException(ErrorCode.MIGRATION_FILES, "migration file " + located(text, file, e)
                    + "\n  Fix: check brackets and string quotes.", e);
        }
    }

    /**
     * "file:line: malformed EDN: ..." from the loader's reader, which counts lines (the parser used
     * here does not); the plain parser message if that reader accepts the text after all.
     */
    private static String located(String text, Path file, EdnException e) {
        try {
            EdnReader.parse(text, file.toString());
        } catch (StrataException located) {
            return located.getMessage();
        }
        return file + " is not valid EDN: " + e.getMessage();
    }

    private static List<String> strings(Object value, String key, Path file) {
        if (!(value instanceof List<?> list)) {
            throw problem(file, "has " + key + " that is not a vector", "write " + key + " [\"SQL statement\" ...]");
        }
        List<String> result = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof String s)) {
                throw problem(file, "has a non-string in " + key + ": " + item, "write each statement as a string");
            }
            if (!s.isBlank()) {
                result.add(s);
            }
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<Keyword, Object>> actionMaps(List<?> vector, Path file) {
        List<Map<Keyword, Object>> actions = new ArrayList<>();
        for (Object item : vector) {
            if (!(item instanceof Map<?, ?> map) || !(map.get(Keyword.newKeyword("action")) instanceof Keyword)) {
                throw problem(file, "has an action that is not a map with an :action keyword: " + item,
                        "write each action as {:action :add-column :table-name ... }");
            }
            actions.add((Map<Keyword, Object>) map);
        }
        return actions;
    }

    static StrataException problem(Path file, String what, String fix) {
        return new StrataException(ErrorCode.MIGRATION_FILES, "migration file " + file + " " + what + ".\n  Fix: " + fix + ".");
    }
}
