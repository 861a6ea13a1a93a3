package dev.strata.sql;

import dev.strata.diff.ColumnChange;
import dev.strata.load.Names;
import dev.strata.model.Column;
import dev.strata.model.IdentitySequence;
import dev.strata.model.QualifiedName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * SettingsDdl renders the per-column settings that sit beside a column's definition: the options
 * and name of an identity column's sequence, the statistics target, storage, compression and
 * attribute options ({@code n_distinct}).
 */
public final class SettingsDdl {
    private SettingsDdl() {
    }

    /** PostgreSQL's name for the sequence of identity column {@code column} of {@code table}. */
    public static String defaultSequenceName(QualifiedName table, String column) {
        return Names.objectName(table.name(), column, "seq");
    }

    /**
     * {@code  (SEQUENCE NAME s INCREMENT BY 2 ...)} after {@code AS IDENTITY}: the options that
     * differ from the defaults, the name when it is not the default name in {@code table} (always
     * when {@code table} is null); the empty string when nothing differs.
     */
    public static String identityOptions(QualifiedName table, Column column) {
        IdentitySequence seq = column.identitySequence();
        if (seq == null) {
            return "";
        }
        List<String> options = new ArrayList<>();
        if (table == null || !seq.name().equals(defaultSequenceName(table, column.name()))) {
            options.add("SEQUENCE NAME " + Identifiers.quote(seq.name()));
        }
        IdentitySequence d = IdentitySequence.of(seq.name(), column.type(), null, seq.increment(), null, null, null,
                null);
        if (seq.increment() != 1) {
            options.add("INCREMENT BY " + seq.increment());
        }
        if (seq.minValue() != d.minValue()) {
            options.add("MINVALUE " + seq.minValue());
        }
        if (seq.maxValue() != d.maxValue()) {
            options.add("MAXVALUE " + seq.maxValue());
        }
        if (seq.start() != (seq.increment() > 0 ? seq.minValue() : seq.maxValue())) {
            options.add("START WITH " + seq.start());
        }
        if (seq.cache() != 1) {
            options.add("CACHE " + seq.cache());
        }
        if (seq.cycle()) {
            options.add("CYCLE");
        }
        return options.isEmpty() ? "" : " (" + String.join(" ", options) + ")";
    }

    /**
     * The statements that give a column just created its statistics target, storage and attribute
     * options (compression is part of its definition).
     */
    public static List<String> columnSettings(QualifiedName table, Column column) {
        Column plain = new Column(column.name(), column.type(), column.notNull(), column.defaultExpr(),
                column.identity(), column.generatedExpr(), column.collation(), column.comment())
                .withSettings(column.identitySequence(), null, null, column.compression(), null);
        List<String> sql = new ArrayList<>(alter(table, plain, column, Set.of(ColumnChange.STATISTICS, ColumnChange.STORAGE,
                ColumnChange.OPTIONS, ColumnChange.FDW_OPTIONS)));
        sql.addAll(sequencePersistence(table, column));
        return sql;
    }

    /**
     * {@code ALTER SEQUENCE s SET LOGGED / UNLOGGED} for an identity sequence whose persistence is
     * not its table's; nothing for the others. Also what follows a table's SET LOGGED / UNLOGGED,
     * which gives every identity sequence of the table the table's persistence.
     */
    public static List<String> sequencePersistence(QualifiedName table, Column column) {
        IdentitySequence seq = column.identitySequence();
        if (column.identity() == null || seq == null || seq.persistence() == null) {
            return List.of();
        }
        return List.of("ALTER SEQUENCE " + Identifiers.quote(new QualifiedName(table.schema(), seq.name())) + " SET "
                + seq.persistence());
    }

