package dev.strata.diff;

import dev.strata.model.Extension;
import dev.strata.model.Namespace;
import dev.strata.model.Schema;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * NamespaceDiffer compares the schemas a model manages besides the target one (created, dropped,
 * their comments) and the schema and version of extensions present on both sides.
 */
final class NamespaceDiffer {
    private NamespaceDiffer() {
    }

    static void diff(Schema current, Schema desired, List<Change> out) {
        Map<String, Namespace> have = current.namespaces().stream()
                .collect(Collectors.toMap(Namespace::name, Function.identity()));
        Map<String, Namespace> want = desired.namespaces().stream()
                .collect(Collectors.toMap(Namespace::name, Function.identity()));
        for (Namespace d : desired.namespaces()) {
            Namespace c = have.get(d.name());
            if (c == null) {
                out.add(new Change.CreateSchema(d));
            } else if (!Objects.equals(c.comment(), d.comment())) {
                out.add(new Change.CommentOnSchema(d.name(), c.comment(), d.comment()));
            }
        }
        for (Namespace c : current.namespaces()) {
            if (!want.containsKey(c.name())) {
                out.add(new Change.DropSchema(c));
            }
        }
        if (!Objects.equals(current.targetComment(), desired.targetComment())) {
            out.add(new Change.CommentOnTargetSchema(current.targetComment(), desired.targetComment()));
        }
    }

    /**
     * Removes the column type changes that only follow an extension to its new schema: {@code
     * ALTER EXTENSION ... SET SCHEMA} moves the extension's types with it, so a column of type
     * {@code extensions.citext} is of type {@code ext2.citext} afterwards without a statement of its own.
     */
    static void dropTypeChangesOfMovedExtensions(List<Change> out) {
        List<Change.AlterExtension> moves = out.stream().filter(c -> c instanceof Change.AlterExtension a
                && a.schemaChanges() && a.from().schema() != null && a.to().schema() != null)
                .map(c -> (Change.AlterExtension) c).toList();
        if (moves.isEmpty()) {
            return;
        }
        out.removeIf(c -> c instanceof Change.AlterColumn a && a.changes().equals(java.util.EnumSet.of(ColumnChange.TYPE))
                && moves.stream().anyMatch(m -> followsMove(a, m)));
    }

    private static boolean followsMove(Change.AlterColumn a, Change.AlterExtension move) {
        dev.strata.model.QualifiedName from = a.from().type().userType();
        dev.strata.model.QualifiedName to = a.to().type().userType();
        if (from == null || to == null || !move.from().schema().equals(from.schema())
                || !move.to().schema().equals(to.schema()) || !from.name().equals(to.name())) {
            return false;
        }
        String prefix = dev.strata.sql.Identifiers.quote(from.schema()) + ".";
        return a.from().type().sql().startsWith(prefix) && a.to().type().sql().equals(
                dev.strata.sql.Identifiers.quote(to.schema()) + "." + a.from().type().sql().substring(prefix.length()));
    }

    /**
     * An extension on both sides whose version or schema differs. A desired version of
     * {@code null} (not pinned by the model) leaves the version alone; so does a desired schema of
     * {@code null} when the current one is another schema, because an extension the model does
     * not place stays where it is (it may serve several target schemas).
     */
    static void alterExtensions(Schema current, Schema desired, List<Change> out) {
        Map<String, Extension> have = current.extensions().stream()
                .collect(Collectors.toMap(Extension::name, Function.identity(), (a, b) -> a));
        for (Extension d : desired.extensions()) {
            Extension c = have.get(d.name());
            if (c == null) {
                continue;
            }
            String schema = d.schema() == null ? c.schema() : d.schema();
            String version = d.version() == null ? c.version() : d.version();
            Extension to = new Extension(d.name(), schema, version);
            if (!Objects.equals(c.schema(), schema) || !Objects.equals(c.version(), version)) {
                out.add(new Change.AlterExtension(c, to));
            }
        }
    }
}
