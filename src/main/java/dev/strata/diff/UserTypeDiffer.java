package dev.strata.diff;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import dev.strata.diff.Change.AddAttribute;
import dev.strata.diff.Change.AddDomainCheck;
import dev.strata.diff.Change.AlterAttribute;
import dev.strata.diff.Change.AlterDomain;
import dev.strata.diff.Change.CommentOnType;
import dev.strata.diff.Change.CreateCompositeType;
import dev.strata.diff.Change.CreateDomain;
import dev.strata.diff.Change.DropAttribute;
import dev.strata.diff.Change.DropCompositeType;
import dev.strata.diff.Change.DropDomain;
import dev.strata.diff.Change.DropDomainCheck;
import dev.strata.model.Column;
import dev.strata.model.CompositeType;
import dev.strata.model.Domain;
import dev.strata.model.Function;
import dev.strata.model.QualifiedName;
import dev.strata.model.Schema;
import dev.strata.model.Table;
import dev.strata.sql.Identifiers;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * UserTypeDiffer lists the changes to domains and composite types. Defaults, NOT NULL, CHECK
 * constraints, comments and attributes change in place; a domain whose base type or collation
 * changes, or a composite type whose attributes cannot be reached by appending and dropping
 * trailing ones, is dropped and re-created, which the differ refuses while both schemas use it.
 */
final class UserTypeDiffer {
    private final Schema current;
    private final Schema desired;
    private final List<Change> out;

    private UserTypeDiffer(Schema current, Schema desired, List<Change> out) {
        this.current = current;
        this.desired = desired;
        this.out = out;
    }

    /** Adds the changes of domains and composite types from {@code current} to {@code desired} to {@code out}. */
    static void diff(Schema current, Schema desired, List<Change> out) {
        UserTypeDiffer d = new UserTypeDiffer(current, desired, out);
        d.domains();
        d.compositeTypes();
        d.rangeTypes();
    }

    private void domains() {
        Map<QualifiedName, Domain> have = byName(current.domains(), Domain::name);
        Map<QualifiedName, Domain> want = byName(desired.domains(), Domain::name);
        for (Domain d : desired.domains()) {
            Domain c = have.get(d.name());
            if (c == null) {
                out.add(new CreateDomain(d));
            } else if (!c.base().sql().equals(d.base().sql()) || !Objects.equals(c.collation(), d.collation())) {
                String what = !c.base().sql().equals(d.base().sql())
                        ? "the base type of domain " + d.name() + " from " + c.base().sql() + " to " + d.base().sql()
                        : "the collation of domain " + d.name() + " from " + orNone(c.collation()) + " to "
                                + orNone(d.collation());
                recreate(d.name(), "domain", what, "ALTER DOMAIN cannot change a domain's base type or collation");
                out.add(new DropDomain(c));
                out.add(new CreateDomain(d));
            } else {
                alterDomain(c, d);
            }
        }
        for (Domain c : current.domains()) {
            if (!want.containsKey(c.name())) {
                out.add(new DropDomain(c));
            }
        }
    }

    private void alterDomain(Domain c, Domain d) {
        EnumSet<DomainChange> changes = EnumSet.noneOf(DomainChange.class);
        if (!Objects.equals(c.defaultExpr(), d.defaultExpr())) {
            changes.add(DomainChange.DEFAULT);
        }
        if (c.notNull() != d.notNull()) {
            changes.add(DomainChange.NOT_NULL);
        }
        if (!Objects.equals(c.comment(), d.comment())) {
            changes.add(DomainChange.COMMENT);
        }
        // A NOT VALID check the model wants valid is validated in place; a valid one the model
        // writes NOT VALID stays as it is (PostgreSQL cannot undo a validation, and a valid check
        // guarantees more), as for table constraints.
        Map<String, Domain.Check> current = c.checks().stream()
                .collect(Collectors.toMap(Domain.Check::name, x -> x, (a, b) -> a, LinkedHashMap::new));
        List<Domain.Check> target = new ArrayList<>();
        List<Domain.Check> compared = new ArrayList<>();
        for (Domain.Check check : d.checks()) {
            Domain.Check now = current.get(check.name());
            if (now != null && now.withNotValid(false).equals(check.withNotValid(false))) {
                if (now.notValid() && !check.notValid()) {
                    changes.add(DomainChange.VALIDATE);
                }
                target.add(now.notValid() ? check : now);
                compared.add(now);
            } else {
                target.add(check);
                compared.add(check);
            }
        }
        if (!changes.isEmpty()) {
            out.add(new AlterDomain(c, new Domain(d.name(), d.base(), d.collation(), d.notNull(), d.defaultExpr(),
                    target, d.comment()), changes));
        }
        d = new Domain(d.name(), d.base(), d.collation(), d.notNull(), d.defaultExpr(), compared, d.comment());
        Map<String, Domain.Check> have = c.checks().stream()
                .collect(Collectors.toMap(Domain.Check::name, x -> x, (a, b) -> a, LinkedHashMap::new));
        Map<String, Domain.Check> want = d.checks().stream()
                .collect(Collectors.toMap(Domain.Check::name, x -> x, (a, b) -> a, LinkedHashMap::new));
        for (Domain.Check check : c.checks()) {
            Domain.Check wanted = want.get(check.name());
            if (wanted == null || !check.withComment(null).equals(wanted.withComment(null))) {
                out.add(new DropDomainCheck(c.name(), check));
            } else if (!Objects.equals(check.comment(), wanted.comment())) {
                out.add(new Change.CommentOn(CommentTarget.of(d.name(), wanted), check.comment(), wanted.comment()));
            }
        }
        for (Domain.Check check : d.checks()) {
            Domain.Check had = have.get(check.name());
            if (had == null || !check.withComment(null).equals(had.withComment(null))) {
                out.add(new AddDomainCheck(d.name(), check));
            }
        }
    }

