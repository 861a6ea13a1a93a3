package dev.strata.model;

import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;

/**
 * Column represents one table column.
 *
 * @param name          the column name
 * @param type          its type
 * @param notNull       whether it is NOT NULL
 * @param defaultExpr   the default as SQL, or {@code null}
 * @param identity      the identity kind, or {@code null}
 * @param generatedExpr the expression of a {@code GENERATED ALWAYS AS (...) STORED} column, or {@code null}
 * @param collation     an explicit collation as SQL, quoted as needed ({@code "C"}), or {@code null}
 * @param comment       the column comment, or {@code null}
 * @param identitySequence the sequence behind an identity column with every option filled in, or
 *                      {@code null} (no identity column, or its defaults for {@code <table>_<column>_seq})
 * @param statistics    the per-column statistics target ({@code SET STATISTICS n}), or {@code null}
 *                      for the default
 * @param storage       {@code PLAIN}, {@code EXTERNAL}, {@code EXTENDED} or {@code MAIN} when it
 *                      differs from the type's default ({@code SET STORAGE}), else {@code null}
 * @param compression   {@code pglz} or {@code lz4} ({@code SET COMPRESSION}, PostgreSQL 14+), or {@code null}
 * @param options       attribute options ({@code SET (n_distinct=...)}), name to value as stored,
 *                      sorted by name; empty when none
 * @param fdwOptions    a foreign table column's options for its wrapper ({@code OPTIONS (column_name
 *                      'x')}), name to value, sorted by name; empty when none
 */
public record Column(
        String name,
        ColumnType type,
        boolean notNull,
        String defaultExpr,
        Identity identity,
        String generatedExpr,
        String collation,
        String comment,
        IdentitySequence identitySequence,
        Integer statistics,
        String storage,
        String compression,
        SortedMap<String, String> options,
        SortedMap<String, String> fdwOptions) {

    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        options = StorageParameters.copyOf(options);
        fdwOptions = StorageParameters.copyOf(fdwOptions);
        if (identity == null) {
            identitySequence = null;
        }
    }

    /** A column without wrapper options (not of a foreign table). */
    public Column(String name, ColumnType type, boolean notNull, String defaultExpr, Identity identity,
                  String generatedExpr, String collation, String comment, IdentitySequence identitySequence,
                  Integer statistics, String storage, String compression, SortedMap<String, String> options) {
        this(name, type, notNull, defaultExpr, identity, generatedExpr, collation, comment, identitySequence,
                statistics, storage, compression, options, null);
    }

    /** This column with other wrapper options. */
    public Column withFdwOptions(Map<String, String> newFdwOptions) {
        return new Column(name, type, notNull, defaultExpr, identity, generatedExpr, collation, comment,
                identitySequence, statistics, storage, compression, options, StorageParameters.copyOf(newFdwOptions));
    }

    /** A column without identity sequence options, statistics target, storage, compression or options. */
    public Column(String name, ColumnType type, boolean notNull, String defaultExpr, Identity identity,
                  String generatedExpr, String collation, String comment) {
        this(name, type, notNull, defaultExpr, identity, generatedExpr, collation, comment, null, null, null, null,
                null);
    }

    /** This column with other per-column settings, the rest kept. */
    public Column withSettings(IdentitySequence newIdentitySequence, Integer newStatistics, String newStorage,
                               String newCompression, Map<String, String> newOptions) {
        return new Column(name, type, notNull, defaultExpr, identity, generatedExpr, collation, comment,
                newIdentitySequence, newStatistics, newStorage, newCompression, StorageParameters.copyOf(newOptions),
                fdwOptions);
    }

    /** This column with the per-column settings of {@code other} (its wrapper options too). */
    public Column withSettingsOf(Column other) {
        return withSettings(other.identitySequence, other.statistics, other.storage, other.compression, other.options)
                .withFdwOptions(other.fdwOptions);
    }

    /** The identity sequence, its defaults filled in for a column of table {@code table} when not given. */
    public IdentitySequence identitySequenceOr(String defaultName) {
        if (identity == null) {
            return null;
        }
        return identitySequence != null ? identitySequence : IdentitySequence.defaults(defaultName, type);
    }

    /** Identity column kinds. */
    public enum Identity {
        ALWAYS("ALWAYS"),
        BY_DEFAULT("BY DEFAULT");

        private final String sql;

        Identity(String sql) {
            this.sql = sql;
        }

        public String sql() {
            return sql;
        }
    }
}
