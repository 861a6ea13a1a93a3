package dev.strata.migration;

import dev.strata.StrataException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import us.bpsm.edn.Keyword;

/**
 * ActionDescriber puts a migration's actions into sentences for {@code explain --format human}:
 * "Add column billing_email (character varying(255), nullable) to table accounts". Backward, it
 * describes the reverse of each action in reverse order. It never fails: an action it does not
 * know, or cannot read, is printed as data.
 */
public final class ActionDescriber {
    private ActionDescriber() {
    }

    /** One sentence per action, in the order the actions run in that direction. */
    public static List<String> describe(List<Map<Keyword, Object>> actions, Direction direction) {
        List<String> sentences = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            ActionView a = new ActionView(actions.get(i), i + 1, null);
            String sentence;
            try {
                sentence = direction == Direction.FORWARD ? forward(a) : backward(a);
            } catch (StrataException e) {
                sentence = generic(a, direction);
            }
            sentences.add(sentence);
        }
        if (direction == Direction.BACKWARD) {
            Collections.reverse(sentences);
        }
        return sentences;
    }

    private static String forward(ActionView a) {
        String kind = a.kind();
        if (kind.equals("add-column")) {
            return addColumn(a, a.required("column-spec"));
        }
        if (kind.equals("drop-column")) {
            return dropColumn(a);
        }
        if (kind.equals("alter-column")) {
            return "Change column " + a.name("column-name") + " of table " + a.table() + " to ("
                    + ColumnSpecs.summary(a.table(), a.name("column-name"), a.map("new-spec")) + ")";
        }
        if (kind.equals("rename-column")) {
            return "Rename column " + a.name("column-name") + " of table " + a.table() + " to " + a.name("new-name");
        }
        if (kind.equals("create-index")) {
            return createIndex(a);
        }
        if (kind.equals("drop-index")) {
            return "Drop index " + a.name("index-name");
        }
        if (kind.equals("sql")) {
            return "Run SQL: " + firstLine(a.string("up"));
        }
        return generic(a, Direction.FORWARD);
    }

    private static String backward(ActionView a) {
        String kind = a.kind();
        if (kind.equals("add-column")) {
            return dropColumn(a);
        }
        if (kind.equals("drop-column")) {
            return a.optional("column-spec") != null ? addColumn(a, a.optional("column-spec"))
                    : "Cannot undo the drop of column " + a.name("column-name") + " of table " + a.table()
                            + " (the action has no :column-spec to restore it from)";
        }
        if (kind.equals("alter-column")) {
            return a.optional("old-spec") != null
                    ? "Change column " + a.name("column-name") + " of table " + a.table() + " back to ("
                            + ColumnSpecs.summary(a.table(), a.name("column-name"), a.map("old-spec")) + ")"
                    : "Cannot undo the change of column " + a.name("column-name") + " of table " + a.table()
                            + " (the action has no :old-spec)";
        }
        if (kind.equals("rename-column")) {
            return "Rename column " + a.name("new-name") + " of table " + a.table() + " back to " + a.name("column-name");
        }
        if (kind.equals("create-index")) {
            return "Drop index " + a.name("index-name");
        }
        if (kind.equals("drop-index")) {
            return a.optional("table-name") != null && a.optional("columns") != null ? createIndex(a)
                    : "Cannot undo the drop of index " + a.name("index-name") + " (the action does not say how it was defined)";
        }
        if (kind.equals("sql")) {
            return a.optional("down") != null ? "Run SQL: " + firstLine(a.string("down")) : "Cannot undo SQL: " + firstLine(a.string("up"));
        }
        return generic(a, Direction.BACKWARD);
    }

    private static String addColumn(ActionView a, Object spec) {
        String column = a.name("column-name");
        return "Add column " + column + " (" + ColumnSpecs.summary(a.table(), column, spec) + ") to table " + a.table();
    }

    private static String dropColumn(ActionView a) {
        return "Drop column " + a.name("column-name") + " from table " + a.table();
    }

    private static String createIndex(ActionView a) {
        StringBuilder sb = new StringBuilder("Create ").append(a.flag("unique") ? "unique index " : "index ")
                .append(a.name("index-name")).append(" on table ").append(a.table())
                .append(" (").append(String.join(", ", a.names("columns"))).append(')');
        if (a.optional("method") != null) {
            sb.append(" using ").append(a.name("method"));
        }
        if (a.optional("where") != null) {
            sb.append(" where ").append(a.sqlExpression("where"));
        }
        if (a.flag("concurrently")) {
            sb.append(", concurrently");
        }
        return sb.toString();
    }

    private static String generic(ActionView a, Direction direction) {
        String words = a.kind().replace('-', ' ');
        Map<Object, Object> rest = new LinkedHashMap<>(a.attributes());
        rest.remove(Keyword.newKeyword("action"));
        String sentence = Character.toUpperCase(words.charAt(0)) + words.substring(1) + (rest.isEmpty() ? "" : " " + EdnText.print(rest));
        return direction == Direction.FORWARD ? sentence : "Undo: " + sentence;
    }

    private static String firstLine(String sql) {
        String line = sql.strip().lines().findFirst().orElse("");
        return sql.strip().contains("\n") ? line + " ..." : line;
    }
}