    private void compositeTypes() {
        Map<QualifiedName, CompositeType> have = byName(current.compositeTypes(), CompositeType::name);
        Map<QualifiedName, CompositeType> want = byName(desired.compositeTypes(), CompositeType::name);
        for (CompositeType d : desired.compositeTypes()) {
            CompositeType c = have.get(d.name());
            if (c == null) {
                out.add(new CreateCompositeType(d));
            } else if (!alterable(c, d)) {
                recreate(d.name(), "composite type", "the attributes of composite type " + d.name() + " from ("
                        + attributes(c) + ") to (" + attributes(d) + ")",
                        "ALTER TYPE appends new attributes at the end, and an attribute dropped from the middle "
                                + "could not be put back in its place by the down migration");
                out.add(new DropCompositeType(c));
                out.add(new CreateCompositeType(d));
            } else {
                alterComposite(c, d);
            }
        }
        for (CompositeType c : current.compositeTypes()) {
            if (!want.containsKey(c.name())) {
                out.add(new DropCompositeType(c));
            }
        }
    }

    /**
     * Whether ALTER TYPE reaches {@code d} from {@code c} with a down that restores {@code c}
     * exactly: kept attributes keep their order and come first, added ones follow, and the dropped
     * ones are the last of {@code c}.
     */
    static boolean alterable(CompositeType c, CompositeType d) {
        List<String> currentNames = c.attributes().stream().map(CompositeType.Attribute::name).toList();
        List<String> desiredNames = d.attributes().stream().map(CompositeType.Attribute::name).toList();
        List<String> kept = currentNames.stream().filter(desiredNames::contains).toList();
        return desiredNames.subList(0, Math.min(kept.size(), desiredNames.size())).equals(kept)
                && currentNames.subList(0, kept.size()).equals(kept);
    }

    private void alterComposite(CompositeType c, CompositeType d) {
        // Typed tables (CREATE TABLE ... OF t) of the type in both schemas: ALTER TYPE ... CASCADE
        // changes their columns along (without CASCADE PostgreSQL refuses).
        List<QualifiedName> typed = current.tables().stream().filter(t -> c.name().equals(t.lineage().ofType()))
                .map(dev.strata.model.Table::name)
                .filter(n -> desired.tables().stream().anyMatch(t -> t.name().equals(n) && d.name().equals(t.lineage().ofType())))
                .toList();
        for (CompositeType.Attribute a : c.attributes()) {
            if (d.attribute(a.name()).isEmpty()) {
                // The down adds the attribute back: each typed table's own options on it come back too.
                java.util.Map<QualifiedName, dev.strata.model.DerivedColumn> options = new java.util.HashMap<>();
                current.tables().stream().filter(t -> typed.contains(t.name()))
                        .forEach(t -> options.put(t.name(), t.lineage().columnOption(a.name())));
                out.add(new DropAttribute(c.name(), a, typed, options));
            }
        }
        String previousAdded = null;
        for (CompositeType.Attribute a : d.attributes()) {
            CompositeType.Attribute was = c.attribute(a.name()).orElse(null);
            if (was == null) {
                out.add(new AddAttribute(d.name(), a, typed, previousAdded));
                previousAdded = a.name();
            } else if (!was.equals(a)) {
                out.add(new AlterAttribute(d.name(), was, a, typed));
            }
        }
        if (!Objects.equals(c.comment(), d.comment())) {
            out.add(new CommentOnType(d.name(), c.comment(), d.comment()));
        }
    }

