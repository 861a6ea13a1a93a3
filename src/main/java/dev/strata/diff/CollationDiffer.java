package dev.strata.diff;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import dev.strata.model.Collation;
import dev.strata.model.Column;
import dev.strata.model.Domain;
import dev.strata.model.Index;
import dev.strata.model.QualifiedName;
import dev.strata.model.Schema;
import dev.strata.model.Table;
import dev.strata.sql.Identifiers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * CollationDiffer compares the collations of two schemas. A collation has no ALTER for its
 * definition: a changed one is dropped and created again, which PostgreSQL refuses while columns,
 * domains or index keys use it, so Strata refuses that change up front with both ways out.
 */
final class CollationDiffer {
    private CollationDiffer() {
    }

    static void diff(Schema current, Schema desired, List<Change> out) {
        Map<QualifiedName, Collation> have = current.collations().stream()
                .collect(Collectors.toMap(Collation::name, Function.identity()));
        Map<QualifiedName, Collation> want = desired.collations().stream()
                .collect(Collectors.toMap(Collation::name, Function.identity()));
        for (Collation d : desired.collations()) {
            Collation c = have.get(d.name());
            if (c == null) {
                out.add(new Change.CreateCollation(d));
            } else if (!c.definitionOnly().equals(d.definitionOnly())) {
                List<String> users = users(current, c.name());
                if (!users.isEmpty()) {
                    throw new StrataException(ErrorCode.REFUSED_CHANGE, "Refusing to change collation "
                            + Identifiers.quote(c.name()) + ".\n"
                            + "  PostgreSQL cannot alter a collation's definition, so it would have to be dropped and"
                            + " re-created,\n  and it is in use: " + String.join(", ", users) + ".\n"
                            + "  (Rows sorted and indexed under the old rules would also be ordered differently.)\n"
                            + "Either:\n"
                            + "  - define a new collation under another name, move its users to it, and drop "
                            + c.name().name() + " in a later migration, or\n"
                            + "  - stop using " + c.name().name() + " in one migration and change it in the next.");
                }
                out.add(new Change.DropCollation(c));
                out.add(new Change.CreateCollation(d));
            } else if (!Objects.equals(c.comment(), d.comment())) {
                out.add(new Change.CommentOn(CommentTarget.of(d), c.comment(), d.comment()));
            }
        }
        for (Collation c : current.collations()) {
            if (!want.containsKey(c.name())) {
                out.add(new Change.DropCollation(c));
            }
        }
    }

    /**
     * Access methods made with CREATE ACCESS METHOD, by name. One cannot be altered: a changed one
     * is dropped and created again, which is refused while a table or materialized view uses it.
     */
    static void accessMethods(Schema current, Schema desired, List<Change> out) {
        Map<String, dev.strata.model.AccessMethod> have = current.accessMethods().stream()
                .collect(Collectors.toMap(dev.strata.model.AccessMethod::name, Function.identity()));
        Map<String, dev.strata.model.AccessMethod> want = desired.accessMethods().stream()
                .collect(Collectors.toMap(dev.strata.model.AccessMethod::name, Function.identity()));
        for (dev.strata.model.AccessMethod d : desired.accessMethods()) {
            dev.strata.model.AccessMethod c = have.get(d.name());
            if (c == null) {
                out.add(new Change.CreateAccessMethod(d));
            } else if (!c.type().equals(d.type()) || !c.handler().equals(d.handler())) {
                List<String> users = current.tables().stream().filter(t -> d.name().equals(t.accessMethod()))
                        .map(t -> "table " + t.name()).toList();
                if (!users.isEmpty()) {
                    throw new StrataException(ErrorCode.REFUSED_CHANGE, "Refusing to change access method " + d.name()
                            + ".\n  An access method cannot be altered, so it would have to be dropped and re-created,\n"
                            + "  and it is in use: " + String.join(", ", users) + ".\n"
                            + "Either:\n  - create a new access method under another name and move the tables to it"
                            + " (ALTER TABLE ... SET ACCESS METHOD), or\n"
                            + "  - move the tables off it in one migration and change it in the next.");
                }
                out.add(new Change.DropAccessMethod(c));
                out.add(new Change.CreateAccessMethod(d));
            } else if (!Objects.equals(c.comment(), d.comment())) {
                out.add(new Change.CommentOn(new CommentTarget(CommentTarget.Kind.ACCESS_METHOD,
                        QualifiedName.of(d.name()), null, null), c.comment(), d.comment()));
            }
        }
        for (dev.strata.model.AccessMethod c : current.accessMethods()) {
            if (!want.containsKey(c.name())) {
                out.add(new Change.DropAccessMethod(c));
            }
        }
    }

    /** The columns, domains and index keys of {@code schema} that name the collation. */
    static List<String> users(Schema schema, QualifiedName collation) {
        List<String> users = new ArrayList<>();
        for (Table t : schema.tables()) {
            for (Column c : t.columns()) {
                if (names(c.collation(), collation)) {
                    users.add("column " + t.name() + "." + c.name());
                }
            }
            for (Index i : t.indexes()) {
                if (i.keys().stream().anyMatch(k -> mentions(k, collation))) {
                    users.add("index " + i.name());
                }
            }
        }
        for (Domain d : schema.domains()) {
            if (names(d.collation(), collation)) {
                users.add("domain " + d.name());
            }
        }
        return users;
    }

    /** Whether a column's or domain's collation (SQL, quoted as needed) is this collation. */
    static boolean names(String sql, QualifiedName collation) {
        if (sql == null) {
            return false;
        }
        List<String> parts = Identifiers.split(sql);
        String schema = parts.size() > 1 ? parts.get(parts.size() - 2) : null;
        return parts.get(parts.size() - 1).equals(collation.name())
                && (schema == null ? collation.schema() == null : schema.equals(collation.schema()));
    }

    private static boolean mentions(String key, QualifiedName collation) {
        return key.contains("COLLATE " + Identifiers.quote(collation))
                || key.contains("COLLATE \"" + collation.name().replace("\"", "\"\"") + "\"");
    }
}
