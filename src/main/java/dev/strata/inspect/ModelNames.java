package dev.strata.inspect;

import java.util.regex.Pattern;
import us.bpsm.edn.Keyword;

/**
 * ModelNames chooses how an identifier appears in the model. The loader turns a keyword into an
 * identifier by replacing {@code -} with {@code _} and takes a string as written, so:
 * {@code created_at} becomes {@code :created-at} (lower case, the round trip is exact),
 * {@code AlbumId} stays {@code :AlbumId} (no {@code -}, so the keyword is the name itself), and
 * anything else ({@code "first-name"}, {@code "two words"}) is a string.
 */
final class ModelNames {
    private static final Pattern KEBAB = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern VERBATIM = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private ModelNames() {
    }

    /** The keyword or string that names {@code identifier} in the model. */
    static Object key(String identifier) {
        Keyword k = keyword(identifier);
        return k != null ? k : identifier;
    }

    /**
     * The model key of a possibly qualified name: as {@link #key(String)} for the target schema,
     * {@code :schema/name} for another one, or {@code null} when the schema or the name cannot
     * be a keyword part.
     */
    static Object key(dev.strata.model.QualifiedName name) {
        if (name.schema() == null) {
            return key(name.name());
        }
        Keyword schema = keyword(name.schema());
        Keyword local = keyword(name.name());
        return schema == null || local == null ? null : Keyword.newKeyword(schema.getName(), local.getName());
    }

    /** The keyword for {@code identifier}, or {@code null} when only a string can name it. */
    static Keyword keyword(String identifier) {
        if (KEBAB.matcher(identifier).matches()) {
            return Keyword.newKeyword(identifier.replace('_', '-'));
        }
        if (VERBATIM.matcher(identifier).matches()) {
            return Keyword.newKeyword(identifier);
        }
        return null;
    }

    static Keyword kw(String name) {
        return Keyword.newKeyword(name);
    }
}