    /**
     * Range types: created, dropped, or, since PostgreSQL cannot alter one, dropped and created
     * again when their definition changes (refused while the type is in use before and after).
     */
    private void rangeTypes() {
        Map<QualifiedName, dev.strata.model.RangeType> have = new java.util.HashMap<>();
        current.rangeTypes().forEach(r -> have.put(r.name(), r));
        java.util.Set<QualifiedName> want = new java.util.HashSet<>();
        for (dev.strata.model.RangeType d : desired.rangeTypes()) {
            want.add(d.name());
            dev.strata.model.RangeType c = have.get(d.name());
            if (c == null) {
                out.add(new Change.CreateRangeType(d));
            } else if (!c.definitionOnly().equals(d.definitionOnly())) {
                recreate(d.name(), "range type", "range type " + d.name() + " from (" + dev.strata.sql.Ddl.createRangeType(c)
                        + ") to (" + dev.strata.sql.Ddl.createRangeType(d) + ")", "PostgreSQL cannot alter a range type");
                out.add(new Change.DropRangeType(c));
                out.add(new Change.CreateRangeType(d));
            } else if (!Objects.equals(c.comment(), d.comment())) {
                out.add(new Change.CommentOnType(d.name(), c.comment(), d.comment()));
            }
        }
        for (dev.strata.model.RangeType c : current.rangeTypes()) {
            if (!want.contains(c.name())) {
                out.add(new Change.DropRangeType(c));
            }
        }
    }

    /** Refuses to drop and re-create a type that both schemas use. */
    private void recreate(QualifiedName type, String kind, String what, String why) {
        List<String> before = users(current, type);
        List<String> after = users(desired, type);
        if (before.isEmpty() || after.isEmpty()) {
            return;
        }
        throw new StrataException(ErrorCode.REFUSED_CHANGE, "Refusing to change " + what + ".\n"
                + "  " + why + ", so the " + kind + " would have to be dropped and re-created,\n"
                + "  and it is in use: " + String.join(", ", before) + ".\n"
                + "Either:\n"
                + "  - define a new " + kind + " under another name, move its users to it, and drop " + type.name()
                + " in a later migration, or\n"
                + "  - stop using " + type.name() + " in one migration and change it in the next.");
    }

    /** What uses a type in a schema: columns, attributes, domains, and functions that name it. */
    static List<String> users(Schema schema, QualifiedName type) {
        List<String> users = new ArrayList<>();
        for (Table t : schema.tables()) {
            for (Column c : t.columns()) {
                if (type.equals(c.type().userType())) {
                    users.add("column " + t.name() + "." + c.name());
                }
            }
        }
        for (CompositeType c : schema.compositeTypes()) {
            for (CompositeType.Attribute a : c.attributes()) {
                if (type.equals(a.type().userType()) && !c.name().equals(type)) {
                    users.add("attribute " + c.name() + "." + a.name());
                }
            }
        }
        for (Domain d : schema.domains()) {
            if (type.equals(d.base().userType()) && !d.name().equals(type)) {
                users.add("domain " + d.name());
            }
        }
        Pattern word = Pattern.compile("(?<![\\w$\"])" + Pattern.quote(Identifiers.quote(type.name())) + "(?![\\w$\"])",
                Identifiers.needsQuoting(type.name()) ? 0 : Pattern.CASE_INSENSITIVE);
        for (Function f : schema.functions()) {
            if (word.matcher(f.definition()).find()) {
                users.add("function " + f.name());
            }
        }
        return users;
    }

    private static String attributes(CompositeType type) {
        return type.attributes().stream().map(a -> a.name() + " " + a.type().sql()).collect(Collectors.joining(", "));
    }

    private static String orNone(String collation) {
        return collation == null ? "the default" : collation;
    }

    private static <T> Map<QualifiedName, T> byName(List<T> items, java.util.function.Function<T, QualifiedName> name) {
        Map<QualifiedName, T> map = new LinkedHashMap<>();
        items.forEach(i -> map.put(name.apply(i), i));
        return map;
    }
}
