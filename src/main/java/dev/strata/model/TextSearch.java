package dev.strata.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * TextSearch represents one full-text search object: a parser, a template, a dictionary or a
 * configuration ({@code CREATE TEXT SEARCH ...}). Function, template, parser and dictionary names
 * are SQL as the catalog reader prints them (unqualified in the object's schema and in pg_catalog).
 *
 * @param kind     which of the four
 * @param name     the object's name
 * @param options  the options of its CREATE in a fixed order: {@code START}, {@code GETTOKEN},
 *                 {@code END}, {@code HEADLINE}, {@code LEXTYPES} of a parser; {@code INIT},
 *                 {@code LEXIZE} of a template; {@code TEMPLATE} of a dictionary, then its own
 *                 options as given ({@code language} = {@code 'english'}, values as SQL);
 *                 {@code PARSER} of a configuration ({@code COPY} in a model: the configuration
 *                 to copy, whose mappings {@code mappings} then override)
 * @param mappings a configuration's dictionaries by token type, each list in the order tried; an
 *                 empty list (model only) removes the token type's mapping after a COPY
 * @param comment  the comment, or {@code null}
 */
public record TextSearch(Kind kind, QualifiedName name, Map<String, String> options,
                         SortedMap<String, List<String>> mappings, String comment) implements Comparable<TextSearch> {
    public TextSearch {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        options = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options));
        SortedMap<String, List<String>> copy = new TreeMap<>();
        (mappings == null ? Map.<String, List<String>>of() : mappings).forEach((k, v) -> copy.put(k, List.copyOf(v)));
        mappings = java.util.Collections.unmodifiableSortedMap(copy);
    }

    /** The four kinds, in the order one may need the other. */
    public enum Kind {
        PARSER("PARSER"), TEMPLATE("TEMPLATE"), DICTIONARY("DICTIONARY"), CONFIGURATION("CONFIGURATION");

        private final String sql;

        Kind(String sql) {
            this.sql = sql;
        }

        /** {@code TEXT SEARCH <sql>}. */
        public String sql() {
            return sql;
        }
    }

    /** The same object without its mappings and comment: what a configuration's mappings are changed around. */
    public TextSearch definitionOnly() {
        return new TextSearch(kind, name, options, null, null);
    }

    /** Kind and name, unique among text search objects. */
    public QualifiedName identity() {
        return new QualifiedName(name.schema(), kind.name().toLowerCase(java.util.Locale.ROOT) + " " + name.name());
    }

    @Override
    public int compareTo(TextSearch o) {
        int byKind = kind.compareTo(o.kind);
        return byKind != 0 ? byKind : name.compareTo(o.name);
    }
}
