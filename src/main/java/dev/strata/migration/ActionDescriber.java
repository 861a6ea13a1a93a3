package dev.strata.migration;

import dev.strata.StrataException;
import dev.strata.sql.Identifiers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import us.bpsm.edn.Keyword;

/**
 * ActionDescriber puts a migration's actions into sentences for {@code explain --format human}:
 * "Add column billing_email (character varying(255), nullable) to table accounts". Backward, it
 * describes the reverse of each action in reverse order. It knows the hand-written kinds of
 * {@link ActionTranslator} and every kind generated migrations record (one per change kind:
 * {@code :create-table}, {@code :add-enum-label}, {@code :replace-function}, ...). It never fails:
 * an action it does not know, or cannot read, is printed as data.
 */
public final class ActionDescriber {
    /** Object kinds whose actions come in create (or add) and drop pairs. */
    private static final Set<String> CREATED =
            Set.of("extension", "enum", "sequence", "table", "constraint", "view", "function", "trigger", "policy",
                    "domain", "domain-check", "composite-type", "attribute");

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
        if (kind.equals("alter-derived-column")) {
            return derivedColumn(a, "");
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
        String sentence = generated(a, true);
        return sentence != null ? sentence : generic(a, Direction.FORWARD);
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
        if (kind.equals("alter-derived-column")) {
            return derivedColumn(a, "old-");
        }
        if (kind.equals("create-index")) {
            return "Drop index " + a.name("index-name");
        }
        if (kind.equals("drop-index")) {
            return a.optional("table-name") != null && (a.optional("columns") != null || a.optional("keys") != null) ? createIndex(a)
                    : "Cannot undo the drop of index " + a.name("index-name") + " (the action does not say how it was defined)";
        }
        if (kind.equals("sql")) {
            return a.optional("down") != null ? "Run SQL: " + firstLine(a.string("down")) : "Cannot undo SQL: " + firstLine(a.string("up"));
        }
        String sentence = generated(a, false);
        return sentence != null ? sentence : generic(a, Direction.BACKWARD);
    }

    /** A derived column's settings on a partition, child or typed table ({@code prefix} "old-" for the down). */
    private static String derivedColumn(ActionView a, String prefix) {
        Object def = a.optional(prefix + "default");
        Object comment = a.optional(prefix + "comment");
        return "Set column " + a.name("column-name") + " of table " + a.table() + " (from its parent or type) to "
                + (a.flag(prefix + "not-null") ? "NOT NULL" : "nullable") + ", "
                + (def == null ? "no default" : "default " + def) + ", " + (comment == null ? "no comment" : "comment '" + comment + "'");
    }

    /**
     * The sentence of an action kind that generated migrations write (one per change kind of the
     * differ), forward or backward; {@code null} for a kind it does not know.
     */
    private static String generated(ActionView a, boolean forward) {
        String kind = a.kind();
        int dash = kind.indexOf('-');
        String verb = dash < 0 ? kind : kind.substring(0, dash);
        String object = dash < 0 ? "" : kind.substring(dash + 1);
        if ((verb.equals("create") || verb.equals("add") || verb.equals("drop")) && CREATED.contains(object)) {
            return verb.equals("drop") != forward ? create(a, object) : drop(a, object);
        }
        if (kind.equals("add-enum-label")) {
            String label = Identifiers.literal(a.string("label"));
            String type = a.name("type-name");
            if (!forward) {
                return "Remove label " + label + " from enum type " + type + " (refused while a row still holds it)";
            }
            String place = a.optional("before") != null ? " before " + Identifiers.literal(a.string("before"))
                    : a.optional("after") != null ? " after " + Identifiers.literal(a.string("after")) : " at the end";
            return "Add label " + label + " to enum type " + type + place;
        }
        if (kind.equals("rename-enum-label")) {
            String from = Identifiers.literal(a.string(forward ? "from" : "to"));
            String to = Identifiers.literal(a.string(forward ? "to" : "from"));
            return "Rename label " + from + " of enum type " + a.name("type-name") + (forward ? " to " : " back to ") + to;
        }
        if (kind.equals("rename-table")) {
            return forward ? "Rename table " + a.name("table-name") + " to " + a.name("new-name")
                    : "Rename table " + a.name("new-name") + " back to " + a.name("table-name");
        }
        if (kind.equals("rename-constraint")) {
            return forward ? "Rename constraint " + a.name("constraint-name") + " of table " + a.table() + " to "
                    + a.name("new-name")
                    : "Rename constraint " + a.name("new-name") + " of table " + a.table() + " back to "
                    + a.name("constraint-name");
        }
        if (kind.equals("alter-constraint")) {
            List<String> changes = a.words("changes");
            if (!forward) {
                return changes.equals(List.of("validate"))
                        ? "Leave constraint " + a.name("constraint-name") + " of table " + a.table()
                                + " validated (PostgreSQL cannot make it NOT VALID again)"
                        : "Change constraint " + a.name("constraint-name") + " of table " + a.table() + " back to: "
                                + a.string("old-definition");
            }
            return "Change " + String.join(", ", changes) + " of constraint " + a.name("constraint-name")
                    + " of table " + a.table() + (a.optional("definition") == null ? "" : ": " + a.string("definition"));
        }
        if (kind.equals("comment-on-table") || kind.equals("comment-on-type")) {
            String subject = (kind.equals("comment-on-table") ? "table " + a.table() : "type " + a.name("type-name"));
            Object comment = a.optional(forward ? "comment" : "old-comment");
            return comment == null ? "Remove the comment on " + subject
                    : "Set the comment on " + subject + " to " + Identifiers.literal(a.string(forward ? "comment" : "old-comment"));
        }
        if (kind.equals("comment-on")) {
            String subject = a.string("object") + " " + a.name("name")
                    + (a.optional("arguments") == null ? "" : "(" + a.string("arguments") + ")")
                    + (a.optional("table-name") == null ? "" : " of table " + a.table());
            Object comment = a.optional(forward ? "comment" : "old-comment");
            return comment == null ? "Remove the comment on " + subject
                    : "Set the comment on " + subject + " to " + Identifiers.literal(a.string(forward ? "comment" : "old-comment"));
        }
        if (kind.equals("alter-domain")) {
            return "Change " + String.join(", ", a.words("changes")) + " of domain " + a.name("type-name") + (forward ? "" : " back");
        }
        if (kind.equals("alter-attribute")) {
            return "Change the type of attribute " + a.name("attribute-name") + " of composite type " + a.name("type-name")
                    + " to " + a.string(forward ? "type" : "old-type");
        }
        if (kind.equals("alter-sequence")) {
            return "Change " + String.join(", ", a.words("changes")) + " of sequence " + a.name("name") + (forward ? "" : " back");
        }
        if (kind.equals("alter-table") || kind.equals("alter-index")) {
            String subject = kind.equals("alter-table") ? "table " + a.table() : "index " + a.name("index-name");
            return "Change " + String.join(", ", a.words("changes")) + " of " + subject + (forward ? "" : " back");
        }
        if (kind.equals("replace-function")) {
            return (forward ? "Replace the definition of " : "Restore the previous definition of ") + function(a);
        }
        if (kind.equals("enable-row-level-security") || kind.equals("disable-row-level-security")) {
            return (kind.startsWith("enable") == forward ? "Enable" : "Disable") + " row level security on table " + a.table();
        }
        return null;
    }

