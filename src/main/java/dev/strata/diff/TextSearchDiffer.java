package dev.strata.diff;

import dev.strata.model.QualifiedName;
import dev.strata.model.Schema;
import dev.strata.model.TextSearch;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * TextSearchDiffer compares text search parsers, templates, dictionaries and configurations. A
 * configuration whose parser is the same has its mappings changed in place (what indexes and
 * generated columns built on it use keeps existing); any other change drops and creates the object.
 */
final class TextSearchDiffer {
    private TextSearchDiffer() {
    }

    static void diff(Schema current, Schema desired, List<Change> out) {
        Map<QualifiedName, TextSearch> have = current.textSearch().stream()
                .collect(Collectors.toMap(TextSearch::identity, Function.identity()));
        Map<QualifiedName, TextSearch> want = desired.textSearch().stream()
                .collect(Collectors.toMap(TextSearch::identity, Function.identity()));
        for (TextSearch d : desired.textSearch()) {
            TextSearch c = have.get(d.identity());
            if (c == null) {
                out.add(new Change.CreateTextSearch(d));
                continue;
            }
            if (!c.definitionOnly().equals(d.definitionOnly())) {
                out.add(new Change.DropTextSearch(c));
                out.add(new Change.CreateTextSearch(d));
                continue;
            }
            if (!c.mappings().equals(d.mappings())) {
                out.add(new Change.AlterTextSearchMappings(c, d));
            }
            if (!Objects.equals(c.comment(), d.comment())) {
                out.add(new Change.CommentOn(CommentTarget.of(d), c.comment(), d.comment()));
            }
        }
        for (TextSearch c : current.textSearch()) {
            if (!want.containsKey(c.identity())) {
                out.add(new Change.DropTextSearch(c));
            }
        }
    }
}
