package dev.strata.sql;

import dev.strata.diff.Change;
import dev.strata.diff.Change.AddColumn;
import dev.strata.diff.Change.AddConstraint;
import dev.strata.diff.Change.AddAttribute;
import dev.strata.diff.Change.AddDomainCheck;
import dev.strata.diff.Change.AddEnumLabel;
import dev.strata.diff.Change.AlterAttribute;
import dev.strata.diff.Change.AlterDomain;
import dev.strata.diff.Change.CreateCompositeType;
import dev.strata.diff.Change.CreateDomain;
import dev.strata.diff.Change.DropAttribute;
import dev.strata.diff.Change.DropCompositeType;
import dev.strata.diff.Change.DropDomain;
import dev.strata.diff.Change.DropDomainCheck;
import dev.strata.diff.DomainChange;
import dev.strata.model.CompositeType;
import dev.strata.model.Domain;
import dev.strata.diff.Change.AlterColumn;
import dev.strata.diff.Change.AlterConstraint;
import dev.strata.diff.Change.AlterSequence;
import dev.strata.diff.Change.AlterIndex;
import dev.strata.diff.Change.AlterTable;
import dev.strata.diff.Change.CommentOnTable;
import dev.strata.diff.Change.CommentOnType;
import dev.strata.diff.Change.CreateEnum;
import dev.strata.diff.Change.CreateExtension;
import dev.strata.diff.Change.CreateFunction;
import dev.strata.diff.Change.CreateIndex;
import dev.strata.diff.Change.CreatePolicy;
import dev.strata.diff.Change.CreateSequence;
import dev.strata.diff.Change.CreateTable;
import dev.strata.diff.Change.CreateTrigger;
import dev.strata.diff.Change.CreateView;
import dev.strata.diff.Change.DisableRowLevelSecurity;
import dev.strata.diff.Change.DropColumn;
import dev.strata.diff.Change.DropConstraint;
import dev.strata.diff.Change.DropEnum;
import dev.strata.diff.Change.DropExtension;
import dev.strata.diff.Change.DropFunction;
import dev.strata.diff.Change.DropIndex;
import dev.strata.diff.Change.DropPolicy;
import dev.strata.diff.Change.DropSequence;
import dev.strata.diff.Change.DropTable;
import dev.strata.diff.Change.DropTrigger;
import dev.strata.diff.Change.DropView;
import dev.strata.diff.Change.EnableRowLevelSecurity;
import dev.strata.diff.IndexChange;
import dev.strata.diff.TableChange;
import dev.strata.diff.Change.RenameColumn;
import dev.strata.diff.Change.RenameConstraint;
import dev.strata.diff.Change.RenameEnumLabel;
import dev.strata.diff.Change.RenameTable;
import dev.strata.diff.Change.ReplaceFunction;
import dev.strata.diff.ColumnChange;
import dev.strata.diff.ConstraintChange;
import dev.strata.model.Constraint;
import dev.strata.diff.SequenceChange;
import dev.strata.model.SequenceOwner;
import dev.strata.model.Column;
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
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * ChangeRenderer turns each {@link Change} into the statements that apply it and the statements
 * that undo it exactly. CREATE statements come from {@link Ddl}, so a table added by a migration
 * is spelled as the compiler spells it; objects the catalog keeps as SQL (views, functions,
 * triggers, policies) are replayed verbatim.
 *
 * <p>Every statement may run in a transaction except {@code ALTER TYPE ... ADD VALUE} when another
 * change of the same migration uses the new label ({@link #renderAll}): PostgreSQL does not let a
 * transaction use an enum value it added itself.
 */
public final class ChangeRenderer {
    private ChangeRenderer() {
    }

    /**
     * A migration's statements: the ups in the order of {@code changes}, and the downs of the
     * changes in reverse order.
     */
    public static Rendered renderAll(List<Change> changes) {
        List<Rendered> each = changes.stream().map(ChangeRenderer::render).toList();
        List<Statement> up = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            if (changes.get(i) instanceof AddEnumLabel add && labelUsedElsewhere(add, changes, each, i)) {
                each.get(i).up().forEach(s -> up.add(new Statement(s.sql(), false)));
            } else {
                up.addAll(each.get(i).up());
            }
        }
        List<Statement> down = new ArrayList<>();
        for (int i = changes.size() - 1; i >= 0; i--) {
            down.addAll(each.get(i).down());
        }
        return new Rendered(up, down);
    }

    private static boolean labelUsedElsewhere(AddEnumLabel add, List<Change> changes, List<Rendered> each, int self) {
        String literal = Identifiers.literal(add.label());
        for (int i = 0; i < changes.size(); i++) {
            if (i != self && !(changes.get(i) instanceof AddEnumLabel)
                    && each.get(i).up().stream().anyMatch(s -> s.sql().contains(literal))) {
                return true;
            }
        }
        return false;
    }

    /** The statements of one change and of its reverse. */
    public static Rendered render(Change change) {
        if (change instanceof Change.CreateSchema c) {
            List<String> up = new ArrayList<>(List.of(Ddl.createSchema(c.namespace().name())));
            if (c.namespace().comment() != null) {
                up.add(Ddl.commentOnSchema(c.namespace().name(), c.namespace().comment()));
            }
            return of(up, List.of(Ddl.dropSchema(c.namespace().name())));
        } else if (change instanceof Change.DropSchema c) {
            List<String> down = new ArrayList<>(List.of(Ddl.createSchema(c.namespace().name())));
            if (c.namespace().comment() != null) {
                down.add(Ddl.commentOnSchema(c.namespace().name(), c.namespace().comment()));
            }
            return of(List.of(Ddl.dropSchema(c.namespace().name())), down);
        } else if (change instanceof Change.CreateTextSearch c) {
            return of(createTextSearch(c.textSearch()), List.of(Ddl.dropTextSearch(c.textSearch())));
        } else if (change instanceof Change.DropTextSearch c) {
            return of(List.of(Ddl.dropTextSearch(c.textSearch())), createTextSearch(c.textSearch()));
        } else if (change instanceof Change.AlterTextSearchMappings c) {
            return of(alterMappings(c.from(), c.to()), alterMappings(c.to(), c.from()));
        } else if (change instanceof Change.CreateWrapper c) {
            return of(createWrapper(c.wrapper()),
                    List.of("DROP FOREIGN DATA WRAPPER " + Identifiers.quote(c.wrapper().name())));
        } else if (change instanceof Change.DropWrapper c) {
            return of(List.of("DROP FOREIGN DATA WRAPPER " + Identifiers.quote(c.wrapper().name())),
                    createWrapper(c.wrapper()));
        } else if (change instanceof Change.AlterWrapper c) {
            return of(Ddl.alterWrapper(c.from(), c.to()), Ddl.alterWrapper(c.to(), c.from()));
        } else if (change instanceof Change.CreateServer c) {
            return of(createServer(c.server()), List.of("DROP SERVER " + Identifiers.quote(c.server().name())));
        } else if (change instanceof Change.DropServer c) {
            return of(List.of("DROP SERVER " + Identifiers.quote(c.server().name())), createServer(c.server()));
        } else if (change instanceof Change.AlterServer c) {
            return of(Ddl.alterServer(c.from(), c.to()), Ddl.alterServer(c.to(), c.from()));
        } else if (change instanceof Change.CreateAccessMethod c) {
            return of(createAccessMethod(c.accessMethod()),
                    List.of("DROP ACCESS METHOD " + Identifiers.quote(c.accessMethod().name())));
        } else if (change instanceof Change.DropAccessMethod c) {
            return of(List.of("DROP ACCESS METHOD " + Identifiers.quote(c.accessMethod().name())),
                    createAccessMethod(c.accessMethod()));
        } else if (change instanceof Change.CreateOperator c) {
            return of(createOperator(c.operator()), List.of(Ddl.dropOperator(c.operator())));
        } else if (change instanceof Change.DropOperator c) {
            return of(List.of(Ddl.dropOperator(c.operator())), createOperator(c.operator()));
        } else if (change instanceof Change.CreateRangeType c) {
            List<String> up = new ArrayList<>(List.of(Ddl.createRangeType(c.type())));
            if (c.type().comment() != null) {
                up.add(Ddl.commentOnType(c.type().name(), c.type().comment()));
            }
            return of(up, List.of("DROP TYPE " + Identifiers.quote(c.type().name())));
        } else if (change instanceof Change.DropRangeType c) {
            List<String> down = new ArrayList<>(List.of(Ddl.createRangeType(c.type())));
            if (c.type().comment() != null) {
                down.add(Ddl.commentOnType(c.type().name(), c.type().comment()));
            }
            return of(List.of("DROP TYPE " + Identifiers.quote(c.type().name())), down);
        } else if (change instanceof Change.CreateCollation c) {
            return of(createCollation(c.collation()), List.of(Ddl.dropCollation(c.collation())));
        } else if (change instanceof Change.DropCollation c) {
            return of(List.of(Ddl.dropCollation(c.collation())), createCollation(c.collation()));
        } else if (change instanceof Change.CommentOnTargetSchema c) {
            return of(List.of(Ddl.commentOnTargetSchema(c.to())), List.of(Ddl.commentOnTargetSchema(c.from())));
        } else if (change instanceof Change.CommentOnSchema c) {
            return of(List.of(Ddl.commentOnSchema(c.schema(), c.to())), List.of(Ddl.commentOnSchema(c.schema(), c.from())));
        } else if (change instanceof Change.AlterExtension c) {
            List<String> up = new ArrayList<>();
            List<String> down = new ArrayList<>();
            if (c.schemaChanges()) {
                up.add(Ddl.alterExtensionSchema(c.to(), c.to().schema()));
                down.add(Ddl.alterExtensionSchema(c.from(), c.from().schema()));
            }
            if (c.versionChanges()) {
                up.add(Ddl.alterExtensionVersion(c.to(), c.to().version()));
                down.add(0, Ddl.alterExtensionVersionBack(c.from(), c.to().version(), c.from().version()));
            }
            return of(up, down);
        } else if (change instanceof CreateExtension c) {
            return of(List.of(Ddl.createExtension(c.extension())), List.of(dropExtension(c.extension())));
        } else if (change instanceof DropExtension c) {
            return of(List.of(dropExtension(c.extension())), List.of(Ddl.createExtension(c.extension())));
        } else if (change instanceof CreateEnum c) {
            return of(createEnum(c.type()), List.of(dropType(c.type().name())));
        } else if (change instanceof DropEnum c) {
            return of(List.of(dropType(c.type().name())), createEnum(c.type()));
        } else if (change instanceof AddEnumLabel c) {
            return of(List.of(addEnumLabel(c)), List.of(EnumLabelRemoval.doBlock(c.type(), c.label(),
                    c.dependents().stream().map(ChangeRenderer::dependent).toList())));
        } else if (change instanceof RenameEnumLabel c) {
            return of(List.of(renameEnumLabel(c.type(), c.from(), c.to())),
                    List.of(renameEnumLabel(c.type(), c.to(), c.from())));
        } else if (change instanceof CommentOnType c) {
            return of(List.of(Ddl.commentOnType(c.type(), c.to())), List.of(Ddl.commentOnType(c.type(), c.from())));
        } else if (change instanceof CreateDomain c) {
            return of(createDomain(c.domain()), List.of(dropDomain(c.domain().name())));
        } else if (change instanceof DropDomain c) {
            return of(List.of(dropDomain(c.domain().name())), createDomain(c.domain()));
        } else if (change instanceof AlterDomain c) {
            return of(alterDomain(c.from(), c.to(), c.changes()), alterDomain(c.to(), c.from(), c.changes()));
        } else if (change instanceof AddDomainCheck c) {
            return of(addDomainCheckWithComment(c.domain(), c.check()), List.of(dropDomainCheck(c.domain(), c.check())));
        } else if (change instanceof DropDomainCheck c) {
            return of(List.of(dropDomainCheck(c.domain(), c.check())), addDomainCheckWithComment(c.domain(), c.check()));
        } else if (change instanceof CreateCompositeType c) {
            return of(createCompositeType(c.type()), List.of(dropType(c.type().name())));
        } else if (change instanceof DropCompositeType c) {
            return of(List.of(dropType(c.type().name())), createCompositeType(c.type()));
        } else if (change instanceof AddAttribute c) {
            boolean cascade = !c.typedTables().isEmpty();
            return of(List.of(addAttribute(c.type(), c.attribute(), cascade)),
                    List.of(dropAttribute(c.type(), c.attribute(), cascade)));
        } else if (change instanceof DropAttribute c) {
            boolean cascade = !c.typedTables().isEmpty();
            List<String> down = new ArrayList<>(List.of(addAttribute(c.type(), c.attribute(), cascade)));
            for (QualifiedName t : c.typedTables()) {
                dev.strata.model.DerivedColumn o = c.typedOptions().getOrDefault(t, dev.strata.model.DerivedColumn.NONE);
                down.addAll(Ddl.derivedColumnSettings(t, c.attribute().name(), dev.strata.model.DerivedColumn.Effective.NONE,
                        o.over(dev.strata.model.DerivedColumn.Effective.NONE, false), true, true, true));
            }
            return of(List.of(dropAttribute(c.type(), c.attribute(), cascade)), down);
        } else if (change instanceof AlterAttribute c) {
            boolean cascade = !c.typedTables().isEmpty();
            return of(List.of(alterAttribute(c.type(), c.to(), cascade)), List.of(alterAttribute(c.type(), c.from(), cascade)));
        } else if (change instanceof CreateSequence c) {
            return of(createSequence(c.sequence()), List.of(dropSequence(c.sequence())));
        } else if (change instanceof DropSequence c) {
            return of(List.of(dropSequence(c.sequence())), createSequence(c.sequence()));
        } else if (change instanceof AlterSequence c) {
            return of(alterSequence(c.from(), c.to(), c.changes()), alterSequence(c.to(), c.from(), c.changes()));
        } else if (change instanceof CreateTable c) {
            return of(createTable(c.table()), List.of(dropTable(c.table())));
        } else if (change instanceof DropTable c) {
            return of(List.of(dropTable(c.table())), createTable(c.table()));
        } else if (change instanceof RenameTable c) {
            return of(List.of(renameTable(c.from(), c.to())), List.of(renameTable(c.to(), c.from())));
        } else if (change instanceof CommentOnTable c) {
            return of(List.of(Ddl.commentOnTable(c.table(), c.to(), c.foreign())),
                    List.of(Ddl.commentOnTable(c.table(), c.from(), c.foreign())));
        } else if (change instanceof AddColumn c) {
            return of(addColumn(c.table(), c.column()), List.of(dropColumn(c.table(), c.column())));
        } else if (change instanceof DropColumn c && c.only()) {
            List<String> down = new ArrayList<>(addColumn(c.table(), c.column()));
            down.add("-- the inheritance children of " + c.table().name() + " keep " + c.column().name()
                    + " as their own column as well: PostgreSQL cannot make a column inherited-only again");
            return of(List.of("ALTER TABLE ONLY " + Identifiers.quote(c.table()) + " DROP COLUMN "
                    + Identifiers.quote(c.column().name())), down);
        } else if (change instanceof DropColumn c) {
            return of(List.of(dropColumn(c.table(), c.column())), addColumn(c.table(), c.column()));
        } else if (change instanceof RenameColumn c) {
            return of(List.of(renameColumn(c.table(), c.from(), c.to())),
                    List.of(renameColumn(c.table(), c.to(), c.from())));
        } else if (change instanceof AlterColumn c) {
            List<String> up = new ArrayList<>(alterColumn(c.table(), c.from(), c.to(), c.changes(), c.using()));
            List<String> down = new ArrayList<>(alterColumn(c.table(), c.to(), c.from(), c.changes(), null));
            for (Change.DescendantFix f : c.descendants()) {
                up.addAll(fix(f, f.to()));
                down.addAll(fix(f, f.from()));
            }
            return of(up, down);
        } else if (change instanceof Change.AlterDerivedColumn c) {
            List<String> up = new ArrayList<>(Ddl.derivedColumnSettings(c.table(), c.column(), c.from(), c.to(),
                    true, true, true));
            List<String> down = new ArrayList<>(Ddl.derivedColumnSettings(c.table(), c.column(), c.to(), c.from(),
                    true, true, true));
            for (Change.DescendantFix f : c.descendants()) {
                up.addAll(fix(f, f.to()));
                down.addAll(fix(f, f.from()));
            }
            return of(up, down);
        } else if (change instanceof AddConstraint c) {
            return of(addConstraint(c.table(), c.constraint()), List.of(dropConstraint(c.table(), c.constraint().name())));
        } else if (change instanceof DropConstraint c) {
            return of(List.of(dropConstraint(c.table(), c.constraint().name())), addConstraint(c.table(), c.constraint()));
        } else if (change instanceof RenameConstraint c) {
            return of(List.of(Ddl.renameConstraint(c.table(), c.from().name(), c.to().name())),
                    List.of(Ddl.renameConstraint(c.table(), c.to().name(), c.from().name())));
        } else if (change instanceof AlterConstraint c) {
            return alterConstraint(c);
        } else if (change instanceof CreateIndex c) {
            return of(createIndex(c.index()), List.of(dropIndex(c.index())));
        } else if (change instanceof DropIndex c) {
            return of(List.of(dropIndex(c.index())), createIndex(c.index()));
        } else if (change instanceof AlterIndex c) {
            return of(alterIndex(c.from(), c.to(), c.changes()), alterIndex(c.to(), c.from(), c.changes()));
        } else if (change instanceof AlterTable c) {
            return of(alterTable(c.from(), c.to(), c.changes()), alterTable(c.to(), c.from(), c.changes()));
        } else if (change instanceof CreateView c) {
            return of(createView(c.view()), List.of(dropView(c.view())));
        } else if (change instanceof DropView c) {
            return of(List.of(dropView(c.view())), createView(c.view()));
        } else if (change instanceof CreateFunction c) {
            return of(createFunction(c.function()), List.of(dropFunction(c.function())));
        } else if (change instanceof DropFunction c) {
            return of(List.of(dropFunction(c.function())), createFunction(c.function()));
        } else if (change instanceof ReplaceFunction c) {
            return of(List.of(verbatim(c.to().definition())), List.of(verbatim(c.from().definition())));
        } else if (change instanceof Change.CreateStatistics c) {
            return of(Ddl.createStatisticsWithOptions(c.statistics()), List.of(Ddl.dropStatistics(c.statistics())));
        } else if (change instanceof Change.DropStatistics c) {
            return of(List.of(Ddl.dropStatistics(c.statistics())), Ddl.createStatisticsWithOptions(c.statistics()));
        } else if (change instanceof Change.AlterStatistics c) {
            return of(List.of(Ddl.alterStatisticsTarget(c.statistics(), c.to())),
                    List.of(Ddl.alterStatisticsTarget(c.statistics(), c.from())));
        } else if (change instanceof CreateTrigger c) {
            return of(createTrigger(c.trigger()), List.of(dropTrigger(c.trigger())));
        } else if (change instanceof DropTrigger c) {
            return of(List.of(dropTrigger(c.trigger())), createTrigger(c.trigger()));
        } else if (change instanceof CreatePolicy c) {
            return of(createPolicy(c.policy()), List.of(dropPolicy(c.policy())));
        } else if (change instanceof DropPolicy c) {
            return of(List.of(dropPolicy(c.policy())), createPolicy(c.policy()));
        } else if (change instanceof EnableRowLevelSecurity c) {
            return of(List.of(Ddl.enableRowLevelSecurity(c.table())), List.of(Ddl.disableRowLevelSecurity(c.table())));
        } else if (change instanceof DisableRowLevelSecurity c) {
            return of(List.of(Ddl.disableRowLevelSecurity(c.table())), List.of(Ddl.enableRowLevelSecurity(c.table())));
        } else if (change instanceof Change.CommentOn c) {
            return of(List.of(Comments.on(c.target(), c.to())), List.of(Comments.on(c.target(), c.from())));
        }
        throw new IllegalStateException("unsupported change " + change);
    }

    private static Rendered of(List<String> up, List<String> down) {
        return new Rendered(up.stream().map(Statement::of).toList(), down.stream().map(Statement::of).toList());
    }

    // ---------------------------------------------------------------- extensions and enums

    private static String dropExtension(Extension extension) {
        return "DROP EXTENSION " + Identifiers.quote(extension.name());
    }

    private static List<String> createEnum(EnumType type) {
        List<String> sql = new ArrayList<>();
        sql.add(Ddl.createEnum(type));
        if (type.comment() != null) {
            sql.add(Ddl.commentOnType(type.name(), type.comment()));
        }
        return sql;
    }

    // ---------------------------------------------------------------- domains and composite types

    private static List<String> createDomain(Domain domain) {
        List<String> sql = new ArrayList<>();
        sql.add(Ddl.createDomain(domain));
        sql.addAll(Ddl.addNotValidDomainChecks(domain));
        sql.addAll(domainCheckComments(domain));
        if (domain.comment() != null) {
            sql.add(Ddl.commentOnDomain(domain.name(), domain.comment()));
        }
        return sql;
    }

    /** {@code COMMENT ON CONSTRAINT c ON DOMAIN d} for each check of the domain that has a comment. */
    public static List<String> domainCheckComments(Domain domain) {
        return domain.checks().stream().filter(c -> c.comment() != null)
                .map(c -> Comments.on(dev.strata.diff.CommentTarget.of(domain.name(), c), c.comment())).toList();
    }

    private static String dropDomain(QualifiedName domain) {
        return "DROP DOMAIN " + Identifiers.quote(domain);
    }

    private static List<String> alterDomain(Domain from, Domain to, Set<DomainChange> changes) {
        List<String> sql = new ArrayList<>();
        String alter = "ALTER DOMAIN " + Identifiers.quote(to.name());
        for (DomainChange change : changes) {
            if (change == DomainChange.DEFAULT) {
                sql.add(alter + (to.defaultExpr() == null ? " DROP DEFAULT" : " SET DEFAULT " + to.defaultExpr()));
            } else if (change == DomainChange.NOT_NULL) {
                sql.add(alter + (to.notNull() ? " SET NOT NULL" : " DROP NOT NULL"));
            } else if (change == DomainChange.COMMENT) {
                sql.add(Ddl.commentOnDomain(to.name(), to.comment()));
            } else if (change == DomainChange.VALIDATE) {
                sql.addAll(validateDomainChecks(from, to));
            } else {
                throw new IllegalStateException("unsupported domain change " + change + " of " + from.name());
            }
        }
        return sql;
    }

    /**
     * {@code ALTER DOMAIN d VALIDATE CONSTRAINT c} for each check NOT VALID in {@code from} and
     * valid in {@code to}; the other way round (the down) the check dropped and added NOT VALID, as
     * PostgreSQL cannot mark a constraint NOT VALID in place.
     */
    private static List<String> validateDomainChecks(Domain from, Domain to) {
        List<String> sql = new ArrayList<>();
        for (Domain.Check check : to.checks()) {
            Domain.Check before = from.checks().stream().filter(c -> c.name().equals(check.name())).findFirst()
                    .orElse(null);
            if (before == null || before.notValid() == check.notValid()) {
                continue;
            }
            if (before.notValid()) {
                sql.add("ALTER DOMAIN " + Identifiers.quote(to.name()) + " VALIDATE CONSTRAINT "
                        + Identifiers.quote(check.name()));
            } else {
                // PostgreSQL has no "mark NOT VALID": the check is dropped and added again NOT VALID,
                // which scans nothing.
                sql.add(dropDomainCheck(to.name(), check));
                sql.addAll(addDomainCheckWithComment(to.name(), check));
            }
        }
        return sql;
    }

    private static String addDomainCheck(QualifiedName domain, Domain.Check check) {
        return "ALTER DOMAIN " + Identifiers.quote(domain) + " ADD " + Ddl.domainConstraint(check);
    }

    private static List<String> addDomainCheckWithComment(QualifiedName domain, Domain.Check check) {
        List<String> sql = new ArrayList<>(List.of(addDomainCheck(domain, check)));
        if (check.comment() != null) {
            sql.add(Comments.on(dev.strata.diff.CommentTarget.of(domain, check), check.comment()));
        }
        return sql;
    }

    private static String dropDomainCheck(QualifiedName domain, Domain.Check check) {
        return "ALTER DOMAIN " + Identifiers.quote(domain) + " DROP CONSTRAINT " + Identifiers.quote(check.name());
    }

    private static List<String> createCompositeType(CompositeType type) {
        List<String> sql = new ArrayList<>();
        sql.add(Ddl.createCompositeType(type));
        if (type.comment() != null) {
            sql.add(Ddl.commentOnType(type.name(), type.comment()));
        }
        return sql;
    }

    private static String addAttribute(QualifiedName type, CompositeType.Attribute attribute, boolean cascade) {
        return "ALTER TYPE " + Identifiers.quote(type) + " ADD ATTRIBUTE " + Ddl.attributeDefinition(attribute)
                + (cascade ? " CASCADE" : "");
    }

    private static String dropAttribute(QualifiedName type, CompositeType.Attribute attribute, boolean cascade) {
        return "ALTER TYPE " + Identifiers.quote(type) + " DROP ATTRIBUTE " + Identifiers.quote(attribute.name())
                + (cascade ? " CASCADE" : "");
    }

    private static String alterAttribute(QualifiedName type, CompositeType.Attribute attribute, boolean cascade) {
        return "ALTER TYPE " + Identifiers.quote(type) + " ALTER ATTRIBUTE " + Identifiers.quote(attribute.name())
                + " TYPE " + attribute.type().sql()
                + (attribute.collation() == null ? "" : " COLLATE " + attribute.collation()) + (cascade ? " CASCADE" : "");
    }

    private static String dropType(QualifiedName type) {
        return "DROP TYPE " + Identifiers.quote(type);
    }

    private static String addEnumLabel(AddEnumLabel add) {
        String sql = "ALTER TYPE " + Identifiers.quote(add.type()) + " ADD VALUE " + Identifiers.literal(add.label());
        if (add.before() != null) {
            return sql + " BEFORE " + Identifiers.literal(add.before());
        } else if (add.after() != null) {
            return sql + " AFTER " + Identifiers.literal(add.after());
        }
        return sql;
    }

    /** A dependent the reverse of an added label moves out of the way: its drop, and the drop's reverse. */
    private static EnumLabelRemoval.Dependent dependent(Change drop) {
        Rendered sql = render(drop);
        List<String> up = sql.up().stream().map(Statement::sql).toList();
        List<String> down = sql.down().stream().map(Statement::sql).toList();
        return new EnumLabelRemoval.Dependent(present(drop), up, down);
    }

    private static String present(Change drop) {
        if (drop instanceof DropView c) {
            return EnumLabelRemoval.relationExists(c.view().name());
        } else if (drop instanceof DropIndex c) {
            return EnumLabelRemoval.relationExists(new QualifiedName(c.index().table().schema(), c.index().name()));
        } else if (drop instanceof DropTrigger c) {
            if (c.trigger().isRule()) {
                return EnumLabelRemoval.memberExists("pg_rewrite", "ev_class", "rulename", c.trigger().table(),
                        c.trigger().name(), null);
            }
            return EnumLabelRemoval.memberExists("pg_trigger", "tgrelid", "tgname", c.trigger().table(),
                    c.trigger().name(), null);
        } else if (drop instanceof DropPolicy c) {
            return EnumLabelRemoval.memberExists("pg_policy", "polrelid", "polname", c.policy().table(),
                    c.policy().name(), null);
        } else if (drop instanceof DropConstraint c) {
            return EnumLabelRemoval.memberExists("pg_constraint", "conrelid", "conname", c.table(),
                    c.constraint().name(), null);
        } else if (drop instanceof DropColumn c) {
            return EnumLabelRemoval.memberExists("pg_attribute", "attrelid", "attname", c.table(),
                    c.column().name(), "NOT attisdropped");
        }
        throw new IllegalStateException("unsupported dependent " + drop);
    }

    private static String renameEnumLabel(QualifiedName type, String from, String to) {
        return "ALTER TYPE " + Identifiers.quote(type) + " RENAME VALUE " + Identifiers.literal(from) + " TO "
                + Identifiers.literal(to);
    }

    // ---------------------------------------------------------------- sequences

    /** The sequence with its comment; a re-created sequence starts again at its START WITH value. */
    private static List<String> createSequence(Sequence sequence) {
        List<String> sql = new ArrayList<>();
        sql.add(Ddl.createSequence(sequence));
        if (sequence.comment() != null) {
            sql.add(Ddl.commentOnSequence(sequence.name(), sequence.comment()));
        }
        return sql;
    }

    private static String dropSequence(Sequence sequence) {
        return "DROP SEQUENCE " + Identifiers.quote(sequence.name());
    }

    private static List<String> alterSequence(Sequence from, Sequence to, Set<SequenceChange> changes) {
        StringBuilder options = new StringBuilder();
        if (changes.contains(SequenceChange.TYPE)) {
            options.append(" AS ").append(to.dataType());
        }
        if (changes.contains(SequenceChange.INCREMENT)) {
            options.append(" INCREMENT BY ").append(to.increment());
        }
        if (changes.contains(SequenceChange.MIN_VALUE)) {
            options.append(" MINVALUE ").append(to.minValue());
        }
        if (changes.contains(SequenceChange.MAX_VALUE)) {
            options.append(" MAXVALUE ").append(to.maxValue());
        }
        if (changes.contains(SequenceChange.START)) {
            options.append(" START WITH ").append(to.start());
        }
        if (changes.contains(SequenceChange.CACHE)) {
            options.append(" CACHE ").append(to.cache());
        }
        if (changes.contains(SequenceChange.CYCLE)) {
            options.append(to.cycle() ? " CYCLE" : " NO CYCLE");
        }
        List<String> sql = new ArrayList<>();
        String quoted = Identifiers.quote(to.name());
        // PostgreSQL refuses new bounds that leave the current value outside them. When the bound
        // the sequence moves towards (MINVALUE ascending, MAXVALUE descending) passes its value, the
        // value is moved forward to it first: it only skips numbers, never repeats one. (setval is
        // not undone by a rollback; a failed migration leaves those numbers skipped.)
        if (changes.contains(SequenceChange.MIN_VALUE) && to.increment() > 0 && to.minValue() > from.minValue()) {
            sql.add("SELECT setval(" + Identifiers.literal(quoted) + "::regclass, " + to.minValue() + ", false) FROM "
                    + quoted + " WHERE last_value < " + to.minValue());
        }
        if (changes.contains(SequenceChange.MAX_VALUE) && to.increment() < 0 && to.maxValue() < from.maxValue()) {
            sql.add("SELECT setval(" + Identifiers.literal(quoted) + "::regclass, " + to.maxValue() + ", false) FROM "
                    + quoted + " WHERE last_value > " + to.maxValue());
        }
        if (options.length() > 0) {
            sql.add("ALTER SEQUENCE " + quoted + options);
        }
        if (changes.contains(SequenceChange.OWNED_BY)) {
            sql.add(Ddl.alterSequenceOwnedBy(to));
        }
        if (changes.contains(SequenceChange.UNLOGGED)) {
            sql.add("ALTER SEQUENCE " + quoted + (to.unlogged() ? " SET UNLOGGED" : " SET LOGGED"));
        }
        if (changes.contains(SequenceChange.COMMENT)) {
            sql.add(Ddl.commentOnSequence(to.name(), to.comment()));
        }
        return sql;
    }

    // ---------------------------------------------------------------- constraints

    /**
     * A foreign key's deferrability set to {@code to}'s (the down: back to {@code from}'s), then
     * VALIDATE CONSTRAINT. PostgreSQL cannot mark a constraint NOT VALID in place, so the reverse of
     * the validation drops the constraint and adds the old one again.
     */
    private static java.util.Map<String, String> constraintStorage(Constraint c) {
        return c instanceof Constraint.PrimaryKey pk ? pk.storage()
                : c instanceof Constraint.Unique u ? u.storage() : java.util.Map.of();
    }

    private static Rendered alterConstraint(AlterConstraint c) {
        List<String> up = new ArrayList<>();
        List<String> down = new ArrayList<>();
        boolean validates = c.changes().contains(ConstraintChange.VALIDATE);
        if (validates) {
            // PostgreSQL cannot mark a constraint NOT VALID in place: the down drops it and adds the
            // old one again, NOT VALID (no scan), with its old deferrability and comment.
            down.add(dropConstraint(c.table(), c.to().name()));
            down.addAll(addConstraint(c.table(), c.from()));
        }
        if (c.changes().contains(ConstraintChange.DEFERRABILITY)
                && c.from() instanceof Constraint.ForeignKey from && c.to() instanceof Constraint.ForeignKey to) {
            up.add(Ddl.alterConstraintDeferrability(c.table(), to.name(), to.deferrable(), to.initiallyDeferred()));
            if (!validates) {
                down.add(Ddl.alterConstraintDeferrability(c.table(), to.name(), from.deferrable(),
                        from.initiallyDeferred()));
            }
        }
        if (c.changes().contains(ConstraintChange.VALIDATE)) {
            up.add(Ddl.validateConstraint(c.table(), c.to().name()));
        }
        if (c.changes().contains(ConstraintChange.INDEX_STORAGE)) {
            // The index behind a primary key or unique constraint has the constraint's name.
            String index = Identifiers.quote(new QualifiedName(c.table().schema(), c.to().name()));
            up.addAll(Ddl.alterStorage("INDEX", index, constraintStorage(c.from()), constraintStorage(c.to())));
            down.addAll(Ddl.alterStorage("INDEX", index, constraintStorage(c.to()), constraintStorage(c.from())));
        }
        return of(up, down);
    }

    // ---------------------------------------------------------------- tables and columns

    /** The table with its indexes, comments and row-level-security flag, as its drop would lose them. */
    private static List<String> createTable(Table table) {
        List<String> sql = new ArrayList<>();
        sql.add(Ddl.createTable(table, true));
        sql.addAll(Ddl.derivedColumnOptions(table));
        table.constraints().stream().filter(Ddl::addedAfterCreate)
                .forEach(c -> sql.add(Ddl.addConstraint(table.name(), c)));
        table.constraints().stream().filter(c -> c.comment() != null)
                .forEach(c -> sql.add(Comments.on(table.name(), c, c.comment())));
        for (Index index : table.indexes()) {
            sql.addAll(createIndex(index));
        }
        sql.addAll(SettingsDdl.tableSettings(table));
        if (table.comment() != null) {
            sql.add(Ddl.commentOnTable(table.name(), table.comment(), table.isForeign()));
        }
        for (Column column : table.columns()) {
            if (column.comment() != null) {
                sql.add(Ddl.commentOnColumn(table.name(), column.name(), column.comment()));
            }
        }
        if (table.rowLevelSecurity()) {
            sql.add(Ddl.enableRowLevelSecurity(table.name()));
        }
        if (table.forceRowLevelSecurity()) {
            sql.add(Ddl.forceRowLevelSecurity(table.name(), true));
        }
        return sql;
    }

    /** A descendant's default and NOT NULL restated after its parent's statement recursed into it. */
    private static List<String> fix(Change.DescendantFix f, dev.strata.model.DerivedColumn.Effective settings) {
        return Ddl.derivedColumnSettings(f.table(), f.column(), null, settings, f.defaults(), f.notNulls(), false);
    }

    private static String dropTable(Table table) {
        return "DROP " + (table.isForeign() ? "FOREIGN " : "") + "TABLE " + Identifiers.quote(table.name());
    }

    private static String renameTable(QualifiedName from, QualifiedName to) {
        return "ALTER TABLE " + Identifiers.quote(from) + " RENAME TO " + Identifiers.quote(to.name());
    }

    private static List<String> addColumn(QualifiedName table, Column column) {
        List<String> sql = new ArrayList<>();
        sql.add(alterTable(table) + "ADD COLUMN " + Ddl.columnDefinition(table, column));
        sql.addAll(SettingsDdl.columnSettings(table, column));
        if (column.comment() != null) {
            sql.add(Ddl.commentOnColumn(table, column.name(), column.comment()));
        }
        return sql;
    }

    private static String dropColumn(QualifiedName table, Column column) {
        return alterTable(table) + "DROP COLUMN " + Identifiers.quote(column.name());
    }

    private static String renameColumn(QualifiedName table, String from, String to) {
        return alterTable(table) + "RENAME COLUMN " + Identifiers.quote(from) + " TO " + Identifiers.quote(to);
    }

    /**
     * The statements that turn column {@code from} into {@code to} (both carry the current name).
     * The order matters: an identity or generation goes before the type changes, a default is
     * taken off before a type change (it may not cast) and put back after, NOT NULL is set before
     * an identity is added (identity requires it) and dropped after one is removed.
     */
    private static List<String> alterColumn(QualifiedName table, Column from, Column to, Set<ColumnChange> changes,
                                            String using) {
        String alter = alterTable(table) + "ALTER COLUMN " + Identifiers.quote(to.name()) + " ";
        List<String> sql = new ArrayList<>();
        if (changes.contains(ColumnChange.GENERATED) && from.generatedExpr() == null) {
            // A plain column cannot become generated in place; its values are derived anyway.
            sql.add(dropColumn(table, to));
            sql.addAll(addColumn(table, to));
            return sql;
        }
        if (changes.contains(ColumnChange.GENERATED) && to.generatedExpr() == null) {
            sql.add(alter + "DROP EXPRESSION");
        }
        if (changes.contains(ColumnChange.IDENTITY) && to.identity() == null) {
            sql.add(alter + "DROP IDENTITY");
        }
        boolean retype = changes.contains(ColumnChange.TYPE) || changes.contains(ColumnChange.COLLATION);
        boolean defaultOff = from.defaultExpr() != null
                && (changes.contains(ColumnChange.DEFAULT) || changes.contains(ColumnChange.TYPE));
        if (defaultOff) {
            sql.add(alter + "DROP DEFAULT");
        }
        if (retype) {
            StringBuilder type = new StringBuilder(alter).append("TYPE ").append(to.type().sql());
            // ALTER ... TYPE resets the collation to the type's default: restate a kept one too.
            if (changes.contains(ColumnChange.COLLATION) || to.collation() != null) {
                type.append(" COLLATE ").append(collation(to.collation()));
            }
            if (changes.contains(ColumnChange.TYPE)) {
                type.append(" USING ").append(using != null ? using : cast(from, to));
            }
            sql.add(type.toString());
        }
        if (to.defaultExpr() != null && (defaultOff || changes.contains(ColumnChange.DEFAULT))) {
            sql.add(alter + "SET DEFAULT " + to.defaultExpr());
        } else if (to.defaultExpr() == null && !defaultOff && changes.contains(ColumnChange.DEFAULT)) {
            sql.add(alter + "DROP DEFAULT");
        }
        if (changes.contains(ColumnChange.NOT_NULL)) {
            sql.add(alter + (to.notNull() ? "SET NOT NULL" : "DROP NOT NULL"));
        }
        if (changes.contains(ColumnChange.IDENTITY) && to.identity() != null) {
            sql.add(alter + (from.identity() == null
                    ? "ADD GENERATED " + to.identity().sql() + " AS IDENTITY" + SettingsDdl.identityOptions(table, to)
                    : "SET GENERATED " + to.identity().sql()));
        }
        if (changes.contains(ColumnChange.GENERATED) && to.generatedExpr() != null) {
            sql.add(alter + "SET EXPRESSION AS (" + to.generatedExpr() + ")");
        }
        sql.addAll(SettingsDdl.alter(table, from, to, changes));
        if (changes.contains(ColumnChange.COMMENT)) {
            sql.add(Ddl.commentOnColumn(table, to.name(), to.comment()));
        }
        return sql;
    }

    /** A collation as SQL ({@code "C"}); a column without one goes back to its type's default. */
    private static String collation(String sql) {
        return sql == null ? "\"default\"" : sql;
    }

    /** {@code c::newtype}; between two user types (enums) through text, which both cast from and to. */
    private static String cast(Column from, Column to) {
        String column = Identifiers.quote(to.name());
        if (from.type().userType() != null && to.type().userType() != null) {
            return column + "::text::" + to.type().sql();
        }
        return column + "::" + to.type().sql();
    }

    private static String alterTable(QualifiedName table) {
        return "ALTER TABLE " + Identifiers.quote(table) + " ";
    }

    private static String dropConstraint(QualifiedName table, String name) {
        return alterTable(table) + "DROP CONSTRAINT " + Identifiers.quote(name);
    }

    /** The text search object's CREATE (with a configuration's mappings) and its comment. */
    public static List<String> createTextSearch(dev.strata.model.TextSearch object) {
        List<String> sql = new ArrayList<>(Ddl.createTextSearch(object));
        if (object.comment() != null) {
            sql.add(Comments.on(dev.strata.diff.CommentTarget.of(object), object.comment()));
        }
        return sql;
    }

    /** The mapping statements that turn configuration {@code from}'s mappings into {@code to}'s. */
    private static List<String> alterMappings(dev.strata.model.TextSearch from, dev.strata.model.TextSearch to) {
        List<String> sql = new ArrayList<>();
        java.util.Set<String> tokens = new java.util.TreeSet<>(from.mappings().keySet());
        tokens.addAll(to.mappings().keySet());
        for (String token : tokens) {
            List<String> before = from.mappings().get(token);
            List<String> after = to.mappings().get(token);
            if (java.util.Objects.equals(before, after)) {
                continue;
            }
            if (before != null) {
                sql.add(Ddl.dropMapping(to, token));
            }
            if (after != null && !after.isEmpty()) {
                sql.add(Ddl.addMapping(to, token, after));
            }
        }
        return sql;
    }

    /** The wrapper's CREATE and its comment. */
    public static List<String> createWrapper(dev.strata.model.ForeignData.Wrapper w) {
        List<String> sql = new ArrayList<>(List.of(Ddl.createWrapper(w)));
        if (w.comment() != null) {
            sql.add(Comments.on(new dev.strata.diff.CommentTarget(dev.strata.diff.CommentTarget.Kind.FOREIGN_DATA_WRAPPER,
                    QualifiedName.of(w.name()), null, null), w.comment()));
        }
        return sql;
    }

    /** The server's CREATE and its comment. */
    public static List<String> createServer(dev.strata.model.ForeignData.Server s) {
        List<String> sql = new ArrayList<>(List.of(Ddl.createServer(s)));
        if (s.comment() != null) {
            sql.add(Comments.on(new dev.strata.diff.CommentTarget(dev.strata.diff.CommentTarget.Kind.SERVER,
                    QualifiedName.of(s.name()), null, null), s.comment()));
        }
        return sql;
    }

    /** The access method's CREATE and its comment. */
    public static List<String> createAccessMethod(dev.strata.model.AccessMethod am) {
        List<String> sql = new ArrayList<>(List.of(Ddl.createAccessMethod(am)));
        if (am.comment() != null) {
            sql.add(Comments.on(new dev.strata.diff.CommentTarget(dev.strata.diff.CommentTarget.Kind.ACCESS_METHOD,
                    QualifiedName.of(am.name()), null, null), am.comment()));
        }
        return sql;
    }

    /** The operator's CREATE and its comment. */
    public static List<String> createOperator(dev.strata.model.Operator operator) {
        List<String> sql = new ArrayList<>(List.of(Ddl.createOperator(operator)));
        if (operator.comment() != null) {
            sql.add(Comments.on(dev.strata.diff.CommentTarget.of(operator), operator.comment()));
        }
        return sql;
    }

    /** The collation's CREATE and its comment. */
    public static List<String> createCollation(dev.strata.model.Collation collation) {
        List<String> sql = new ArrayList<>(List.of(Ddl.createCollation(collation)));
        if (collation.comment() != null) {
            sql.add(Comments.on(dev.strata.diff.CommentTarget.of(collation), collation.comment()));
        }
        return sql;
    }

    /** The trigger's CREATE, the ALTER TABLE that sets its enablement when it is not the default, its comment. */
    private static List<String> createTrigger(Trigger trigger) {
        List<String> sql = new ArrayList<>();
        sql.add(verbatim(trigger.definition()));
        if (trigger.enablement() != Trigger.Enablement.ORIGIN) {
            sql.add(Ddl.alterTriggerEnablement(trigger, trigger.enablement()));
        }
        if (trigger.comment() != null) {
            sql.add(Comments.on(trigger, trigger.comment()));
        }
        return sql;
    }

    /** The constraint and its comment, as its drop would lose them. */
    private static List<String> addConstraint(QualifiedName table, Constraint constraint) {
        List<String> sql = new ArrayList<>();
        sql.add(Ddl.addConstraint(table, constraint));
        if (constraint.comment() != null) {
            sql.add(Comments.on(table, constraint, constraint.comment()));
        }
        return sql;
    }

    private static List<String> createFunction(Function function) {
        List<String> sql = new ArrayList<>();
        sql.add(verbatim(function.definition()));
        if (function.comment() != null) {
            sql.add(Comments.on(function, function.comment()));
        }
        return sql;
    }

    private static List<String> createPolicy(Policy policy) {
        List<String> sql = new ArrayList<>();
        sql.add(verbatim(policy.definition()));
        if (policy.comment() != null) {
            sql.add(Comments.on(policy, policy.comment()));
        }
        return sql;
    }

    /** The index and its comment, as its drop would lose them. */
    private static List<String> createIndex(Index index) {
        List<String> sql = new ArrayList<>();
        sql.add(Ddl.createIndex(index, false));
        if (index.comment() != null) {
            sql.add(Ddl.commentOnIndex(index, index.comment()));
        }
        return sql;
    }

    /** Storage parameters set / reset, then the comment, from {@code from} to {@code to}. */
    private static List<String> alterIndex(Index from, Index to, EnumSet<IndexChange> changes) {
        List<String> sql = new ArrayList<>();
        if (changes.contains(IndexChange.STORAGE)) {
            sql.addAll(Ddl.alterStorage("INDEX", Identifiers.quote(new QualifiedName(to.table().schema(), to.name())),
                    from.storage(), to.storage()));
        }
        if (changes.contains(IndexChange.COMMENT)) {
            sql.add(Ddl.commentOnIndex(to, to.comment()));
        }
        return sql;
    }

    /** SET LOGGED / UNLOGGED, storage parameters set / reset, FORCE / NO FORCE ROW LEVEL SECURITY. */
    private static List<String> alterTable(Table from, Table to, EnumSet<TableChange> changes) {
        List<String> sql = new ArrayList<>();
        String name = Identifiers.quote(to.name());
        if (changes.contains(TableChange.PERSISTENCE)) {
            sql.add("ALTER TABLE " + name + (to.unlogged() ? " SET UNLOGGED" : " SET LOGGED"));
            // That gives the table's identity sequences its persistence: those with their own get it back.
            for (Column column : to.columns()) {
                sql.addAll(SettingsDdl.sequencePersistence(to.name(), column));
            }
        }
        if (changes.contains(TableChange.FOREIGN_OPTIONS) && from.isForeign() && to.isForeign()) {
            String options = Ddl.fdwOptions(from.foreign().options(), to.foreign().options());
            if (options != null) {
                sql.add("ALTER FOREIGN TABLE " + name + " " + options);
            }
        }
        if (changes.contains(TableChange.ACCESS_METHOD) && !java.util.Objects.equals(from.accessMethod(), to.accessMethod())) {
            sql.add("ALTER TABLE " + name + " SET ACCESS METHOD "
                    + Identifiers.quote(to.accessMethod() == null ? "heap" : to.accessMethod()));
        }
        if (changes.contains(TableChange.STORAGE)) {
            sql.addAll(Ddl.alterStorage("TABLE", name, from.storage(), to.storage()));
        }
        if (changes.contains(TableChange.FORCE_ROW_LEVEL_SECURITY)) {
            sql.add(Ddl.forceRowLevelSecurity(to.name(), to.forceRowLevelSecurity()));
        }
        sql.addAll(TableLineageSql.alter(from, to, changes));
        sql.addAll(SettingsDdl.alterIndexSettings(from, to, changes));
        return sql;
    }

    private static String dropIndex(Index index) {
        return "DROP INDEX " + Identifiers.quote(new QualifiedName(index.table().schema(), index.name()));
    }

    // ---------------------------------------------------------------- views, functions, triggers, policies

    private static List<String> createView(View view) {
        List<String> sql = new ArrayList<>();
        sql.add(verbatim(view.definition()));
        for (Index index : view.indexes()) {
            sql.addAll(createIndex(index));
        }
        if (view.comment() != null) {
            sql.add(Comments.on(view, view.comment()));
        }
        return sql;
    }

    private static String dropView(View view) {
        if (view.dropSql() != null) {
            return verbatim(view.dropSql());
        }
        return (view.materialized() ? "DROP MATERIALIZED VIEW " : "DROP VIEW ") + Identifiers.quote(view.name());
    }

    private static String dropFunction(Function function) {
        if (function.dropSql() != null) {
            return verbatim(function.dropSql());
        }
        if (function.isAggregate()) {
            String arguments = function.arguments() == null ? function.aggregate().arguments() : function.arguments();
            return "DROP AGGREGATE " + Identifiers.quote(function.name()) + "(" + (arguments.isEmpty() ? "*" : arguments)
                    + ")";
        }
        return (function.procedure() ? "DROP PROCEDURE " : "DROP FUNCTION ") + Identifiers.quote(function.name())
                + "(" + (function.arguments() == null ? "" : function.arguments()) + ")";
    }

    private static String dropTrigger(Trigger trigger) {
        if (trigger.dropSql() != null) {
            return verbatim(trigger.dropSql());
        }
        return "DROP " + trigger.keyword() + " " + Identifiers.quote(trigger.name()) + " ON "
                + Identifiers.quote(trigger.table());
    }

    private static String dropPolicy(Policy policy) {
        if (policy.dropSql() != null) {
            return verbatim(policy.dropSql());
        }
        return "DROP POLICY " + Identifiers.quote(policy.name()) + " ON " + Identifiers.quote(policy.table());
    }

    /** SQL the model or catalog holds, without trailing semicolons and whitespace. */
    private static String verbatim(String sql) {
        String s = sql.strip();
        while (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).stripTrailing();
        }
        return s;
    }
}
