package dev.strata.diff;

import dev.strata.model.QualifiedName;
import dev.strata.model.Sequence;
import dev.strata.sql.Identifiers;
import java.util.ArrayList;
import java.util.List;

/**
 * SequenceOwner represents the column a sequence is owned by, read from {@link Sequence#ownedBy()}
 * ({@code table.column} or {@code schema.table.column}, each part quoted as PostgreSQL needs it,
 * {@code "user".id}).
 */
public record SequenceOwner(QualifiedName table, String column) {

    /** The owner of a sequence, or {@code null} when it has none. */
    public static SequenceOwner of(Sequence sequence) {
        return parse(sequence.ownedBy());
    }

    /** The owner named by {@code ownedBy}, or {@code null} for {@code null}. */
    public static SequenceOwner parse(String ownedBy) {
        if (ownedBy == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < ownedBy.length(); i++) {
            char ch = ownedBy.charAt(i);
            if (ch == '"') {
                if (quoted && i + 1 < ownedBy.length() && ownedBy.charAt(i + 1) == '"') {
                    part.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (ch == '.' && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(ch);
            }
        }
        parts.add(part.toString());
        if (parts.size() < 2 || parts.size() > 3) {
            throw new IllegalArgumentException("sequence owner '" + ownedBy + "' is not table.column");
        }
        QualifiedName table = parts.size() == 2 ? QualifiedName.of(parts.get(0))
                : new QualifiedName(parts.get(0), parts.get(1));
        return new SequenceOwner(table, parts.get(parts.size() - 1));
    }

    /** The owner written back in the catalog's form. */
    public String ownedBy() {
        return Identifiers.quote(table) + "." + Identifiers.quote(column);
    }
}