    private static String create(ActionView a, String object) {
        if (object.equals("extension")) {
            return "Create extension " + a.name("name");
        } else if (object.equals("enum")) {
            return "Create enum type " + a.name("type-name") + (a.optional("labels") == null ? ""
                    : " (" + String.join(", ", a.strings("labels").stream().map(Identifiers::literal).toList()) + ")");
        } else if (object.equals("domain")) {
            return "Create domain " + a.name("type-name") + (a.optional("base") == null ? "" : " as " + a.string("base"));
        } else if (object.equals("domain-check")) {
            return "Add constraint " + a.name("constraint-name") + " to domain " + a.name("type-name")
                    + (a.optional("definition") == null ? "" : ": " + a.string("definition"));
        } else if (object.equals("composite-type")) {
            return "Create composite type " + a.name("type-name")
                    + (a.optional("attributes") == null ? "" : " (" + String.join(", ", a.names("attributes")) + ")");
        } else if (object.equals("attribute")) {
            return "Add attribute " + a.name("attribute-name") + " to composite type " + a.name("type-name");
        } else if (object.equals("sequence")) {
            return "Create sequence " + a.name("name");
        } else if (object.equals("table")) {
            if (a.optional("columns") == null) {
                return "Create table " + a.table();
            }
            List<String> columns = a.names("columns");
            return "Create table " + a.table() + " (" + columns.size() + (columns.size() == 1 ? " column: " : " columns: ")
                    + String.join(", ", columns) + ")";
        } else if (object.equals("constraint")) {
            return "Add constraint " + a.name("constraint-name") + " to table " + a.table()
                    + (a.optional("definition") == null ? "" : ": " + a.string("definition"));
        } else if (object.equals("view")) {
            return "Create " + view(a);
        } else if (object.equals("function")) {
            return "Create " + function(a);
        } else if (object.equals("trigger")) {
            return "Create trigger " + a.name("name") + " on table " + a.table();
        } else if (object.equals("policy")) {
            return "Create policy " + a.name("name") + " on table " + a.table();
        }
        throw new IllegalStateException("unsupported object kind " + object);
    }

    private static String drop(ActionView a, String object) {
        if (object.equals("extension")) {
            return "Drop extension " + a.name("name");
        } else if (object.equals("enum")) {
            return "Drop enum type " + a.name("type-name");
        } else if (object.equals("domain")) {
            return "Drop domain " + a.name("type-name");
        } else if (object.equals("domain-check")) {
            return "Drop constraint " + a.name("constraint-name") + " from domain " + a.name("type-name");
        } else if (object.equals("composite-type")) {
            return "Drop composite type " + a.name("type-name");
        } else if (object.equals("attribute")) {
            return "Drop attribute " + a.name("attribute-name") + " from composite type " + a.name("type-name");
        } else if (object.equals("sequence")) {
            return "Drop sequence " + a.name("name");
        } else if (object.equals("table")) {
            return "Drop table " + a.table();
        } else if (object.equals("constraint")) {
            return "Drop constraint " + a.name("constraint-name") + " from table " + a.table();
        } else if (object.equals("view")) {
            return "Drop " + view(a);
        } else if (object.equals("function")) {
            return "Drop " + function(a);
        } else if (object.equals("trigger")) {
            return "Drop trigger " + a.name("name") + " from table " + a.table();
        } else if (object.equals("policy")) {
            return "Drop policy " + a.name("name") + " from table " + a.table();
        }
        throw new IllegalStateException("unsupported object kind " + object);
    }

    private static String view(ActionView a) {
        return (a.flag("materialized") ? "materialized view " : "view ") + a.name("name");
    }

    private static String function(ActionView a) {
        return (a.flag("procedure") ? "procedure " : "function ") + a.name("name")
                + "(" + (a.optional("arguments") == null ? "" : a.string("arguments")) + ")";
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
                .append(" (").append(String.join(", ", a.optional("keys") != null ? a.strings("keys") : a.names("columns")))
                .append(')');
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
