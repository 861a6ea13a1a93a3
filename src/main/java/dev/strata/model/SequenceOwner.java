package dev.strata.model;

import dev.strata.sql.Identifiers;
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
        List<String> parts = Identifiers.split(ownedBy);
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
