package dev.strata.migration;

import dev.strata.sql.Identifiers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import us.bpsm.edn.Keyword;

/**
 * ActionTranslator turns the hand-written action vectors of seed 000 into up and down SQL. It
 * knows {@code :add-column}, {@code :drop-column}, {@code :alter-column}, {@code :rename-column},
 * {@code :create-index}, {@code :drop-index} and {@code :sql} (raw {@code :up}/{@code :down}).
 * The down is the reverse of each action, in reverse order; when one action has no safe reverse
 * (a drop without the old definition, an alter without {@code :old-spec}) the down is empty and
 * the migration cannot be rolled back. An index created {@code :concurrently} makes the migration
 * run outside a transaction.
 */
public final class ActionTranslator {
    private ActionTranslator() {
    }

    /**
     * The SQL of a list of actions.
     *
     * @param up            the forward statements
     * @param down          the backward statements, empty when some action cannot be reversed
     * @param transactional false when some statement cannot run in a transaction
     */
    public record Translation(List<String> up, List<String> down, boolean transactional) {
        public Translation {
            up = List.copyOf(up);
            down = List.copyOf(down);
        }
    }

    /** Translates the actions of {@code file}; a malformed action is a MIGRATION_FILES error naming it. */
    public static Translation translate(List<Map<Keyword, Object>> actions, Path file) {
        List<String> up = new ArrayList<>();
        List<List<String>> reverses = new ArrayList<>();
        boolean reversible = true;
        boolean transactional = true;
        for (int i = 0; i < actions.size(); i++) {
            ActionView a = new ActionView(actions.get(i), i + 1, file);
            Step step = step(a);
            up.addAll(step.up());
            if (step.down() == null) {
                reversible = false;
            } else {
                reverses.add(step.down());
            }
            transactional &= !a.flag("concurrently");
        }
        List<String> down = new ArrayList<>();
        if (reversible) {
            Collections.reverse(reverses);
            reverses.forEach(down::addAll);
        }
        return new Translation(up, down, transactional);
    }

    /** One action's statements; {@code down} is null when it has no safe reverse. */
    private record Step(List<String> up, List<String> down) {
    }

    private static Step step(ActionView a) {
        String kind = a.kind();
        if (kind.equals("add-column")) {
            String table = a.table();
            String column = a.name("column-name");
            return new Step(ColumnSpecs.add(table, column, a.required("column-spec"), a.where()),
                    List.of(dropColumn(table, column)));
        }
        if (kind.equals("drop-column")) {
            String table = a.table();
            String column = a.name("column-name");
            Object spec = a.optional("column-spec");
            return new Step(List.of(dropColumn(table, column)),
                    spec == null ? null : ColumnSpecs.add(table, column, spec, a.where()));
        }
        if (kind.equals("alter-column")) {
            String table = a.table();
            String column = a.name("column-name");
            Map<?, ?> newSpec = a.map("new-spec");
            Map<?, ?> oldSpec = a.optional("old-spec") == null ? null : a.map("old-spec");
            List<String> up = ColumnSpecs.alter(table, column, newSpec, oldSpec, a.where());
            return new Step(up, oldSpec == null ? null : ColumnSpecs.alter(table, column, oldSpec, newSpec, a.where()));
        }
        if (kind.equals("rename-column")) {
            String table = a.table();
            String from = a.name("column-name");
            String to = a.name("new-name");
            return new Step(List.of(renameColumn(table, from, to)), List.of(renameColumn(table, to, from)));
        }
        if (kind.equals("create-index")) {
            return new Step(List.of(createIndex(a)), List.of(dropIndex(a)));
        }
        if (kind.equals("drop-index")) {
            boolean definitionKnown = a.optional("table-name") != null && a.optional("columns") != null;
            return new Step(List.of(dropIndex(a)), definitionKnown ? List.of(createIndex(a)) : null);
        }
        if (kind.equals("sql")) {
            List<String> up = SqlStatements.split(a.string("up"));
            return new Step(up, a.optional("down") == null ? null : SqlStatements.split(a.string("down")));
        }
        throw a.problem("has the unknown :action :" + kind, "use one of :add-column :drop-column :alter-column"
                + " :rename-column :create-index :drop-index :sql, or write the migration as .sql");
    }

    private static String dropColumn(String table, String column) {
        return "ALTER TABLE " + Identifiers.quote(table) + " DROP COLUMN " + Identifiers.quote(column);
    }

    private static String renameColumn(String table, String from, String to) {
        return "ALTER TABLE " + Identifiers.quote(table) + " RENAME COLUMN " + Identifiers.quote(from) + " TO " + Identifiers.quote(to);
    }

    private static String createIndex(ActionView a) {
        StringBuilder sql = new StringBuilder("CREATE ");
        if (a.flag("unique")) {
            sql.append("UNIQUE ");
        }
        sql.append("INDEX ");
        if (a.flag("concurrently")) {
            sql.append("CONCURRENTLY ");
        }
        sql.append(Identifiers.quote(a.name("index-name"))).append(" ON ").append(Identifiers.quote(a.table()));
        if (a.optional("method") != null) {
            sql.append(" USING ").append(a.name("method"));
        }
        sql.append(" (").append(a.names("columns").stream().map(Identifiers::quote).collect(Collectors.joining(", "))).append(')');
        if (a.optional("where") != null) {
            sql.append(" WHERE ").append(a.sqlExpression("where"));
        }
        return sql.toString();
    }

    private static String dropIndex(ActionView a) {
        return "DROP INDEX " + (a.flag("concurrently") ? "CONCURRENTLY " : "") + Identifiers.quote(a.name("index-name"));
    }
}