    /** The statements that change the settings in {@code changes} from {@code from} to {@code to}. */
    public static List<String> alter(QualifiedName table, Column from, Column to, Set<ColumnChange> changes) {
        List<String> sql = new ArrayList<>();
        String alter = "ALTER TABLE " + Identifiers.quote(table) + " ALTER COLUMN " + Identifiers.quote(to.name()) + " ";
        if (changes.contains(ColumnChange.IDENTITY_SEQUENCE)) {
            String defaultName = defaultSequenceName(table, to.name());
            IdentitySequence a = from.identitySequenceOr(defaultName);
            IdentitySequence b = to.identitySequenceOr(defaultName);
            if (!a.name().equals(b.name())) {
                sql.add("ALTER SEQUENCE " + Identifiers.quote(new QualifiedName(table.schema(), a.name()))
                        + " RENAME TO " + Identifiers.quote(b.name()));
            }
            List<String> set = new ArrayList<>();
            if (a.increment() != b.increment()) {
                set.add("SET INCREMENT BY " + b.increment());
            }
            if (a.minValue() != b.minValue()) {
                set.add("SET MINVALUE " + b.minValue());
            }
            if (a.maxValue() != b.maxValue()) {
                set.add("SET MAXVALUE " + b.maxValue());
            }
            if (a.start() != b.start()) {
                set.add("SET START WITH " + b.start());
            }
            if (a.cache() != b.cache()) {
                set.add("SET CACHE " + b.cache());
            }
            if (a.cycle() != b.cycle()) {
                set.add(b.cycle() ? "SET CYCLE" : "SET NO CYCLE");
            }
            String quoted = Identifiers.quote(new QualifiedName(table.schema(), b.name()));
            if (b.start() < b.minValue() || a.start() < b.minValue() || a.start() > b.maxValue()) {
                // The old range lies outside the new one (an increment that changes sign): the
                // sequence starts again at its new START, as PostgreSQL refuses a current value
                // outside the bounds.
                set.add("RESTART");
            } else if (b.increment() > 0 && b.minValue() > a.minValue()) {
                // As for stand-alone sequences: moved forward to the new bound, skipping numbers only.
                sql.add("SELECT setval(" + Identifiers.literal(quoted) + "::regclass, " + b.minValue() + ", false) FROM "
                        + quoted + " WHERE last_value < " + b.minValue());
            } else if (b.increment() < 0 && b.maxValue() < a.maxValue()) {
                sql.add("SELECT setval(" + Identifiers.literal(quoted) + "::regclass, " + b.maxValue() + ", false) FROM "
                        + quoted + " WHERE last_value > " + b.maxValue());
            }
            if (!set.isEmpty()) {
                sql.add(alter + String.join(" ", set));
            }
            if (!java.util.Objects.equals(a.persistence(), b.persistence())) {
                // Back to the table's persistence: the opposite of the one the sequence had of its own
                // (the differ leaves this to the table's SET LOGGED / UNLOGGED when that changes too).
                String persistence = b.persistence() != null ? b.persistence()
                        : a.persistence().equals("LOGGED") ? "UNLOGGED" : "LOGGED";
                sql.add("ALTER SEQUENCE " + quoted + " SET " + persistence);
            }
        }
        if (changes.contains(ColumnChange.STATISTICS) && !java.util.Objects.equals(from.statistics(), to.statistics())) {
            sql.add(alter + "SET STATISTICS " + (to.statistics() == null ? -1 : to.statistics()));
        }
        if (changes.contains(ColumnChange.STORAGE) && !java.util.Objects.equals(from.storage(), to.storage())) {
            sql.add(to.storage() != null ? alter + "SET STORAGE " + to.storage() : defaultStorage(table, to.name()));
        }
        if (changes.contains(ColumnChange.COMPRESSION) && !java.util.Objects.equals(from.compression(), to.compression())) {
            sql.add(alter + "SET COMPRESSION " + (to.compression() == null ? "default" : to.compression()));
        }
        if (changes.contains(ColumnChange.OPTIONS) && !from.options().equals(to.options())) {
            List<String> reset = from.options().keySet().stream().filter(k -> !to.options().containsKey(k)).toList();
            if (!reset.isEmpty()) {
                sql.add(alter + "RESET (" + String.join(", ", reset) + ")");
            }
            Map<String, String> set = new TreeMap<>();
            to.options().forEach((k, v) -> {
                if (!v.equals(from.options().get(k))) {
                    set.put(k, v);
                }
            });
            if (!set.isEmpty()) {
                sql.add(alter + "SET (" + Ddl.storageList(set) + ")");
            }
        }
        String fdw = changes.contains(ColumnChange.FDW_OPTIONS) ? Ddl.fdwOptions(from.fdwOptions(), to.fdwOptions()) : null;
        if (fdw != null) {
            sql.add("ALTER FOREIGN TABLE " + Identifiers.quote(table) + " ALTER COLUMN " + Identifiers.quote(to.name())
                    + " " + fdw);
        }
        return sql;
    }

