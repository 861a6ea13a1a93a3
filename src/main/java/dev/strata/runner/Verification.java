package dev.strata.runner;

import dev.strata.migration.VerifySettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Verification compares the {@link Snapshot}s taken before and after one migration and lists what
 * the migration did without saying so (seed 003): rows that appeared or vanished in a table no
 * statement writes to, a table or column gone that no statement drops or renames, a constraint that
 * was validated and no longer is, an index left invalid, and (when the migration's
 * {@code :verify} settings forbid them) new tables, columns or constraints no statement names.
 * "Saying so" is read from the statements themselves: {@code INSERT INTO t}, {@code DELETE FROM t},
 * {@code TRUNCATE t}, {@code COPY t}, {@code MERGE INTO t}, {@code UPDATE t} write to t; {@code CREATE /
 * ALTER / DROP TABLE t} and {@code CREATE INDEX ... ON t} change its structure.
 */
final class Verification {
    private Verification() {
    }

    static List<String> violations(Snapshot before, Snapshot after, List<String> statements, VerifySettings settings) {
        String sql = withoutQuotedText(String.join(";\n", statements)).toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : before.tables().entrySet()) {
            String table = e.getKey();
            Set<String> columnsAfter = after.tables().get(table);
            if (columnsAfter == null) {
                if (!names(sql, "(drop\\s+table|alter\\s+table)", table)) {
                    out.add("table " + table + " is gone, and no statement drops or renames it");
                }
                continue;
            }
            for (String column : e.getValue()) {
                if (!columnsAfter.contains(column) && !(names(sql, "alter\\s+table", table) && mentions(sql, column))) {
                    out.add("column " + table + "." + column + " is gone, and no statement drops or renames it");
                }
            }
            if (!settings.allowColumnAddition()) {
                for (String column : columnsAfter) {
                    if (!e.getValue().contains(column)) {
                        out.add("column " + table + "." + column + " appeared, and :allow-column-addition is false");
                    }
                }
            }
            Long rowsBefore = before.rows().get(table);
            Long rowsAfter = after.rows().get(table);
            if (rowsBefore != null && rowsAfter != null && !rowsBefore.equals(rowsAfter)
                    && !settings.rowChangesAllowed(table) && !writes(sql, table)) {
                out.add("table " + table + ": " + rowsBefore + (rowsBefore == 1 ? " row" : " rows") + " before, " + rowsAfter
                        + " after, and no statement of the migration inserts into, deletes from or truncates it");
            }
            Map<String, Boolean> consBefore = before.constraints().getOrDefault(table, Map.of());
            Map<String, Boolean> consAfter = after.constraints().getOrDefault(table, Map.of());
            boolean structureNamed = names(sql, "(create\\s+table|alter\\s+table|drop\\s+table)", table)
                    || Pattern.compile("\\bon\\s+(only\\s+)?" + qualified(table)).matcher(sql).find();
            for (Map.Entry<String, Boolean> c : consAfter.entrySet()) {
                Boolean was = consBefore.get(c.getKey());
                if (Boolean.TRUE.equals(was) && !c.getValue()) {
                    out.add("constraint " + c.getKey() + " on " + table + " was validated before and is NOT VALID now");
                }
                if (was == null && !structureNamed && !settings.allowConstraintModification()) {
                    out.add("constraint " + c.getKey() + " appeared on " + table + ", and no statement alters the table");
                }
            }
            for (String c : consBefore.keySet()) {
                if (!consAfter.containsKey(c) && !structureNamed && !settings.allowConstraintModification()
                        && !mentions(sql, c)) {
                    out.add("constraint " + c + " on " + table + " is gone, and no statement drops it");
                }
            }
        }
        for (String table : after.tables().keySet()) {
            if (!before.tables().containsKey(table) && !settings.allowTableCreation()) {
                out.add("table " + table + " appeared, and :allow-table-creation is false");
            }
        }
        for (String index : after.invalidIndexes()) {
            out.add("index " + index + " is INVALID (a failed or unfinished build); rebuild it with REINDEX INDEX CONCURRENTLY,"
                    + " or drop it with DROP INDEX CONCURRENTLY and create it again");
        }
        return out;
    }

    /**
     * The statements without string constants, dollar-quoted bodies and comments: SQL run by a DO
     * block or a function is not something the migration's own statements say.
     */
    static String withoutQuotedText(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char ch = sql.charAt(i);
            if (ch == '\'') {
                int j = i + 1;
                while (j < n) {
                    if (sql.charAt(j) == '\'' && j + 1 < n && sql.charAt(j + 1) == '\'') {
                        j += 2;
                    } else if (sql.charAt(j) == '\'') {
                        break;
                    } else {
                        j++;
                    }
                }
                out.append("''");
                i = Math.min(n, j + 1);
            } else if (ch == '$') {
                java.util.regex.Matcher tag = Pattern.compile("\\$[A-Za-z_]*\\$").matcher(sql).region(i, n);
                if (tag.lookingAt()) {
                    int end = sql.indexOf(tag.group(), tag.end());
                    out.append("''");
                    i = end < 0 ? n : end + tag.group().length();
                } else {
                    out.append(ch);
                    i++;
                }
            } else if (ch == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (ch == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else {
                out.append(ch);
                i++;
            }
        }
        return out.toString();
    }

    /** Whether a statement starting with {@code verb} names {@code table} (possibly schema-qualified and quoted). */
    private static boolean names(String sql, String verb, String table) {
        return Pattern.compile("\\b" + verb + "\\s+(if\\s+(not\\s+)?exists\\s+)?(only\\s+)?([^;]*?,\\s*)?" + qualified(table))
                .matcher(sql).find();
    }

    private static boolean writes(String sql, String table) {
        return names(sql, "(insert\\s+into|delete\\s+from|truncate(\\s+table)?|copy|merge\\s+into|update)", table)
                || names(sql, "(create\\s+table|drop\\s+table)", table);
    }

    private static boolean mentions(String sql, String name) {
        String n = Pattern.quote(name.toLowerCase(Locale.ROOT));
        return Pattern.compile("(?<![\\w$])\"?" + n + "\"?(?![\\w$])").matcher(sql).find();
    }

    private static String qualified(String table) {
        String n = Pattern.quote(table.toLowerCase(Locale.ROOT));
        return "(\"?[\\w$]+\"?\\.)?\"?" + n + "\"?(?![\\w$])";
    }
}
