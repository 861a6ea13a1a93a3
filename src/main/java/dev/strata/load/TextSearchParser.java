package dev.strata.load;

import dev.strata.edn.EdnPrinter;
import dev.strata.model.QualifiedName;
import dev.strata.model.TextSearch;
import dev.strata.sql.Identifiers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import us.bpsm.edn.Keyword;

/**
 * TextSearchParser reads the four {@code :type :text-search-...} entries of models.edn:
 * <ul>
 *   <li>{@code :text-search-parser}: {@code :start}, {@code :gettoken}, {@code :end},
 *       {@code :lextypes} (functions) and an optional {@code :headline};</li>
 *   <li>{@code :text-search-template}: {@code :lexize} and an optional {@code :init};</li>
 *   <li>{@code :text-search-dictionary}: {@code :template} and {@code :options} (a map);</li>
 *   <li>{@code :text-search-configuration}: {@code :parser} or {@code :copy}, and
 *       {@code :mappings} from token type to the dictionaries tried in order.</li>
 * </ul>
 * Each may carry {@code :comment}; a key {@code :schema/name} puts it in another schema.
 */
final class TextSearchParser {
    private static final Map<String, TextSearch.Kind> KINDS = Map.of("text-search-parser", TextSearch.Kind.PARSER,
            "text-search-template", TextSearch.Kind.TEMPLATE, "text-search-dictionary", TextSearch.Kind.DICTIONARY,
            "text-search-configuration", TextSearch.Kind.CONFIGURATION);
    private static final Map<TextSearch.Kind, List<String>> OPTIONS = Map.of(
            TextSearch.Kind.PARSER, List.of("start", "gettoken", "end", "headline", "lextypes"),
            TextSearch.Kind.TEMPLATE, List.of("init", "lexize"),
            TextSearch.Kind.DICTIONARY, List.of("template", "options"),
            TextSearch.Kind.CONFIGURATION, List.of("parser", "copy", "mappings"));
    private static final Set<String> OPTIONAL = Set.of("headline", "init", "options", "mappings");

    private TextSearchParser() {
    }

    /** The kind a {@code :type} names, or {@code null} when it is not a text search type. */
    static TextSearch.Kind kind(Object type) {
        return type instanceof Keyword k && k.getPrefix().isEmpty() ? KINDS.get(k.getName()) : null;
    }

    /** The object, or {@code null} after a problem (reported). */
    static TextSearch parse(TextSearch.Kind kind, Object key, Map<?, ?> m, Location where, String subject,
                            Problems problems) {
        int before = problems.size();
        List<String> allowed = new ArrayList<>(OPTIONS.get(kind));
        allowed.add("type");
        allowed.add("comment");
        for (Object k : m.keySet()) {
            if (!(k instanceof Keyword kw) || !allowed.contains(kw.getName())) {
                problems.add(where, subject, "unknown text search " + kind.sql().toLowerCase(java.util.Locale.ROOT)
                        + " option " + EdnPrinter.flat(k), "use " + String.join(", ",
                        allowed.stream().filter(o -> !o.equals("type")).map(o -> ":" + o).toList()));
            }
        }
        String name = Names.identifier(key);
        if (Names.bytes(name) > Names.MAX_BYTES) {
            problems.add(where, subject, FieldParser.tooLong(name), "use a shorter name");
        }
        AggregateParser parts = AggregateParser.forEntry("text search " + kind.sql().toLowerCase(java.util.Locale.ROOT),
                problems, where, subject);
        Map<String, String> options = new LinkedHashMap<>();
        TreeMap<String, List<String>> mappings = new TreeMap<>();
        switch (kind) {
            case PARSER, TEMPLATE -> {
                for (String option : OPTIONS.get(kind)) {
                    String f = parts.function(m, option, !OPTIONAL.contains(option));
                    if (f != null) {
                        options.put(option.toUpperCase(java.util.Locale.ROOT), f);
                    }
                }
            }
            case DICTIONARY -> {
                options.put("TEMPLATE", reference(m.get(FieldParser.kw("template")), ":template", true, where, subject,
                        problems));
                Object given = m.get(FieldParser.kw("options"));
                if (given instanceof Map<?, ?> om && !om.isEmpty()) {
                    List<String> parsed = new ArrayList<>();
                    om.forEach((k, v) -> {
                        if (!(k instanceof Keyword || k instanceof String)
                                || !(v instanceof String || v instanceof Long || v instanceof Boolean)) {
                            problems.add(where, subject, "bad dictionary option " + EdnPrinter.flat(k) + " "
                                    + EdnPrinter.flat(v), "write :options {:language \"english\" :stopwords \"english\"}");
                        } else {
                            parsed.add(Names.identifier(k) + " = " + Identifiers.literal(String.valueOf(v)));
                        }
                    });
                    options.put("OPTIONS", String.join(", ", parsed));
                } else if (given != null) {
                    problems.add(where, subject, "bad :options " + EdnPrinter.flat(given),
                            "write :options {:language \"english\"}");
                }
            }
            case CONFIGURATION -> {
                Object parser = m.get(FieldParser.kw("parser"));
                Object copy = m.get(FieldParser.kw("copy"));
                if ((parser == null) == (copy == null)) {
                    problems.add(where, subject, "a text search configuration has :parser or :copy (one of them)",
                            "write :parser :default, or :copy :english to start from another configuration");
                } else if (parser != null) {
                    options.put("PARSER", reference(parser, ":parser", true, where, subject, problems));
                } else {
                    options.put("COPY", reference(copy, ":copy", true, where, subject, problems));
                }
                Object given = m.get(FieldParser.kw("mappings"));
                if (given instanceof Map<?, ?> mm) {
                    mm.forEach((token, dicts) -> {
                        if (!(token instanceof Keyword || token instanceof String) || !(dicts instanceof List<?> list)
                                || list.isEmpty() && copy == null) {
                            problems.add(where, subject, "bad mapping " + EdnPrinter.flat(token) + " "
                                    + EdnPrinter.flat(dicts), "map a token type to the dictionaries tried in order,"
                                    + " such as :mappings {:asciiword [:english-stem]} ([] removes a copied mapping)");
                            return;
                        }
                        List<String> refs = new ArrayList<>();
                        for (Object d : list) {
                            refs.add(reference(d, "dictionary", true, where, subject, problems));
                        }
                        mappings.put(Names.identifier(token), refs);
                    });
                } else if (given != null) {
                    problems.add(where, subject, "bad :mappings " + EdnPrinter.flat(given),
                            "write :mappings {:asciiword [:english-stem]}");
                }
            }
        }
        Object comment = m.get(FieldParser.kw("comment"));
        if (comment != null && !(comment instanceof String)) {
            problems.add(where, subject, ":comment must be a string, not " + EdnPrinter.flat(comment), "write :comment \"...\"");
        }
        if (problems.size() > before) {
            return null;
        }
        return new TextSearch(kind, new QualifiedName(Names.schemaOf(key), name), options, mappings, (String) comment);
    }

    /** A template, parser, configuration or dictionary: a keyword (snake_case name) or a string taken as SQL. */
    private static String reference(Object v, String option, boolean required, Location where, String subject,
                                    Problems problems) {
        if (v instanceof Keyword k) {
            return Identifiers.quote(Names.identifier(k));
        }
        if (v instanceof String s && !s.isBlank()) {
            return s.strip();
        }
        if (v != null || required) {
            problems.add(where, subject, (v == null ? "no " : "bad ") + option + (v == null ? "" : " " + EdnPrinter.flat(v)),
                    "name it with a keyword, such as " + option + " :simple, or a string of SQL");
        }
        return "?";
    }
}
