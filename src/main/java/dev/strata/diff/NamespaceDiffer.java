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
