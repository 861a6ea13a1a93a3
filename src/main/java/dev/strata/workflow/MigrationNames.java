package dev.strata.workflow;

import dev.strata.diff.Change;
import dev.strata.diff.Change.AddColumn;
import dev.strata.diff.Change.AddEnumLabel;
import dev.strata.diff.Change.AlterColumn;
import dev.strata.diff.Change.CreateTable;
import dev.strata.diff.Change.DropColumn;
import dev.strata.diff.Change.DropTable;
import dev.strata.diff.Change.RenameColumn;
import dev.strata.diff.Change.RenameTable;
import dev.strata.migration.MigrationFiles;
import java.util.Comparator;
import java.util.List;

/**
 * MigrationNames derives a generated migration's name from its changes: the first change in plan
 * order, where changes to tables come before changes to columns, and those before everything else
 * (so a new table is not named after the enum type it needs). {@code add_column_billing_email_to_accounts},
 * {@code create_table_accounts}, {@code create_tables_accounts_and_12_more}; at most {@link #MAX_LENGTH} characters, cut at an underscore.
 */
public final class MigrationNames {
    /** The longest derived name, without the number. */
    public static final int MAX_LENGTH = 60;

    private MigrationNames() {
    }

    /** The name of a migration holding {@code changes} (not empty), in snake case. */
    public static String derive(List<Change> changes) {
        Change first = changes.stream().min(Comparator.comparingInt(MigrationNames::rank)).orElseThrow(() ->
                new IllegalArgumentException("a migration without changes has no name"));
        long newTables = changes.stream().filter(CreateTable.class::isInstance).count();
        if (first instanceof CreateTable c && newTables > 1) {
            // A whole schema at once: say how many tables, not just the first one.
            return truncate(MigrationFiles.snakeName("create tables " + c.table().name().name() + " and "
                    + (newTables - 1) + " more"));
        }
        return truncate(MigrationFiles.snakeName(describe(first)));
    }

    /** The words of one change, before snake-casing. */
    static String describe(Change change) {
        if (change instanceof CreateTable c) {
            return "create table " + c.table().name().name();
        } else if (change instanceof DropTable c) {
            return "drop table " + c.table().name().name();
        } else if (change instanceof RenameTable c) {
            return "rename table " + c.from().name() + " to " + c.to().name();
        } else if (change instanceof AddColumn c) {
            return "add column " + c.column().name() + " to " + c.table().name();
        } else if (change instanceof DropColumn c) {
            return "drop column " + c.column().name() + " from " + c.table().name();
        } else if (change instanceof RenameColumn c) {
            return "rename column " + c.from() + " to " + c.to() + " in " + c.table().name();
        } else if (change instanceof AlterColumn c) {
            return "alter column " + c.to().name() + " of " + c.table().name();
        } else if (change instanceof AddEnumLabel c) {
            return "add enum label " + c.label() + " to " + c.type().name();
        }
        return ChangeActions.kind(change) + " " + change.object().name();
    }

    private static int rank(Change change) {
        if (change instanceof CreateTable || change instanceof DropTable || change instanceof RenameTable) {
            return 0;
        }
        if (change instanceof AddColumn || change instanceof DropColumn || change instanceof RenameColumn
                || change instanceof AlterColumn) {
            return 1;
        }
        return 2;
    }

    static String truncate(String snake) {
        if (snake.length() <= MAX_LENGTH) {
            return snake;
        }
        int cut = snake.lastIndexOf('_', MAX_LENGTH);
        return cut > 0 ? snake.substring(0, cut) : snake.substring(0, MAX_LENGTH);
    }
}
