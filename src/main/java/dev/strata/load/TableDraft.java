package dev.strata.load;

import dev.strata.edn.EdnMap;
import dev.strata.model.QualifiedName;
import java.util.List;
import java.util.Optional;

/**
 * TableDraft represents a parsed model table before names are chosen and references resolved.
 *
 * @param key         the model key as written ({@code :properties})
 * @param name        the table name
 * @param primaryKey  the primary key columns, empty when there is none
 * @param normalForm  the model in Automigrate map form, for the processed file
 * @param unlogged    {@code :unlogged true}
 * @param storage     {@code :with}: storage parameters as PostgreSQL stores them
 * @param forceRowLevelSecurity {@code :force-row-level-security true}
 * @param lineage     {@code :partition-by}, {@code :partition-of}, {@code :inherits}, {@code :of}
 */
record TableDraft(Object key, QualifiedName name, List<FieldParser.Draft> fields, List<String> primaryKey,
                  List<ConstraintDraft> constraints,
                  List<ForeignKeyDraft> foreignKeys, List<IndexDraft> indexes, String comment, String renamedFrom,
                  Location where, String subject, EdnMap normalForm, boolean unlogged,
                  java.util.Map<String, String> storage, boolean forceRowLevelSecurity, LineageDraft lineage,
                  TableSettingsParser.Settings settings) {
    TableDraft {
        fields = List.copyOf(fields);
        primaryKey = List.copyOf(primaryKey);
        constraints = List.copyOf(constraints);
        foreignKeys = List.copyOf(foreignKeys);
        indexes = List.copyOf(indexes);
        storage = java.util.Map.copyOf(storage);
        settings = settings == null ? TableSettingsParser.Settings.NONE : settings;
    }

    Optional<FieldParser.Draft> field(String column) {
        return fields.stream().filter(f -> f.column().name().equals(column)).findFirst();
    }

    /** The field written as {@code fieldName} (its key's name), else the column of that SQL name. */
    Optional<FieldParser.Draft> fieldByKey(String fieldName) {
        Optional<FieldParser.Draft> byKey = fields.stream()
                .filter(f -> f.key() instanceof us.bpsm.edn.Keyword k && k.getName().equals(fieldName))
                .findFirst();
        return byKey.isPresent() ? byKey : field(Names.snake(fieldName));
    }
}
