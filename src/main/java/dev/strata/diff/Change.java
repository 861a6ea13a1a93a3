package dev.strata.diff;

import dev.strata.model.Column;
import dev.strata.model.CompositeType;
import dev.strata.model.Domain;
import dev.strata.model.Constraint;
import dev.strata.model.EnumType;
import dev.strata.model.Extension;
import dev.strata.model.Function;
import dev.strata.model.Index;
import dev.strata.model.Policy;
import dev.strata.model.QualifiedName;
import dev.strata.model.Sequence;
import dev.strata.model.Table;
import dev.strata.model.Trigger;
import dev.strata.model.View;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

/**
 * Change represents one typed step from a current schema to a desired one: a create, drop, alter
 * or rename of one object. Drops carry the whole object as it is in the current schema, so that
 * their reverse can recreate it exactly. Every change knows its {@link Phase} and the object it
 * touches; the planner orders them, the renderer turns each into SQL and its reverse.
 */
public sealed interface Change
        permits Change.CreateExtension, Change.DropExtension,
                Change.CreateEnum, Change.DropEnum, Change.AddEnumLabel, Change.RenameEnumLabel,
                Change.CommentOnType,
                Change.CreateDomain, Change.DropDomain, Change.AlterDomain, Change.AddDomainCheck,
                Change.DropDomainCheck,
                Change.CreateCompositeType, Change.DropCompositeType, Change.CreateRangeType, Change.DropRangeType, Change.AddAttribute, Change.DropAttribute,
                Change.AlterAttribute,
                Change.CreateSequence, Change.DropSequence, Change.AlterSequence,
                Change.CreateTable, Change.DropTable, Change.RenameTable, Change.CommentOnTable, Change.AlterTable,
                Change.AddColumn, Change.DropColumn, Change.RenameColumn, Change.AlterColumn, Change.AlterDerivedColumn,
                Change.AddConstraint, Change.DropConstraint, Change.RenameConstraint, Change.AlterConstraint,
                Change.CreateIndex, Change.DropIndex, Change.AlterIndex,
                Change.CreateStatistics, Change.DropStatistics, Change.AlterStatistics,
                Change.CreateView, Change.DropView,
                Change.CreateFunction, Change.DropFunction, Change.ReplaceFunction,
                Change.CreateTrigger, Change.DropTrigger,
                Change.CreatePolicy, Change.DropPolicy,
                Change.EnableRowLevelSecurity, Change.DisableRowLevelSecurity,
                Change.CreateSchema, Change.DropSchema, Change.CreateCollation, Change.DropCollation, Change.CreateOperator, Change.DropOperator, Change.CreateAccessMethod, Change.DropAccessMethod, Change.CreateWrapper, Change.DropWrapper, Change.AlterWrapper, Change.CreateServer, Change.DropServer, Change.AlterServer, Change.CreateTextSearch, Change.DropTextSearch, Change.AlterTextSearchMappings, Change.CommentOnSchema, Change.CommentOnTargetSchema, Change.AlterExtension,
                Change.CommentOn {

    /** Where this change runs when its dependencies leave the order open. */
    Phase phase();

    /**
     * The object this change touches; members of a table (columns, constraints, triggers,
     * policies) are named {@code table.member}.
     */
    QualifiedName object();

    private static QualifiedName member(QualifiedName table, String name) {
        return new QualifiedName(table.schema(), table.name() + "." + name);
    }

    /** {@code CREATE EXTENSION}. */
    record CreateExtension(Extension extension) implements Change {
        public CreateExtension {
            Objects.requireNonNull(extension, "extension");
        }

        public Phase phase() {
            return Phase.CREATE_EXTENSION;
        }

        public QualifiedName object() {
            return QualifiedName.of(extension.name());
        }
    }

    /** {@code DROP EXTENSION}. */
    record DropExtension(Extension extension) implements Change {
        public DropExtension {
            Objects.requireNonNull(extension, "extension");
        }

        public Phase phase() {
            return Phase.DROP_EXTENSION;
        }

        public QualifiedName object() {
            return QualifiedName.of(extension.name());
        }
    }

    /** {@code CREATE SCHEMA} of a schema the model manages besides the target one (with its comment). */
    record CreateSchema(dev.strata.model.Namespace namespace) implements Change {
        public CreateSchema {
            Objects.requireNonNull(namespace, "namespace");
        }

        public Phase phase() {
            return Phase.CREATE_SCHEMA;
        }

        public QualifiedName object() {
            return QualifiedName.of(namespace.name());
        }
    }

    /** {@code DROP SCHEMA} of a managed schema, once its objects are gone. */
    record DropSchema(dev.strata.model.Namespace namespace) implements Change {
        public DropSchema {
            Objects.requireNonNull(namespace, "namespace");
        }

        public Phase phase() {
            return Phase.DROP_SCHEMA;
        }

        public QualifiedName object() {
            return QualifiedName.of(namespace.name());
        }
    }

    /** {@code COMMENT ON SCHEMA}: {@code from} and {@code to} may be {@code null} (no comment). */
    record CommentOnSchema(String schema, String from, String to) implements Change {
        public CommentOnSchema {
            Objects.requireNonNull(schema, "schema");
        }

        public Phase phase() {
            return Phase.COMMENT;
        }

        public QualifiedName object() {
            return QualifiedName.of(schema);
        }
    }

    /**
     * {@code COMMENT ON SCHEMA} of the target schema itself, whose name the migration does not know
     * (the same file applies to every tenant schema): {@code from} and {@code to} may be {@code null}.
     */
    record CommentOnTargetSchema(String from, String to) implements Change {
        public Phase phase() {
            return Phase.COMMENT;
        }

        public QualifiedName object() {
            return QualifiedName.of("(target schema)");
        }
    }

    /**
     * {@code ALTER EXTENSION ... UPDATE TO} (a changed version) and/or {@code ALTER EXTENSION ...
     * SET SCHEMA} (a changed schema; {@code null} is the target schema).
     */
    record AlterExtension(Extension from, Extension to) implements Change {
        public AlterExtension {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        public Phase phase() {
            return Phase.ALTER_EXTENSION;
        }

        public QualifiedName object() {
            return QualifiedName.of(to.name());
        }

        /** Whether the version changes. */
        public boolean versionChanges() {
            return to.version() != null && !to.version().equals(from.version());
        }

        /** Whether the schema changes. */
        public boolean schemaChanges() {
            return !Objects.equals(from.schema(), to.schema());
        }
    }

    /** {@code CREATE TYPE ... AS ENUM}. */
    record CreateEnum(EnumType type) implements Change {
        public CreateEnum {
            Objects.requireNonNull(type, "type");
        }

        public Phase phase() {
            return Phase.CREATE_ENUM;
        }

        public QualifiedName object() {
            return type.name();
        }
    }

    /** {@code DROP TYPE} of an enum no column uses any more. */
    record DropEnum(EnumType type) implements Change {
        public DropEnum {
            Objects.requireNonNull(type, "type");
        }

        public Phase phase() {
            return Phase.DROP_ENUM;
        }

        public QualifiedName object() {
            return type.name();
        }
    }

    /**
     * {@code ALTER TYPE t ADD VALUE 'label' BEFORE 'before'} (or {@code AFTER 'after'}); with
     * neither neighbour the label is appended. Its reverse recreates the type without the label,
     * which PostgreSQL refuses while certain objects read columns of the type: those come along
     * as {@code dependents}, each as the change that drops it (a {@link DropTrigger},
     * {@link DropPolicy}, {@link DropView}, {@link DropConstraint}, {@link DropIndex} or a
     * {@link DropColumn} of a generated column), in the order they can be dropped; the reverse
     * drops them and creates them again around the swap.
     *
     * @param type       the enum type
     * @param label      the new label
     * @param before     the existing label it goes before, or {@code null}
     * @param after      the label it goes after, or {@code null}; at most one of the two is set
     * @param dependents the objects of the current schema the reverse must move out of the way
     */
    record AddEnumLabel(QualifiedName type, String label, String before, String after, List<Change> dependents)
            implements Change {
        public AddEnumLabel {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(label, "label");
            if (before != null && after != null) {
                throw new IllegalArgumentException("a label goes either before or after a neighbour, not both");
            }
            dependents = List.copyOf(dependents);
            for (Change d : dependents) {
                if (!(d instanceof DropTrigger || d instanceof DropPolicy || d instanceof DropView
                        || d instanceof DropConstraint || d instanceof DropIndex || d instanceof DropColumn)) {
                    throw new IllegalArgumentException("not a drop of a dependent object: " + d);
                }
            }
        }

        /** A label whose type nothing reads in a way that stops the reverse. */
        public AddEnumLabel(QualifiedName type, String label, String before, String after) {
            this(type, label, before, after, List.of());
        }

        public Phase phase() {
            return Phase.ADD_ENUM_LABEL;
        }

        public QualifiedName object() {
            return type;
        }
    }

    /** {@code ALTER TYPE t RENAME VALUE 'from' TO 'to'}. */
    record RenameEnumLabel(QualifiedName type, String from, String to) implements Change {
        public RenameEnumLabel {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        public Phase phase() {
            return Phase.RENAME_ENUM_LABEL;
        }

        public QualifiedName object() {
            return type;
        }
    }

    /** {@code COMMENT ON TYPE}; {@code null} means no comment. */
    record CommentOnType(QualifiedName type, String from, String to) implements Change {
        public CommentOnType {
            Objects.requireNonNull(type, "type");
        }

        public Phase phase() {
            return Phase.COMMENT;
        }

        public QualifiedName object() {
            return type;
        }
    }

    /** {@code CREATE DOMAIN} with its constraints and comment. */
    record CreateDomain(Domain domain) implements Change {
        public CreateDomain {
            Objects.requireNonNull(domain, "domain");
        }

        public Phase phase() {
            return Phase.CREATE_TYPE;
        }

        public QualifiedName object() {
            return domain.name();
        }
    }

    /** {@code DROP DOMAIN} of a domain nothing uses any more. */
    record DropDomain(Domain domain) implements Change {
        public DropDomain {
            Objects.requireNonNull(domain, "domain");
        }

        public Phase phase() {
            return Phase.DROP_TYPE;
        }

        public QualifiedName object() {
            return domain.name();
        }
    }

    /**
     * {@code ALTER DOMAIN ... SET/DROP DEFAULT}, {@code SET/DROP NOT NULL} and
     * {@code COMMENT ON DOMAIN}, for the properties in {@code changes}.
     */
    record AlterDomain(Domain from, Domain to, EnumSet<DomainChange> changes) implements Change {
        public AlterDomain {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            changes = EnumSet.copyOf(changes);
        }

        @Override
        public EnumSet<DomainChange> changes() {
            return EnumSet.copyOf(changes);
        }

        public Phase phase() {
            return Phase.ALTER_TYPE;
        }

        public QualifiedName object() {
            return to.name();
        }
    }

    /** {@code ALTER DOMAIN d ADD CONSTRAINT n CHECK (...)}. */
    record AddDomainCheck(QualifiedName domain, Domain.Check check) implements Change {
        public AddDomainCheck {
            Objects.requireNonNull(domain, "domain");
            Objects.requireNonNull(check, "check");
        }

        public Phase phase() {
            return Phase.ALTER_TYPE;
        }

        public QualifiedName object() {
            return member(domain, check.name());
        }
    }

    /** {@code ALTER DOMAIN d DROP CONSTRAINT n}; carries the check so that the reverse can add it again. */
    record DropDomainCheck(QualifiedName domain, Domain.Check check) implements Change {
        public DropDomainCheck {
            Objects.requireNonNull(domain, "domain");
            Objects.requireNonNull(check, "check");
        }

        public Phase phase() {
            return Phase.DROP_CONSTRAINT;
        }

        public QualifiedName object() {
            return member(domain, check.name());
        }
    }

    /** {@code CREATE TEXT SEARCH ...} with a configuration's mappings and its comment. */
    record CreateTextSearch(dev.strata.model.TextSearch textSearch) implements Change {
        public CreateTextSearch {
            Objects.requireNonNull(textSearch, "textSearch");
        }

        public Phase phase() {
            return Phase.CREATE_TEXT_SEARCH;
        }

        public QualifiedName object() {
            return textSearch.identity();
        }
    }

    /** {@code DROP TEXT SEARCH ...}; the object as it was. */
    record DropTextSearch(dev.strata.model.TextSearch textSearch) implements Change {
        public DropTextSearch {
            Objects.requireNonNull(textSearch, "textSearch");
        }

        public Phase phase() {
            return Phase.DROP_TEXT_SEARCH;
        }

        public QualifiedName object() {
            return textSearch.identity();
        }
    }

    /** A configuration's mappings changed in place ({@code DROP MAPPING} / {@code ADD MAPPING} per token type). */
    record AlterTextSearchMappings(dev.strata.model.TextSearch from, dev.strata.model.TextSearch to) implements Change {
        public AlterTextSearchMappings {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        public Phase phase() {
            return Phase.CREATE_TEXT_SEARCH;
        }

        public QualifiedName object() {
            return to.identity();
        }
    }

    /** {@code CREATE FOREIGN DATA WRAPPER} with its comment. */
    record CreateWrapper(dev.strata.model.ForeignData.Wrapper wrapper) implements Change {
        public CreateWrapper {
            Objects.requireNonNull(wrapper, "wrapper");
        }

        public Phase phase() {
            return Phase.CREATE_COLLATION;
        }

        public QualifiedName object() {
            return QualifiedName.of(wrapper.name());
        }
    }

    /** {@code DROP FOREIGN DATA WRAPPER}; the wrapper as it was. */
    record DropWrapper(dev.strata.model.ForeignData.Wrapper wrapper) implements Change {
        public DropWrapper {
            Objects.requireNonNull(wrapper, "wrapper");
        }

        public Phase phase() {
            return Phase.DROP_COLLATION;
        }

        public QualifiedName object() {
            return QualifiedName.of(wrapper.name());
        }
    }

    /** {@code CREATE SERVER} with its comment. */
    record CreateServer(dev.strata.model.ForeignData.Server server) implements Change {
        public CreateServer {
            Objects.requireNonNull(server, "server");
        }

        public Phase phase() {
            return Phase.CREATE_COLLATION;
        }

        public QualifiedName object() {
            return QualifiedName.of(server.name());
        }
    }

    /** {@code DROP SERVER}; the server as it was. */
    record DropServer(dev.strata.model.ForeignData.Server server) implements Change {
        public DropServer {
            Objects.requireNonNull(server, "server");
        }

        public Phase phase() {
            return Phase.DROP_COLLATION;
        }

        public QualifiedName object() {
            return QualifiedName.of(server.name());
        }
    }

    /** {@code ALTER FOREIGN DATA WRAPPER}: handler, validator, options. */
    record AlterWrapper(dev.strata.model.ForeignData.Wrapper from, dev.strata.model.ForeignData.Wrapper to) implements Change {
        public AlterWrapper {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        public Phase phase() {
            return Phase.CREATE_COLLATION;
        }

        public QualifiedName object() {
            return QualifiedName.of(to.name());
        }
    }

    /** {@code ALTER SERVER}: version, options. */
    record AlterServer(dev.strata.model.ForeignData.Server from, dev.strata.model.ForeignData.Server to) implements Change {
        public AlterServer {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        public Phase phase() {
            return Phase.CREATE_COLLATION;
        }

        public QualifiedName object() {
            return QualifiedName.of(to.name());
        }
    }

    /** {@code CREATE ACCESS METHOD} with its comment. */
    record CreateAccessMethod(dev.strata.model.AccessMethod accessMethod) implements Change {
        public CreateAccessMethod {
            Objects.requireNonNull(accessMethod, "accessMethod");
        }

        public Phase phase() {
            return Phase.CREATE_COLLATION;
        }

        public QualifiedName object() {
            return QualifiedName.of(accessMethod.name());
        }
    }

    /** {@code DROP ACCESS METHOD}; the access method as it was. */
    record DropAccessMethod(dev.strata.model.AccessMethod accessMethod) implements Change {
        public DropAccessMethod {
            Objects.requireNonNull(accessMethod, "accessMethod");
        }

        public Phase phase() {
            return Phase.DROP_COLLATION;
        }

        public QualifiedName object() {
            return QualifiedName.of(accessMethod.name());
        }
    }

    /** {@code CREATE OPERATOR} with its comment. */
    record CreateOperator(dev.strata.model.Operator operator) implements Change {
        public CreateOperator {
            Objects.requireNonNull(operator, "operator");
        }

        public Phase phase() {
            return Phase.CREATE_OPERATOR;
        }

        public QualifiedName object() {
            return operator.identity();
        }
    }

    /** {@code DROP OPERATOR}; the operator as it was. */
    record DropOperator(dev.strata.model.Operator operator) implements Change {
        public DropOperator {
            Objects.requireNonNull(operator, "operator");
        }

        public Phase phase() {
            return Phase.DROP_OPERATOR;
        }

        public QualifiedName object() {
            return operator.identity();
        }
    }

    /** {@code CREATE COLLATION} with its comment. */
    record CreateCollation(dev.strata.model.Collation collation) implements Change {
        public CreateCollation {
            Objects.requireNonNull(collation, "collation");
        }

        public Phase phase() {
            return Phase.CREATE_COLLATION;
        }

        public QualifiedName object() {
            return collation.name();
        }
    }

    /** {@code DROP COLLATION} of a collation nothing uses any more; the collation as it was. */
    record DropCollation(dev.strata.model.Collation collation) implements Change {
        public DropCollation {
            Objects.requireNonNull(collation, "collation");
        }

        public Phase phase() {
            return Phase.DROP_COLLATION;
        }

        public QualifiedName object() {
            return collation.name();
        }
    }

    /** {@code CREATE TYPE ... AS RANGE (...)} with its comment. */
    record CreateRangeType(dev.strata.model.RangeType type) implements Change {
        public CreateRangeType {
            Objects.requireNonNull(type, "type");
        }

        public Phase phase() {
            return Phase.CREATE_TYPE;
        }

        public QualifiedName object() {
            return type.name();
        }
    }

    /** {@code DROP TYPE} of a range type (with its multirange type); the type as it was. */
    record DropRangeType(dev.strata.model.RangeType type) implements Change {
        public DropRangeType {
            Objects.requireNonNull(type, "type");
        }

        public Phase phase() {
            return Phase.DROP_TYPE;
        }

        public QualifiedName object() {
            return type.name();
        }
    }

    /** {@code CREATE TYPE ... AS (...)} with its comment. */
    record CreateCompositeType(CompositeType type) implements Change {
        public CreateCompositeType {
            Objects.requireNonNull(type, "type");
        }

        public Phase phase() {
            return Phase.CREATE_TYPE;
        }

        public QualifiedName object() {
            return type.name();
        }
    }

    /** {@code DROP TYPE} of a composite type nothing uses any more. */
    record DropCompositeType(CompositeType type) implements Change {
        public DropCompositeType {
            Objects.requireNonNull(type, "type");
        }

        public Phase phase() {
            return Phase.DROP_TYPE;
        }

        public QualifiedName object() {
            return type.name();
        }
    }

    /**
     * {@code ALTER TYPE t ADD ATTRIBUTE a type}; PostgreSQL appends it after the others, so one
     * added right {@code after} another added one runs after that one's change. With
     * {@code typedTables} (the tables {@code CREATE TABLE ... OF t}) the statement is {@code CASCADE},
     * which changes those tables' columns too; so for the other attribute changes.
     */
    record AddAttribute(QualifiedName type, CompositeType.Attribute attribute,
                          List<QualifiedName> typedTables, String after) implements Change {
        public AddAttribute {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(attribute, "attribute");
            typedTables = typedTables == null ? List.of() : List.copyOf(typedTables);
        }

        public AddAttribute(QualifiedName type, CompositeType.Attribute attribute) {
            this(type, attribute, List.of(), null);
        }

        public AddAttribute(QualifiedName type, CompositeType.Attribute attribute, List<QualifiedName> typedTables) {
            this(type, attribute, typedTables, null);
        }

        public Phase phase() {
            return Phase.ALTER_TYPE;
        }

        public QualifiedName object() {
            return member(type, attribute.name());
        }
    }

    /**
     * {@code ALTER TYPE t DROP ATTRIBUTE a}. The differ drops only trailing attributes this way, so
     * that the reverse, which appends the attribute again, restores the exact order.
     */
    record DropAttribute(QualifiedName type, CompositeType.Attribute attribute,
                          List<QualifiedName> typedTables,
                          java.util.Map<QualifiedName, dev.strata.model.DerivedColumn> typedOptions) implements Change {
        public DropAttribute {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(attribute, "attribute");
            typedTables = typedTables == null ? List.of() : List.copyOf(typedTables);
            typedOptions = typedOptions == null ? java.util.Map.of() : java.util.Map.copyOf(typedOptions);
        }

        public DropAttribute(QualifiedName type, CompositeType.Attribute attribute) {
            this(type, attribute, List.of(), java.util.Map.of());
        }

        public Phase phase() {
            return Phase.ALTER_TYPE;
        }

        public QualifiedName object() {
            return member(type, attribute.name());
        }
    }

    /** {@code ALTER TYPE t ALTER ATTRIBUTE a TYPE new COLLATE c}. */
    record AlterAttribute(QualifiedName type, CompositeType.Attribute from, CompositeType.Attribute to,
                          List<QualifiedName> typedTables)
            implements Change {
        public AlterAttribute {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            typedTables = typedTables == null ? List.of() : List.copyOf(typedTables);
        }

        public AlterAttribute(QualifiedName type, CompositeType.Attribute from, CompositeType.Attribute to) {
            this(type, from, to, List.of());
        }

        public Phase phase() {
            return Phase.ALTER_TYPE;
        }

        public QualifiedName object() {
            return member(type, to.name());
        }
    }

    /** {@code CREATE SEQUENCE}; an owner is attached by a following {@link AlterSequence}. */
    record CreateSequence(Sequence sequence) implements Change {
        public CreateSequence {
            Objects.requireNonNull(sequence, "sequence");
        }

        public Phase phase() {
            return Phase.CREATE_SEQUENCE;
        }

        public QualifiedName object() {
            return sequence.name();
        }
    }

    /** {@code DROP SEQUENCE}; an owner is detached by a preceding {@link AlterSequence}. */
    record DropSequence(Sequence sequence) implements Change {
        public DropSequence {
            Objects.requireNonNull(sequence, "sequence");
        }

        public Phase phase() {
            return Phase.DROP_SEQUENCE;
        }

        public QualifiedName object() {
            return sequence.name();
        }
    }

    /** {@code ALTER SEQUENCE} of the options in {@code changes}. */
    record AlterSequence(Sequence from, Sequence to, EnumSet<SequenceChange> changes) implements Change {
        public AlterSequence {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            changes = EnumSet.copyOf(changes);
        }

        @Override
        public EnumSet<SequenceChange> changes() {
            return EnumSet.copyOf(changes);
        }

        public Phase phase() {
            return Phase.ALTER_SEQUENCE;
        }

        public QualifiedName object() {
            return to.name();
        }
    }

    /**
     * Table options that change in place: {@code SET LOGGED} / {@code SET UNLOGGED}, storage
     * parameters ({@code SET (...)} / {@code RESET (...)}), {@code [NO] FORCE ROW LEVEL SECURITY}.
     * {@code from} and {@code to} are the table as it is and as it should be (desired names).
     */
    record AlterTable(Table from, Table to, EnumSet<TableChange> changes) implements Change {
        public AlterTable {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            changes = EnumSet.copyOf(changes);
        }

        @Override
        public EnumSet<TableChange> changes() {
            return EnumSet.copyOf(changes);
        }

        public Phase phase() {
            // Replica identity USING INDEX and CLUSTER ON name an index, so they come once indexes
            // exist; taking them away comes before indexes are dropped (see TableSettings.alters).
            if (TableSettings.INDEX_SETTINGS.containsAll(changes)) {
                return TableSettings.namesIndex(to, changes) ? Phase.ALTER_INDEX : Phase.DROP_VIEW;
            }
            return Phase.ALTER_TABLE;
        }

        public QualifiedName object() {
            return to.name();
        }
    }

    /**
     * {@code CREATE TABLE} with its columns, constraints other than foreign keys, indexes, comments
     * and row-level-security flag; foreign keys follow as {@link AddConstraint}.
     */
    record CreateTable(Table table) implements Change {
        public CreateTable {
            Objects.requireNonNull(table, "table");
        }

        public Phase phase() {
            return Phase.CREATE_TABLE;
        }

        public QualifiedName object() {
            return table.name();
        }
    }

    /**
     * {@code DROP TABLE}; the table as it was, without its foreign keys (those are dropped first
     * by their own {@link DropConstraint}).
     */
    record DropTable(Table table) implements Change {
        public DropTable {
            Objects.requireNonNull(table, "table");
        }

        public Phase phase() {
            return Phase.DROP_TABLE;
        }

        public QualifiedName object() {
            return table.name();
        }
    }

    /** {@code ALTER TABLE from RENAME TO to}. */
    record RenameTable(QualifiedName from, QualifiedName to) implements Change {
        public RenameTable {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        public Phase phase() {
            return Phase.RENAME_TABLE;
        }

        public QualifiedName object() {
            return to;
        }
    }

    /** {@code COMMENT ON TABLE}; {@code null} means no comment. */
    record CommentOnTable(QualifiedName table, String from, String to, boolean foreign) implements Change {
        public CommentOnTable {
            Objects.requireNonNull(table, "table");
        }

        /** The comment of an ordinary or partitioned table. */
        public CommentOnTable(QualifiedName table, String from, String to) {
            this(table, from, to, false);
        }

        public Phase phase() {
            return Phase.COMMENT;
        }

        public QualifiedName object() {
            return table;
        }
    }

    /** {@code ALTER TABLE t ADD COLUMN}, with the column's comment. */
    record AddColumn(QualifiedName table, Column column) implements Change {
        public AddColumn {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(column, "column");
        }

        public Phase phase() {
            return Phase.ADD_COLUMN;
        }

        public QualifiedName object() {
            return member(table, column.name());
        }
    }

    /**
     * {@code ALTER TABLE t DROP COLUMN}; the column as it was. {@code only}: {@code ALTER TABLE ONLY},
     * which leaves the column to the inheritance children that want it as their own.
     */
    record DropColumn(QualifiedName table, Column column, boolean only) implements Change {
        public DropColumn {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(column, "column");
        }

        public DropColumn(QualifiedName table, Column column) {
            this(table, column, false);
        }

        public Phase phase() {
            return Phase.DROP_COLUMN;
        }

        public QualifiedName object() {
            return member(table, column.name());
        }
    }

    /** {@code ALTER TABLE t RENAME COLUMN from TO to}. */
    record RenameColumn(QualifiedName table, String from, String to) implements Change {
        public RenameColumn {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        public Phase phase() {
            return Phase.RENAME_COLUMN;
        }

        public QualifiedName object() {
            return member(table, to);
        }
    }

    /**
     * {@code ALTER TABLE t ALTER COLUMN} of the aspects in {@code changes}. Both columns carry the
     * column's new name.
     *
     * @param using the USING expression of a type change, or {@code null} for {@code col::newtype}
     */
    record AlterColumn(QualifiedName table, Column from, Column to, EnumSet<ColumnChange> changes, String using,
                       List<DescendantFix> descendants)
            implements Change {
        public AlterColumn {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            changes = EnumSet.copyOf(changes);
            descendants = descendants == null ? List.of() : List.copyOf(descendants);
        }

        public AlterColumn(QualifiedName table, Column from, Column to, EnumSet<ColumnChange> changes, String using) {
            this(table, from, to, changes, using, List.of());
        }

        public AlterColumn(QualifiedName table, Column from, Column to, EnumSet<ColumnChange> changes) {
            this(table, from, to, changes, null, List.of());
        }

        /** This change, also restating the column on the tables that derive it (see {@link DescendantFix}). */
        public AlterColumn withDescendants(List<DescendantFix> fixes) {
            return new AlterColumn(table, from, to, changes, using, fixes);
        }

        /** Whether the statements touch the column's default on the descendants (they recurse). */
        public boolean recursesDefault() {
            return changes.contains(ColumnChange.DEFAULT) || changes.contains(ColumnChange.TYPE)
                    || changes.contains(ColumnChange.IDENTITY) || changes.contains(ColumnChange.GENERATED);
        }

        /** Whether the statements touch the column's NOT NULL on the descendants. */
        public boolean recursesNotNull() {
            return changes.contains(ColumnChange.NOT_NULL) || changes.contains(ColumnChange.IDENTITY);
        }

        @Override
        public EnumSet<ColumnChange> changes() {
            return EnumSet.copyOf(changes);
        }

        public Phase phase() {
            return Phase.ALTER_COLUMN;
        }

        public QualifiedName object() {
            return member(table, to.name());
        }
    }

    /**
     * One table that derives a column (a partition, an inheritance child) from a table whose
     * statement on that column recurses into it: {@code ALTER TABLE parent ALTER COLUMN c SET
     * DEFAULT} and {@code SET/DROP NOT NULL} overwrite what every descendant had of its own. The
     * change restates the descendant's settings after its own statement, in both directions, so a
     * descendant's own default or NOT NULL survives the parent's change and its reverse.
     *
     * @param table    the descendant, as named while the change runs
     * @param from     its settings before, {@code null} when it does not exist before
     * @param to       its settings after, {@code null} when it does not exist after
     * @param defaults whether the default is restated
     * @param notNulls whether NOT NULL is restated
     */
    record DescendantFix(QualifiedName table, String column, dev.strata.model.DerivedColumn.Effective from,
                         dev.strata.model.DerivedColumn.Effective to, boolean defaults, boolean notNulls) {
        public DescendantFix {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(column, "column");
        }
    }

    /**
     * The own NOT NULL, default or comment of a column that a partition, inheritance child or typed
     * table derives from its parent or type ({@code ALTER TABLE ONLY t ALTER COLUMN c SET DEFAULT},
     * {@code SET/DROP NOT NULL}, {@code COMMENT ON COLUMN}); {@code from} and {@code to} are the
     * column's effective settings on the table.
     */
    record AlterDerivedColumn(QualifiedName table, String column, dev.strata.model.DerivedColumn.Effective from,
                              dev.strata.model.DerivedColumn.Effective to, List<QualifiedName> ancestors,
                              List<DescendantFix> descendants) implements Change {
        public AlterDerivedColumn {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            ancestors = ancestors == null ? List.of() : List.copyOf(ancestors);
            descendants = descendants == null ? List.of() : List.copyOf(descendants);
        }

        public Phase phase() {
            return Phase.ALTER_COLUMN;
        }

        public QualifiedName object() {
            return member(table, column);
        }
    }

    /** {@code ALTER TABLE t ADD CONSTRAINT}. */
    record AddConstraint(QualifiedName table, Constraint constraint) implements Change {
        public AddConstraint {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(constraint, "constraint");
        }

        public Phase phase() {
            return Phase.ADD_CONSTRAINT;
        }

        public QualifiedName object() {
            return member(table, constraint.name());
        }
    }

    /** {@code ALTER TABLE t DROP CONSTRAINT}; the constraint as it was. */
    record DropConstraint(QualifiedName table, Constraint constraint) implements Change {
        public DropConstraint {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(constraint, "constraint");
        }

        public Phase phase() {
            return Phase.DROP_CONSTRAINT;
        }

        public QualifiedName object() {
            return member(table, constraint.name());
        }
    }

    /**
     * {@code ALTER TABLE t RENAME CONSTRAINT a TO b}: the same definition under another name
     * (PostgreSQL renames the index of a primary key, unique or exclusion constraint with it).
     * {@code from} is the constraint as it is (columns as in the desired table), {@code to} the same
     * with its new name.
     */
    record RenameConstraint(QualifiedName table, Constraint from, Constraint to) implements Change {
        public RenameConstraint {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        public Phase phase() {
            return Phase.RENAME_CONSTRAINT;
        }

        public QualifiedName object() {
            return member(table, to.name());
        }
    }

    /**
     * A constraint changed in place: {@code ALTER TABLE t ALTER CONSTRAINT name [NOT] DEFERRABLE
     * ...} (foreign keys; {@link ConstraintChange#DEFERRABILITY}) and {@code VALIDATE CONSTRAINT}
     * (a NOT VALID check or foreign key the model wants validated; {@link ConstraintChange#VALIDATE}).
     * Both constraints carry the desired name.
     */
    record AlterConstraint(QualifiedName table, Constraint from, Constraint to, EnumSet<ConstraintChange> changes)
            implements Change {
        public AlterConstraint {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            changes = EnumSet.copyOf(changes);
        }

        @Override
        public EnumSet<ConstraintChange> changes() {
            return EnumSet.copyOf(changes);
        }

        public Phase phase() {
            return Phase.ALTER_CONSTRAINT;
        }

        public QualifiedName object() {
            return member(table, to.name());
        }
    }

    /** {@code CREATE INDEX} on a table or materialized view. */
    record CreateIndex(Index index) implements Change {
        public CreateIndex {
            Objects.requireNonNull(index, "index");
        }

        public Phase phase() {
            return Phase.CREATE_INDEX;
        }

        public QualifiedName object() {
            return new QualifiedName(index.table().schema(), index.name());
        }
    }

    /** {@code DROP INDEX}; the index as it was. */
    record DropIndex(Index index) implements Change {
        public DropIndex {
            Objects.requireNonNull(index, "index");
        }

        public Phase phase() {
            return Phase.DROP_INDEX;
        }

        public QualifiedName object() {
            return new QualifiedName(index.table().schema(), index.name());
        }
    }

    /**
     * An index whose definition stays but whose storage parameters or comment change:
     * {@code ALTER INDEX ... SET (...)} / {@code RESET (...)}, {@code COMMENT ON INDEX}.
     */
    record AlterIndex(Index from, Index to, EnumSet<IndexChange> changes) implements Change {
        public AlterIndex {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            changes = EnumSet.copyOf(changes);
        }

        @Override
        public EnumSet<IndexChange> changes() {
            return EnumSet.copyOf(changes);
        }

        public Phase phase() {
            return Phase.ALTER_INDEX;
        }

        public QualifiedName object() {
            return new QualifiedName(to.table().schema(), to.name());
        }
    }

    /** {@code CREATE [MATERIALIZED] VIEW}, with a materialized view's indexes. */
    record CreateView(View view) implements Change {
        public CreateView {
            Objects.requireNonNull(view, "view");
        }

        public Phase phase() {
            return Phase.CREATE_VIEW;
        }

        public QualifiedName object() {
            return view.name();
        }
    }

    /** {@code DROP [MATERIALIZED] VIEW}; the view as it was. */
    record DropView(View view) implements Change {
        public DropView {
            Objects.requireNonNull(view, "view");
        }

        public Phase phase() {
            return Phase.DROP_VIEW;
        }

        public QualifiedName object() {
            return view.name();
        }
    }

    /** {@code CREATE FUNCTION} (or procedure). */
    record CreateFunction(Function function) implements Change {
        public CreateFunction {
            Objects.requireNonNull(function, "function");
        }

        public Phase phase() {
            return Phase.CREATE_FUNCTION;
        }

        public QualifiedName object() {
            return function.name();
        }
    }

    /** {@code DROP FUNCTION}; the function as it was. */
    record DropFunction(Function function) implements Change {
        public DropFunction {
            Objects.requireNonNull(function, "function");
        }

        public Phase phase() {
            return Phase.DROP_FUNCTION;
        }

        public QualifiedName object() {
            return function.name();
        }
    }

    /** {@code CREATE OR REPLACE FUNCTION} of a function whose identity arguments stay the same. */
    record ReplaceFunction(Function from, Function to) implements Change {
        public ReplaceFunction {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        public Phase phase() {
            return Phase.REPLACE_FUNCTION;
        }

        public QualifiedName object() {
            return to.name();
        }
    }

    /** {@code CREATE TRIGGER}. */
    /** {@code CREATE STATISTICS} with its target and comment. */
    record CreateStatistics(dev.strata.model.Statistics statistics) implements Change {
        public CreateStatistics {
            Objects.requireNonNull(statistics, "statistics");
        }

        public Phase phase() {
            return Phase.CREATE_STATISTICS;
        }

        public QualifiedName object() {
            return statistics.name();
        }
    }

    /** {@code DROP STATISTICS}; the object as it was. */
    record DropStatistics(dev.strata.model.Statistics statistics) implements Change {
        public DropStatistics {
            Objects.requireNonNull(statistics, "statistics");
        }

        public Phase phase() {
            return Phase.DROP_STATISTICS;
        }

        public QualifiedName object() {
            return statistics.name();
        }
    }

    /** {@code ALTER STATISTICS s SET STATISTICS n}: the target ({@code null}: the default) from and to. */
    record AlterStatistics(dev.strata.model.Statistics statistics, Integer from, Integer to) implements Change {
        public AlterStatistics {
            Objects.requireNonNull(statistics, "statistics");
        }

        public Phase phase() {
            return Phase.ALTER_STATISTICS;
        }

        public QualifiedName object() {
            return statistics.name();
        }
    }

    record CreateTrigger(Trigger trigger) implements Change {
        public CreateTrigger {
            Objects.requireNonNull(trigger, "trigger");
        }

        public Phase phase() {
            return Phase.CREATE_TRIGGER;
        }

        public QualifiedName object() {
            return member(trigger.table(), trigger.name());
        }
    }

    /** {@code DROP TRIGGER}; the trigger as it was. */
    record DropTrigger(Trigger trigger) implements Change {
        public DropTrigger {
            Objects.requireNonNull(trigger, "trigger");
        }

        public Phase phase() {
            return Phase.DROP_TRIGGER;
        }

        public QualifiedName object() {
            return member(trigger.table(), trigger.name());
        }
    }

    /** {@code CREATE POLICY}. */
    record CreatePolicy(Policy policy) implements Change {
        public CreatePolicy {
            Objects.requireNonNull(policy, "policy");
        }

        public Phase phase() {
            return Phase.CREATE_POLICY;
        }

        public QualifiedName object() {
            return member(policy.table(), policy.name());
        }
    }

    /** {@code DROP POLICY}; the policy as it was. */
    record DropPolicy(Policy policy) implements Change {
        public DropPolicy {
            Objects.requireNonNull(policy, "policy");
        }

        public Phase phase() {
            return Phase.DROP_POLICY;
        }

        public QualifiedName object() {
            return member(policy.table(), policy.name());
        }
    }

    /** {@code ALTER TABLE t ENABLE ROW LEVEL SECURITY} on an existing table. */
    record EnableRowLevelSecurity(QualifiedName table) implements Change {
        public EnableRowLevelSecurity {
            Objects.requireNonNull(table, "table");
        }

        public Phase phase() {
            return Phase.ENABLE_ROW_LEVEL_SECURITY;
        }

        public QualifiedName object() {
            return table;
        }
    }

    /** {@code ALTER TABLE t DISABLE ROW LEVEL SECURITY} on a table that stays. */
    record DisableRowLevelSecurity(QualifiedName table) implements Change {
        public DisableRowLevelSecurity {
            Objects.requireNonNull(table, "table");
        }

        public Phase phase() {
            return Phase.DISABLE_ROW_LEVEL_SECURITY;
        }

        public QualifiedName object() {
            return table;
        }
    }

    /**
     * {@code COMMENT ON CONSTRAINT / FUNCTION / PROCEDURE / AGGREGATE / [MATERIALIZED] VIEW / TRIGGER
     * / POLICY} on an object that stays; {@code null} means no comment. An object created or
     * dropped carries its comment itself.
     */
    record CommentOn(CommentTarget target, String from, String to) implements Change {
        public CommentOn {
            Objects.requireNonNull(target, "target");
        }

        public Phase phase() {
            return Phase.COMMENT;
        }

        public QualifiedName object() {
            return target.member() ? member(target.table(), target.name().name()) : target.name();
        }
    }
}