    /**
     * Sets a column's storage back to its type's default. {@code SET STORAGE DEFAULT} exists only
     * from PostgreSQL 16 on, so the type's default is looked up when the statement runs.
     */
    static String defaultStorage(QualifiedName table, String column) {
        String statement = "ALTER TABLE " + Identifiers.quote(table) + " ALTER COLUMN " + Identifiers.quote(column)
                + " SET STORAGE ";
        return "DO $strata$BEGIN EXECUTE " + Identifiers.literal(statement) + " || (SELECT CASE t.typstorage"
                + " WHEN 'p' THEN 'PLAIN' WHEN 'e' THEN 'EXTERNAL' WHEN 'm' THEN 'MAIN' ELSE 'EXTENDED' END"
                + " FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_type t ON t.oid = a.atttypid"
                + " WHERE a.attrelid = " + Identifiers.literal(Identifiers.quote(table)) + "::regclass"
                + " AND a.attname = " + Identifiers.literal(column) + "); END$strata$";
    }

    /** The statements that give the columns of a table just created their settings (see {@link #columnSettings}). */
    public static List<String> tableSettings(dev.strata.model.Table table) {
        List<String> sql = new ArrayList<>();
        for (Column column : table.columns()) {
            sql.addAll(columnSettings(table.name(), column));
        }
        String alter = "ALTER TABLE " + Identifiers.quote(table.name()) + " ";
        if (table.replicaIdentity() != null) {
            sql.add(alter + "REPLICA IDENTITY " + replicaIdentity(table));
        }
        if (table.clusterOn() != null) {
            sql.add(alter + "CLUSTER ON " + Identifiers.quote(table.clusterOn()));
        }
        return sql;
    }

    /** REPLICA IDENTITY and CLUSTER ON from {@code from} to {@code to}, for the changes named. */
    public static List<String> alterIndexSettings(dev.strata.model.Table from, dev.strata.model.Table to,
                                                  Set<dev.strata.diff.TableChange> changes) {
        List<String> sql = new ArrayList<>();
        String alter = "ALTER TABLE " + Identifiers.quote(to.name()) + " ";
        if (changes.contains(dev.strata.diff.TableChange.REPLICA_IDENTITY)) {
            sql.add(alter + "REPLICA IDENTITY " + replicaIdentity(to));
        }
        if (changes.contains(dev.strata.diff.TableChange.CLUSTER)) {
            sql.add(alter + (to.clusterOn() == null ? "SET WITHOUT CLUSTER" : "CLUSTER ON " + Identifiers.quote(to.clusterOn())));
        }
        return sql;
    }

    /** {@code DEFAULT}, {@code FULL}, {@code NOTHING} or {@code USING INDEX i}. */
    static String replicaIdentity(dev.strata.model.Table table) {
        if (table.replicaIdentity() == null) {
            return "DEFAULT";
        }
        return table.replicaIdentity().equals("INDEX") ? "USING INDEX " + Identifiers.quote(table.replicaIdentityIndex())
                : table.replicaIdentity();
    }
}
