package dev.strata.load;

import dev.strata.edn.EdnMap;
import dev.strata.edn.EdnPrinter;
import dev.strata.edn.EdnVector;
import dev.strata.model.Constraint;
import dev.strata.model.Extension;
import dev.strata.model.QualifiedName;
import dev.strata.model.Sequence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import us.bpsm.edn.Keyword;

/**
 * ModelParser reads the entries of the merged models map: tables in the three syntaxes, enums
 * ({@code {:type :enum :choices [...]}}) and extensions ({@code {:type :extension}}).
 */
final class ModelParser {
    static final Set<String> TABLE_OPTIONS = union(Set.of("fields", "table-name", "indexes", "constraints",
            "primary-key", "unique", "foreign-keys", "comment", "types", "renamed-from", "triggers", "unlogged", "with",
            "accept-data-loss", "replica-identity", "cluster-on", "access-method", "foreign",
            "force-row-level-security"), LineageParser.OPTIONS);

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
    static final Set<String> SEQUENCE_OPTIONS = Set.of("type", "as", "start", "increment", "min-value",
            "max-value", "cache", "cycle", "owned-by", "comment", "unlogged");
    static final Set<String> ENUM_OPTIONS = Set.of("type", "choices", "comment", "renamed-from", "model-name");
    static final Set<String> DOMAIN_OPTIONS = Set.of("type", "base", "null", "default", "collate", "checks",
            "comment");
    static final Set<String> DOMAIN_CHECK_OPTIONS = Set.of("name", "check", "not-valid", "comment");
    static final Set<String> COMPOSITE_OPTIONS = Set.of("type", "fields", "comment");
    static final Set<String> ATTRIBUTE_OPTIONS = Set.of("type", "collate", "array", "length", "precision", "scale");
    static final Set<String> FOREIGN_KEY_OPTIONS = Set.of("fields", "references", "ref-fields", "on-delete",
            "on-update", "name", "deferrable", "initially-deferred", "match", "not-valid", "comment", "on-delete-columns");
    private static final Pattern IDENTIFIER = Pattern.compile("'(?:[^']|'')*'|\"((?:[^\"]|\"\")+)\"|([A-Za-z_][A-Za-z0-9_$]*)");

    final List<TableDraft> tables = new ArrayList<>();
    final List<EnumDraft> enums = new ArrayList<>();
    final List<Extension> extensions = new ArrayList<>();
    final List<SequenceDraft> sequences = new ArrayList<>();
    final List<DomainDraft> domains = new ArrayList<>();
    final List<CompositeDraft> composites = new ArrayList<>();
    /**
     * What the model accepts losing ({@code table t} for a {@code {:drop true}} entry, {@code column t.c}
     * and {@code type t.c} for each column of a table's {@code :accept-data-loss}); see docs/safety.md.
     */
    final java.util.Set<String> acceptedLosses = new java.util.TreeSet<>();
    /** Tables the model says to drop ({@code {:drop true}}), to check they are not also defined. */
    final Map<String, Location> droppedTables = new LinkedHashMap<>();
    /** Schemas declared with {@code {:type :schema}}, with where. */
    final List<NamespaceDraft> namespaces = new ArrayList<>();
    final List<dev.strata.model.Collation> collations = new ArrayList<>();
    /** Range types ({@code {:type :range}}), with where; their subtype is resolved by the assembler. */
    final List<RangeDraft> ranges = new ArrayList<>();
    /** Extended statistics ({@code {:type :statistics}}), with where; their table is checked by the assembler. */
    final List<StatisticsParser.Draft> statistics = new ArrayList<>();
    final List<dev.strata.model.Operator> operators = new ArrayList<>();
    final List<dev.strata.model.AccessMethod> accessMethods = new ArrayList<>();
    final List<dev.strata.model.ForeignData.Wrapper> wrappers = new ArrayList<>();
    final List<dev.strata.model.ForeignData.Server> servers = new ArrayList<>();
    final List<dev.strata.model.TextSearch> textSearch = new ArrayList<>();
    /** The comment on the target schema, or {@code null}. */
    String targetComment;
    private Location targetSchemaAt;

    /** A range type as parsed: the subtype as written, the rest as SQL. */
    record RangeDraft(Object key, dev.strata.model.RangeType range, Types.ParsedType subtype, Location where, String subject) {
    }

    /** A schema the model declares. */
    record NamespaceDraft(dev.strata.model.Namespace namespace, Location where, String subject) {
    }
    /** Processed form of every entry, by key, in merge order. */
    final Map<Object, Object> processed = new LinkedHashMap<>();
    private final Problems problems;

    ModelParser(Problems problems) {
        this.problems = problems;
    }

    void parse(Object key, Object value, Location where) {
        String subject = "model " + EdnPrinter.flat(key);
        if (!(key instanceof Keyword || key instanceof String)) {
            problems.add(where, subject, "model keys must be keywords", "write :model-name");
            return;
        }
        if (Names.schemaOf(key) != null && Names.RESERVED_SCHEMAS.contains(Names.schemaOf(key))) {
            problems.add(where, subject, "schema " + Names.schemaOf(key) + " cannot hold model objects by name"
                    + " (public is where the scratch databases put the target schema; pg_* and information_schema"
                    + " belong to PostgreSQL)", "write the key without a schema, as an object of the target schema");
            return;
        }
        if (value instanceof List<?> fields) {
            table(key, Map.of(), fields, where, subject);
        } else if (value instanceof Map<?, ?> m && m.containsKey(FieldParser.TYPE)) {
            Object type = m.get(FieldParser.TYPE);
            if (FieldParser.kw("enum").equals(type)) {
                enumType(key, m, where, "enum " + EdnPrinter.flat(key));
                processed.put(key, value);
            } else if (FieldParser.kw("domain").equals(type)) {
                domain(key, m, where, "domain " + EdnPrinter.flat(key));
                processed.put(key, value);
            } else if (FieldParser.kw("composite").equals(type)) {
                composite(key, m, where, "composite type " + EdnPrinter.flat(key));
                processed.put(key, value);
            } else if (FieldParser.kw("extension").equals(type)) {
                extension(key, m, where, "extension " + EdnPrinter.flat(key));
                processed.put(key, value);
            } else if (FieldParser.kw("sequence").equals(type)) {
                sequence(key, m, where, "sequence " + EdnPrinter.flat(key));
                processed.put(key, value);
            } else if (FieldParser.kw("schema").equals(type)) {
                namespace(key, m, where, "schema " + EdnPrinter.flat(key));
                processed.put(key, value);
            } else if (TextSearchParser.kind(type) != null) {
                dev.strata.model.TextSearch object = TextSearchParser.parse(TextSearchParser.kind(type), key, m, where,
                        EdnPrinter.flat(type).substring(1).replace('-', ' ') + " " + EdnPrinter.flat(key), problems);
                if (object != null) {
                    textSearch.add(object);
                }
                processed.put(key, value);
            } else if (FieldParser.kw("foreign-data-wrapper").equals(type)) {
                dev.strata.model.ForeignData.Wrapper w = SqlMedParser.wrapper(key, m, where,
                        "foreign-data wrapper " + EdnPrinter.flat(key), problems);
                if (w != null) {
                    wrappers.add(w);
                }
                processed.put(key, value);
            } else if (FieldParser.kw("server").equals(type)) {
                dev.strata.model.ForeignData.Server s = SqlMedParser.server(key, m, where,
                        "server " + EdnPrinter.flat(key), problems);
                if (s != null) {
                    servers.add(s);
                }
                processed.put(key, value);
            } else if (FieldParser.kw("access-method").equals(type)) {
                accessMethod(key, m, where, "access method " + EdnPrinter.flat(key));
                processed.put(key, value);
            } else if (FieldParser.kw("operator").equals(type)) {
                dev.strata.model.Operator operator = OperatorParser.parse(key, m, where,
                        "operator " + EdnPrinter.flat(key), problems);
                if (operator != null) {
                    operators.add(operator);
                }
                processed.put(key, value);
            } else if (FieldParser.kw("collation").equals(type)) {
                collation(key, m, where, "collation " + EdnPrinter.flat(key));
                processed.put(key, value);
            } else if (FieldParser.kw("range").equals(type)) {
                range(key, m, where, "range type " + EdnPrinter.flat(key));
                processed.put(key, value);
            } else if (FieldParser.kw("statistics").equals(type)) {
                StatisticsParser.Draft draft = StatisticsParser.parse(key, m, where, "statistics " + EdnPrinter.flat(key), problems);
                if (draft != null) {
                    statistics.add(draft);
                }
                processed.put(key, value);
            } else if (FieldParser.kw("target-schema").equals(type)) {
                targetSchema(m, where, "target schema " + EdnPrinter.flat(key));
                processed.put(key, value);
            } else {
                problems.add(where, subject, "unknown model kind :type " + EdnPrinter.flat(type),
                        "a top-level :type is :enum, :domain, :composite, :range, :extension, :sequence, :statistics, :collation, :operator, :access-method,"
                                + " :foreign-data-wrapper, :server,"
                                + " :text-search-parser, -template, -dictionary or -configuration, :schema or"
                                + " :target-schema;"
                                + " tables have :fields");
            }
        } else if (value instanceof Map<?, ?> m && m.containsKey(FieldParser.kw("drop"))) {
            if (m.size() != 1 || !Boolean.TRUE.equals(m.get(FieldParser.kw("drop")))) {
                problems.add(where, subject, "a {:drop true} entry holds nothing else",
                        "write {:drop true} alone to accept dropping the table and its rows, or remove :drop");
            } else {
                String name = Names.identifier(key);
                acceptedLosses.add("table " + name);
                droppedTables.put(name, where);
                processed.put(key, value);
            }
        } else if (value instanceof Map<?, ?> m
                && (m.containsKey(FieldParser.kw("fields")) || LineageParser.derivedForm(m))) {
            Object accept = m.get(FieldParser.kw("accept-data-loss"));
            if (accept != null) {
                String table = Names.identifier(key);
                if (!(accept instanceof List<?> cols) || cols.isEmpty()
                        || !cols.stream().allMatch(x -> x instanceof Keyword || x instanceof String)) {
                    problems.add(where, subject, ":accept-data-loss must be a vector of column names, not "
                            + EdnPrinter.flat(accept), "write :accept-data-loss [:notes :price]");
                } else {
                    for (Object col : cols) {
                        String c = Names.identifier(col);
                        acceptedLosses.add("column " + table + "." + c);
                        acceptedLosses.add("type " + table + "." + c);
                    }
                }
            }
            table(key, m, m.get(FieldParser.kw("fields")), where, subject);
        } else {
            problems.add(where, subject, "cannot tell what this model is",
                    "write a table as [[:field type {options}] ...] or {:fields ...}, an enum as "
                            + "{:type :enum :choices [...]}, an extension as {:type :extension}");
        }
    }

    private void extension(Object key, Map<?, ?> m, Location where, String subject) {
        Object name = m.get(FieldParser.kw("name"));
        for (Object k : m.keySet()) {
            if (!Set.of(FieldParser.TYPE, FieldParser.kw("name"), FieldParser.kw("schema"), FieldParser.kw("version"))
                    .contains(k)) {
                problems.add(where, subject, "unknown extension option " + EdnPrinter.flat(k),
                        "use :type, :name, :schema and :version");
            }
        }
        if (name != null && !(name instanceof String)) {
            problems.add(where, subject, ":name must be a string", "write :name \"uuid-ossp\"");
            return;
        }
        if (Names.schemaOf(key) != null) {
            problems.add(where, subject, "an extension key takes no schema; the extension's objects go in its :schema",
                    "write " + EdnPrinter.flat(FieldParser.kw(((Keyword) key).getName())) + " {:type :extension :schema :"
                            + ((Keyword) key).getPrefix() + "}");
            return;
        }
        Object schema = m.get(FieldParser.kw("schema"));
        String schemaName = null;
        if (schema instanceof Keyword k && (k.getPrefix() == null || k.getPrefix().isEmpty()) || schema instanceof String) {
            schemaName = Names.identifier(schema);
        } else if (schema != null) {
            problems.add(where, subject, "bad :schema " + EdnPrinter.flat(schema), "write :schema :extensions");
            return;
        }
        Object version = m.get(FieldParser.kw("version"));
        if (version != null && !(version instanceof String)) {
            problems.add(where, subject, "bad :version " + EdnPrinter.flat(version) + " (a version is a string)",
                    "write :version \"1.3\"");
            return;
        }
        extensions.add(new Extension(name != null ? (String) name
                : key instanceof Keyword k ? k.getName() : (String) key, schemaName, (String) version));
    }

    private static final Set<String> COLLATION_OPTIONS = Set.of("type", "provider", "locale", "lc-collate", "lc-ctype",
            "deterministic", "rules", "comment");

    /**
     * {@code {:type :collation :provider :icu :locale "und-u-ks-level2" :deterministic false}}: a
     * {@code CREATE COLLATION}. The provider is libc unless given, as in PostgreSQL.
     */
    private void collation(Object key, Map<?, ?> m, Location where, String subject) {
        int before = problems.size();
        for (Object k : m.keySet()) {
            if (!(k instanceof Keyword kw) || !COLLATION_OPTIONS.contains(kw.getName())) {
                problems.add(where, subject, "unknown collation option " + EdnPrinter.flat(k),
                        "use :provider, :locale (or :lc-collate and :lc-ctype), :deterministic, :rules and :comment");
            }
        }
        String name = Names.identifier(key);
        if (Names.bytes(name) > Names.MAX_BYTES) {
            problems.add(where, subject, FieldParser.tooLong(name), "use a shorter collation name");
        }
        Object providerForm = m.get(FieldParser.kw("provider"));
        String provider = providerForm == null ? "libc"
                : providerForm instanceof Keyword k && Set.of("icu", "libc", "builtin").contains(k.getName()) ? k.getName()
                : null;
        if (provider == null) {
            problems.add(where, subject, "bad :provider " + EdnPrinter.flat(providerForm),
                    "write :provider :icu, :libc (the default) or :builtin (PostgreSQL 17+)");
            provider = "libc";
        }
        String locale = collationText(m, "locale", where, subject);
        String lcCollate = collationText(m, "lc-collate", where, subject);
        String lcCtype = collationText(m, "lc-ctype", where, subject);
        if (locale != null && (lcCollate != null || lcCtype != null)) {
            problems.add(where, subject, "a collation has :locale or :lc-collate and :lc-ctype, not both",
                    "keep :locale, or write both categories without it");
        } else if (locale == null && (lcCollate == null || lcCtype == null)) {
            problems.add(where, subject, "a collation needs :locale (or both :lc-collate and :lc-ctype)",
                    "add :locale, such as :locale \"und-u-ks-level2\" for ICU or :locale \"C\" for libc");
        } else if (lcCollate != null && !provider.equals("libc")) {
            problems.add(where, subject, ":lc-collate and :lc-ctype are for the libc provider",
                    "write :locale for an " + provider + " collation");
        }
        Object det = m.get(FieldParser.kw("deterministic"));
        if (det != null && !(det instanceof Boolean)) {
            problems.add(where, subject, ":deterministic must be true or false, not " + EdnPrinter.flat(det),
                    "write :deterministic false for a case- or accent-insensitive ICU collation");
        }
        boolean deterministic = !Boolean.FALSE.equals(det);
        if (!deterministic && !provider.equals("icu")) {
            problems.add(where, subject, "only an ICU collation can be nondeterministic",
                    "add :provider :icu, or remove :deterministic false");
        }
        String rules = collationText(m, "rules", where, subject);
        if (rules != null && !provider.equals("icu")) {
            problems.add(where, subject, ":rules are ICU tailoring rules", "add :provider :icu, or remove :rules");
        }
        String comment = comment(m, where, subject);
        if (problems.size() > before) {
            return;
        }
        collations.add(new dev.strata.model.Collation(new dev.strata.model.QualifiedName(Names.schemaOf(key), name),
                provider, locale, lcCollate, lcCtype, deterministic, rules, comment));
    }

    private static final Set<String> RANGE_OPTIONS = Set.of("type", "subtype", "subtype-opclass", "collation", "canonical",
            "subtype-diff", "multirange-type-name", "comment");

    /**
     * {@code {:type :range :subtype :text :collation "C" :subtype-diff :float8mi :multirange-type-name :x}}:
     * a CREATE TYPE ... AS RANGE. Names are keywords or strings; a keyword with a namespace names
     * another schema's object.
     */
    private void range(Object key, Map<?, ?> m, Location where, String subject) {
        int before = problems.size();
        for (Object k : m.keySet()) {
            if (!(k instanceof Keyword kw) || !RANGE_OPTIONS.contains(kw.getName())) {
                problems.add(where, subject, "unknown range type option " + EdnPrinter.flat(k),
                        "use " + String.join(" ", RANGE_OPTIONS.stream().filter(o -> !o.equals("type")).sorted()
                                .map(o -> ":" + o).toList()));
            }
        }
        String name = Names.identifier(key);
        if (Names.bytes(name) > Names.MAX_BYTES) {
            problems.add(where, subject, FieldParser.tooLong(name), "use a shorter type name");
        }
        Object subtypeForm = m.get(FieldParser.kw("subtype"));
        Types.ParsedType subtype = null;
        if (subtypeForm == null) {
            problems.add(where, subject, "a range type needs :subtype", "add e.g. :subtype :numeric or :subtype :timestamptz");
        } else {
            try {
                subtype = Types.parse(subtypeForm, null, null, null, null);
            } catch (InvalidSpec e) {
                problems.add(where, subject, "bad :subtype: " + e.what(), e.fix());
            }
        }
        String opclass = rangeName(m, "subtype-opclass", where, subject, false);
        String collation = rangeName(m, "collation", where, subject, true);
        String canonical = rangeName(m, "canonical", where, subject, false);
        String diff = rangeName(m, "subtype-diff", where, subject, false);
        String multirange = rangeName(m, "multirange-type-name", where, subject, false);
        String comment = comment(m, where, subject);
        if (problems.size() > before) {
            return;
        }
        ranges.add(new RangeDraft(key, new dev.strata.model.RangeType(
                new dev.strata.model.QualifiedName(Names.schemaOf(key), name), subtype.type().sql(), opclass, collation,
                canonical, diff, multirange, comment), subtype, where, subject));
    }

    /** A name option as SQL: quoted as needed ({@code collation}: always, as the catalog prints it), qualified by a namespace. */
    private String rangeName(Map<?, ?> m, String option, Location where, String subject, boolean alwaysQuoted) {
        Object v = m.get(FieldParser.kw(option));
        if (v == null) {
            return null;
        }
        if (!(v instanceof Keyword || v instanceof String s && !s.isBlank())) {
            problems.add(where, subject, "bad :" + option + " " + EdnPrinter.flat(v), "write :" + option + " :name or \"name\"");
            return null;
        }
        String schema = v instanceof Keyword k && k.getPrefix() != null && !k.getPrefix().isEmpty() ? k.getPrefix() : null;
        String local = v instanceof Keyword k ? (alwaysQuoted ? k.getName() : Names.identifier(Keyword.newKeyword(k.getName())))
                : (String) v;
        String quoted = alwaysQuoted ? "\"" + local.replace("\"", "\"\"") + "\"" : dev.strata.sql.Identifiers.quote(local);
        return schema == null ? quoted : dev.strata.sql.Identifiers.quote(schema) + "." + quoted;
    }

    /** {@code {:type :access-method :kind :table :handler :my-handler}}: a CREATE ACCESS METHOD. */
    private void accessMethod(Object key, Map<?, ?> m, Location where, String subject) {
        int before = problems.size();
        for (Object k : m.keySet()) {
            if (!(k instanceof Keyword kw) || !Set.of("type", "kind", "handler", "comment").contains(kw.getName())) {
                problems.add(where, subject, "unknown access method option " + EdnPrinter.flat(k),
                        "use :kind (:table or :index), :handler and :comment");
            }
        }
        if (Names.schemaOf(key) != null) {
            problems.add(where, subject, "an access method belongs to the database, not to a schema",
                    "write its key without a schema");
        }
        Object kind = m.get(FieldParser.kw("kind"));
        String type = FieldParser.kw("table").equals(kind) ? "TABLE" : FieldParser.kw("index").equals(kind) ? "INDEX" : null;
        if (type == null) {
            problems.add(where, subject, kind == null ? "access method has no :kind" : "bad :kind " + EdnPrinter.flat(kind),
                    "write :kind :table or :kind :index");
        }
        String handler = AggregateParser.forEntry("access method", problems, where, subject).function(m, "handler", true);
        String comment = comment(m, where, subject);
        if (problems.size() > before) {
            return;
        }
        accessMethods.add(new dev.strata.model.AccessMethod(Names.identifier(key), type, handler, comment));
    }

    private String collationText(Map<?, ?> m, String option, Location where, String subject) {
        Object v = m.get(FieldParser.kw(option));
        if (v == null) {
            return null;
        }
        if (v instanceof String s && !s.isBlank()) {
            return s;
        }
        problems.add(where, subject, "bad :" + option + " " + EdnPrinter.flat(v), "write :" + option + " as a string");
        return null;
    }

    /** The comment on the target schema: {@code {:type :target-schema :comment "..."}}, at most once. */
    private void targetSchema(Map<?, ?> m, Location where, String subject) {
        for (Object k : m.keySet()) {
            if (!Set.of(FieldParser.TYPE, FieldParser.kw("comment")).contains(k)) {
                problems.add(where, subject, "unknown target schema option " + EdnPrinter.flat(k),
                        "use :type :target-schema and :comment");
            }
        }
        if (targetSchemaAt != null) {
            problems.add(where, subject, "the target schema is described twice (first at " + targetSchemaAt + ")",
                    "keep one {:type :target-schema} entry");
            return;
        }
        targetSchemaAt = where;
        targetComment = comment(m, where, subject);
    }

    private void namespace(Object key, Map<?, ?> m, Location where, String subject) {
        for (Object k : m.keySet()) {
            if (!Set.of(FieldParser.TYPE, FieldParser.kw("comment")).contains(k)) {
                problems.add(where, subject, "unknown schema option " + EdnPrinter.flat(k), "use :type :schema and :comment");
            }
        }
        if (Names.schemaOf(key) != null) {
            problems.add(where, subject, "a schema's key is its name alone", "write :"
                    + ((Keyword) key).getPrefix() + " {:type :schema}");
            return;
        }
        String name = Names.identifier(key);
        if (Names.bytes(name) > Names.MAX_BYTES) {
            problems.add(where, subject, FieldParser.tooLong(name), "use a shorter schema name");
        }
        if (Names.RESERVED_SCHEMAS.contains(name) || name.startsWith("pg_")) {
            problems.add(where, subject, "schema " + name + " cannot be declared: it always exists",
                    "remove the entry; only schemas the model creates and drops are declared");
            return;
        }
        namespaces.add(new NamespaceDraft(new dev.strata.model.Namespace(name, comment(m, where, subject)), where, subject));
    }

    private void sequence(Object key, Map<?, ?> m, Location where, String subject) {
        for (Object k : m.keySet()) {
            if (!(k instanceof Keyword kw) || !SEQUENCE_OPTIONS.contains(kw.getName())) {
                problems.add(where, subject, "unknown sequence option " + EdnPrinter.flat(k),
                        "use :as, :start, :increment, :min-value, :max-value, :cache, :cycle, :owned-by, :comment and :unlogged");
            }
        }
        String name = Names.identifier(key);
        if (Names.bytes(name) > Names.MAX_BYTES) {
            problems.add(where, subject, FieldParser.tooLong(name), "use a shorter sequence name");
        }
        int before = problems.size();
        Object as = m.get(FieldParser.kw("as"));
        String dataType = "bigint";
        long typeMin = Long.MIN_VALUE;
        long typeMax = Long.MAX_VALUE;
        if (FieldParser.kw("smallint").equals(as)) {
            dataType = "smallint";
            typeMin = Short.MIN_VALUE;
            typeMax = Short.MAX_VALUE;
        } else if (FieldParser.kw("integer").equals(as)) {
            dataType = "integer";
            typeMin = Integer.MIN_VALUE;
            typeMax = Integer.MAX_VALUE;
        } else if (as != null && !FieldParser.kw("bigint").equals(as)) {
            problems.add(where, subject, "bad :as " + EdnPrinter.flat(as),
                    "write :as :smallint, :integer or :bigint (the default is :bigint)");
        }
        Long increment = sequenceNumber(m, "increment", where, subject);
        if (increment != null && increment == 0) {
            problems.add(where, subject, ":increment must not be 0", "write a positive or negative :increment");
            increment = null;
        }
        long inc = increment == null ? 1 : increment;
        Long min = sequenceNumber(m, "min-value", where, subject);
        Long max = sequenceNumber(m, "max-value", where, subject);
        Long start = sequenceNumber(m, "start", where, subject);
        Long cache = sequenceNumber(m, "cache", where, subject);
        long minValue = min != null ? min : inc > 0 ? 1 : typeMin;
        long maxValue = max != null ? max : inc > 0 ? typeMax : -1;
        long startValue = start != null ? start : inc > 0 ? minValue : maxValue;
        if (minValue < typeMin || maxValue > typeMax) {
            problems.add(where, subject, ":min-value " + minValue + " or :max-value " + maxValue
                    + " is out of range for " + dataType, "keep them within " + typeMin + " .. " + typeMax
                    + ", or choose a larger :as");
        } else if (minValue >= maxValue) {
            problems.add(where, subject, ":min-value " + minValue + " must be less than :max-value " + maxValue,
                    "raise :max-value or lower :min-value");
        } else if (startValue < minValue || startValue > maxValue) {
            problems.add(where, subject, ":start " + startValue + " is outside " + minValue + " .. " + maxValue,
                    "choose a :start between :min-value and :max-value");
        }
        if (cache != null && cache < 1) {
            problems.add(where, subject, ":cache must be at least 1", "write :cache 1 or more");
        }
        Object cycle = m.get(FieldParser.kw("cycle"));
        if (cycle != null && !(cycle instanceof Boolean)) {
            problems.add(where, subject, "bad :cycle " + EdnPrinter.flat(cycle), "write :cycle true or :cycle false");
        }
        Object ownedBy = m.get(FieldParser.kw("owned-by"));
        if (ownedBy instanceof List<?> v && v.size() == 2 && v.get(0) instanceof Keyword model
                && v.get(1) instanceof Keyword field && (field.getPrefix() == null || field.getPrefix().isEmpty())) {
            // [:auth/users :id]: a model whose key has a schema; its model key stands as the prefix.
            ownedBy = Keyword.newKeyword(Names.modelKey(model), field.getName());
        }
        boolean qualified = ownedBy instanceof Keyword k && k.getPrefix() != null && !k.getPrefix().isEmpty();
        if (ownedBy != null && !qualified) {
            problems.add(where, subject, "bad :owned-by " + EdnPrinter.flat(ownedBy),
                    "write :owned-by :model/field, naming the column that owns the sequence"
                            + " ([:schema/model :field] for a model in another schema)");
            ownedBy = null;
        }
        Object comment = m.get(FieldParser.kw("comment"));
        if (comment != null && !(comment instanceof String)) {
            problems.add(where, subject, ":comment must be a string", "write :comment \"...\"");
        }
        Object unlogged = m.get(FieldParser.kw("unlogged"));
        if (unlogged != null && !(unlogged instanceof Boolean)) {
            problems.add(where, subject, ":unlogged must be true or false, not " + EdnPrinter.flat(unlogged),
                    "write :unlogged true");
        }
        if (problems.size() > before) {
            return;
        }
        sequences.add(new SequenceDraft(new Sequence(new QualifiedName(Names.schemaOf(key), name), dataType, startValue, inc, minValue,
                maxValue, cache == null ? 1 : cache, Boolean.TRUE.equals(cycle), null, (String) comment,
                Boolean.TRUE.equals(unlogged)),
                (Keyword) ownedBy, where, subject));
    }

    private Long sequenceNumber(Map<?, ?> m, String option, Location where, String subject) {
        Object v = m.get(FieldParser.kw(option));
        if (v == null) {
            return null;
        }
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof Integer i) {
            return i.longValue();
        }
        if (v instanceof java.math.BigInteger b && b.bitLength() < 64) {
            return b.longValue();
        }
        problems.add(where, subject, ":" + option + " " + EdnPrinter.flat(v) + " is not a whole number",
                "write :" + option + " as an integer, such as :" + option + " 1");
        return null;
    }

    private void domain(Object key, Map<?, ?> m, Location where, String subject) {
        for (Object k : m.keySet()) {
            if (!(k instanceof Keyword kw) || !DOMAIN_OPTIONS.contains(kw.getName())) {
                problems.add(where, subject, "unknown domain option " + EdnPrinter.flat(k),
                        "use " + String.join(" ", DOMAIN_OPTIONS.stream().sorted().map(o -> ":" + o).toList()));
            }
        }
        String name = typeName(key, where, subject, "domain");
        Object baseForm = opt(m, "base");
        Types.ParsedType base = null;
        if (baseForm == null) {
            problems.add(where, subject, "domain has no :base type", "add :base, e.g. :base :integer");
        } else {
            try {
                base = Types.parse(baseForm, null, null, null, null);
            } catch (InvalidSpec e) {
                problems.add(where, subject, "bad :base: " + e.what(), e.fix());
            }
        }
        Object nullable = opt(m, "null");
        if (nullable != null && !(nullable instanceof Boolean)) {
            problems.add(where, subject, ":null must be true or false", "write :null false for NOT NULL");
        }
        String defaultExpr = null;
        try {
            defaultExpr = SqlExpressions.defaultExpr(opt(m, "default"));
        } catch (InvalidSpec e) {
            problems.add(where, subject, e.what(), e.fix());
        }
        Object collate = opt(m, "collate");
        String collation = null;
        if (collate instanceof String || collate instanceof Keyword) {
            collation = dev.strata.sql.Identifiers.quote(collate instanceof Keyword k ? k.getName() : (String) collate);
        } else if (collate != null) {
            problems.add(where, subject, "bad :collate " + EdnPrinter.flat(collate), "write :collate \"C\"");
        }
        List<DomainDraft.CheckDraft> checks = new ArrayList<>();
        Object checkForms = opt(m, "checks");
        if (checkForms instanceof List<?> cl) {
            for (Object c : cl) {
                DomainDraft.CheckDraft d = domainCheck(c, where, subject);
                if (d != null) {
                    checks.add(d);
                }
            }
        } else if (checkForms != null) {
            problems.add(where, subject, ":checks must be a vector of maps, not " + EdnPrinter.flat(checkForms),
                    "write :checks [{:name \"positive\" :check [:raw \"VALUE > 0\"]}]");
        }
        Set<String> checkNames = new LinkedHashSet<>();
        for (DomainDraft.CheckDraft c : checks) {
            if (c.name() != null && !checkNames.add(c.name())) {
                problems.add(where, subject, "check name " + c.name() + " is used twice", "give one check another :name");
            }
        }
        domains.add(new DomainDraft(name, base, collation, Boolean.FALSE.equals(nullable), defaultExpr, checks,
                comment(m, where, subject), where, subject, Names.schemaOf(key)));
    }

    private DomainDraft.CheckDraft domainCheck(Object form, Location where, String subject) {
        Location at = form instanceof EdnMap em && em.line() > 0 ? new Location(where.file(), em.line()) : where;
        if (!(form instanceof Map<?, ?> m) || !m.containsKey(FieldParser.kw("check"))) {
            problems.add(at, subject, "bad domain check " + EdnPrinter.flat(form),
                    "write {:name \"positive\" :check [:raw \"VALUE > 0\"]}");
            return null;
        }
        for (Object k : m.keySet()) {
            if (!(k instanceof Keyword kw) || !DOMAIN_CHECK_OPTIONS.contains(kw.getName())) {
                problems.add(at, subject, "unknown domain check option " + EdnPrinter.flat(k),
                        "use :name, :check, :not-valid and :comment");
            }
        }
        Object name = opt(m, "name");
        String checkName = null;
        if (name instanceof String || name instanceof Keyword) {
            checkName = Names.identifier(name);
            if (Names.bytes(checkName) > Names.MAX_BYTES) {
                problems.add(at, subject, FieldParser.tooLong(checkName), "use a shorter check name");
            }
        } else if (name != null) {
            problems.add(at, subject, "bad check :name " + EdnPrinter.flat(name), "write :name \"check_name\"");
        }
        Object notValid = opt(m, "not-valid");
        if (notValid != null && !(notValid instanceof Boolean)) {
            problems.add(at, subject, ":not-valid must be true or false, not " + EdnPrinter.flat(notValid),
                    "write :not-valid true");
        }
        try {
            return new DomainDraft.CheckDraft(checkName, SqlExpressions.condition(opt(m, "check")),
                    Boolean.TRUE.equals(notValid), comment(m, at, subject));
        } catch (InvalidSpec e) {
            problems.add(at, subject, e.what(), e.fix());
            return null;
        }
    }

    private void composite(Object key, Map<?, ?> m, Location where, String subject) {
        for (Object k : m.keySet()) {
            if (!(k instanceof Keyword kw) || !COMPOSITE_OPTIONS.contains(kw.getName())) {
                problems.add(where, subject, "unknown composite type option " + EdnPrinter.flat(k),
                        "use :type :composite, :fields and :comment");
            }
        }
        String name = typeName(key, where, subject, "composite type");
        List<FieldParser.Draft> attributes = new ArrayList<>();
        Object fields = opt(m, "fields");
        if (fields instanceof Map<?, ?> fm && !fm.isEmpty()) {
            EdnMap lines = fm instanceof EdnMap em ? em : null;
            fm.forEach((fk, spec) -> {
                Location at = lines == null ? where : new Location(where.file(), lines.lineOf(fk));
                String sub = subject + ", field " + EdnPrinter.flat(fk);
                if (spec instanceof Map<?, ?> sm) {
                    for (Object k : sm.keySet()) {
                        if (!(k instanceof Keyword kw) || !ATTRIBUTE_OPTIONS.contains(kw.getName())) {
                            problems.add(at, sub, "composite type fields take no option " + EdnPrinter.flat(k),
                                    "use " + String.join(" ", ATTRIBUTE_OPTIONS.stream().sorted()
                                            .map(o -> ":" + o).toList()));
                        }
                    }
                }
                attributes.add(FieldParser.draft(name, fk, spec, at, sub, problems));
            });
        } else {
            problems.add(where, subject, "composite type needs :fields, a non-empty map of field name to "
                    + "{:type ...}, not " + EdnPrinter.flat(fields), "write :fields {:street {:type :text}}");
        }
        Set<String> seen = new LinkedHashSet<>();
        for (FieldParser.Draft a : attributes) {
            if (!seen.add(a.column().name())) {
                problems.add(a.where(), a.subject(), "field " + a.column().name() + " is defined twice",
                        "rename or remove one of the fields");
            }
        }
        composites.add(new CompositeDraft(name, attributes, comment(m, where, subject), where, subject,
                Names.schemaOf(key)));
    }

    private String typeName(Object key, Location where, String subject, String kind) {
        String name = Names.identifier(key);
        if (Names.bytes(name) > Names.MAX_BYTES) {
            problems.add(where, subject, FieldParser.tooLong(name), "use a shorter " + kind + " name");
        }
        return name;
    }

    private String comment(Map<?, ?> m, Location where, String subject) {
        Object comment = opt(m, "comment");
        if (comment != null && !(comment instanceof String)) {
            problems.add(where, subject, ":comment must be a string", "write :comment \"...\"");
            return null;
        }
        return (String) comment;
    }

    private void enumType(Object key, Map<?, ?> m, Location where, String subject) {
        for (Object k : m.keySet()) {
            if (!(k instanceof Keyword kw) || !ENUM_OPTIONS.contains(kw.getName())) {
                problems.add(where, subject, "unknown enum option " + EdnPrinter.flat(k),
                        "use :choices, :comment and :renamed-from");
            }
        }
        String name = Names.identifier(key);
        if (Names.bytes(name) > Names.MAX_BYTES) {
            problems.add(where, subject, FieldParser.tooLong(name), "use a shorter enum name");
        }
        Object choices = m.get(FieldParser.kw("choices"));
        List<String> labels = new ArrayList<>();
        if (!(choices instanceof List<?> cl) || cl.isEmpty()) {
            problems.add(where, subject, "enum has no :choices", "add :choices [\"a\" \"b\"]");
        } else {
            for (Object c : cl) {
                String label = c instanceof String s ? s : c instanceof Keyword k ? k.getName() : null;
                if (label == null) {
                    problems.add(where, subject, "enum choice " + EdnPrinter.flat(c) + " is not a string",
                            "write the choices as strings");
                } else if (labels.contains(label)) {
                    problems.add(where, subject, "enum choice \"" + label + "\" is listed twice", "remove one");
                } else {
                    if (Names.bytes(label) > Names.MAX_BYTES) {
                        problems.add(where, subject, "enum choice \"" + label + "\" is " + Names.bytes(label)
                                + " bytes, over PostgreSQL's 63-byte limit", "use a shorter choice");
                    }
                    labels.add(label);
                }
            }
        }
        Map<String, String> renames = new LinkedHashMap<>();
        Object renamed = m.get(FieldParser.kw("renamed-from"));
        if (renamed instanceof Map<?, ?> rm && rm.keySet().stream().allMatch(String.class::isInstance)
                && rm.values().stream().allMatch(String.class::isInstance)) {
            rm.forEach((k, v) -> renames.put((String) k, (String) v));
        } else if (renamed != null) {
            problems.add(where, subject, "enum :renamed-from must map new choices to old ones",
                    "write :renamed-from {\"new\" \"old\"}");
        }
        Object comment = m.get(FieldParser.kw("comment"));
        if (comment != null && !(comment instanceof String)) {
            problems.add(where, subject, ":comment must be a string", "write :comment \"...\"");
            comment = null;
        }
        enums.add(new EnumDraft(name, labels, (String) comment, renames, where, subject, Names.schemaOf(key)));
    }

    private Object opt(Map<?, ?> m, String name) {
        return m.get(FieldParser.kw(name));
    }

    private void table(Object key, Map<?, ?> options, Object fieldsForm, Location where, String subject) {
        for (Object k : options.keySet()) {
            if (!(k instanceof Keyword kw) || !TABLE_OPTIONS.contains(kw.getName())) {
                problems.add(where, subject, "unknown model option " + EdnPrinter.flat(k),
                        "use one of " + String.join(" ", TABLE_OPTIONS.stream().sorted().map(o -> ":" + o).toList())
                                + ", or add the key to the strip list if it is application metadata");
            }
        }
        Object tableNameOpt = opt(options, "table-name");
        String tableName;
        if (tableNameOpt instanceof String || tableNameOpt instanceof Keyword) {
            tableName = Names.identifier(tableNameOpt);
        } else {
            if (tableNameOpt != null) {
                problems.add(where, subject, "bad :table-name " + EdnPrinter.flat(tableNameOpt),
                        "write :table-name \"name\"");
            }
            tableName = Names.identifier(key);
        }
        if (Names.bytes(tableName) > Names.MAX_BYTES) {
            problems.add(where, subject, FieldParser.tooLong(tableName), "use a shorter model key or :table-name");
        }
        QualifiedName table = new QualifiedName(Names.schemaOf(key), tableName);

        List<FieldParser.Draft> fields = new ArrayList<>();
        List<Object> normalFields = new ArrayList<>();
        if (fieldsForm instanceof Map<?, ?> fm) {
            EdnMap lines = fm instanceof EdnMap em ? em : null;
            fm.forEach((fk, spec) -> {
                Location at = lines == null ? where : new Location(where.file(), lines.lineOf(fk));
                FieldParser.Draft d = FieldParser.draft(tableName, fk, spec, at,
                        subject + ", field " + EdnPrinter.flat(fk), problems);
                fields.add(d);
                normalFields.add(d.normalForm());
            });
        } else if (fieldsForm instanceof List<?> fl) {
            for (Object f : fl) {
                Location at = f instanceof EdnVector ev && ev.line() > 0 ? new Location(where.file(), ev.line()) : where;
                if (!(f instanceof List<?> fv) || fv.isEmpty()) {
                    problems.add(at, subject, "cannot read field " + EdnPrinter.flat(f),
                            "write [:name type {options}]");
                    continue;
                }
                Object spec = fv.size() == 1 ? List.of() : fv.subList(1, fv.size());
                if (fv.size() == 1) {
                    problems.add(at, subject + ", field " + EdnPrinter.flat(fv.get(0)), "field has no type",
                            "write [:name type {options}]");
                    continue;
                }
                FieldParser.Draft d = FieldParser.draft(tableName, fv.get(0), spec, at,
                        subject + ", field " + EdnPrinter.flat(fv.get(0)), problems);
                fields.add(d);
                normalFields.add(d.normalForm());
            }
        } else if (fieldsForm != null || !LineageParser.derivedForm(options)) {
            problems.add(where, subject, "bad :fields " + EdnPrinter.flat(fieldsForm),
                    "write :fields [[:name type {options}] ...] or :fields {:name {:type type ...}}");
        }
        LineageDraft lineage = LineageParser.parse(options, !fields.isEmpty(), where, subject, problems);
        if (fields.isEmpty() && (fieldsForm instanceof Map || fieldsForm instanceof List) && !lineage.derived()) {
            problems.add(where, subject, "model has no fields", "add at least one field");
        }
        Set<String> seen = new LinkedHashSet<>();
        for (FieldParser.Draft f : fields) {
            if (!seen.add(f.column().name())) {
                problems.add(f.where(), f.subject(), "column " + f.column().name() + " is defined twice",
                        "rename or remove one of the fields");
            }
        }
        Set<String> columns = seen;

        List<ConstraintDraft> constraints = new ArrayList<>();
        List<ForeignKeyDraft> foreignKeys = new ArrayList<>();
        List<String> pkColumns = new ArrayList<>();
        for (FieldParser.Draft f : fields) {
            if (f.primaryKey()) {
                pkColumns.add(f.column().name());
            }
        }
        String pkName = null;
        String pkComment = null;
        for (FieldParser.Draft f : fields) {
            if (f.constraintComment() != null) {
                if (pkComment != null && !pkComment.equals(f.constraintComment())) {
                    problems.add(f.where(), f.subject(), "the primary key has two comments",
                            "keep :constraint-comment on one of the key's fields");
                }
                pkComment = f.constraintComment();
            }
            if (f.constraintName() != null) {
                if (pkName != null && !pkName.equals(f.constraintName())) {
                    problems.add(f.where(), f.subject(), "the primary key is named twice: " + pkName + " and "
                            + f.constraintName(), "keep :constraint-name on one of the key's fields");
                }
                pkName = f.constraintName();
            }
        }
        ConstraintOptions pkOptions = ConstraintOptions.NONE;
        List<String> pkInclude = List.of();
        Map<String, String> pkStorage = Map.of();
        Object tablePk = opt(options, "primary-key");
        if (tablePk != null) {
            Object pkFields = tablePk;
            if (tablePk instanceof Map<?, ?> pm) {
                String sub = subject + ", primary key";
                checkKeys(pm, Set.of("fields", "name", "comment", "include", "with"), ConstraintOptions.PRIMARY_KEY, where, sub,
                        "a primary key");
                pkInclude = indexInclude(pm, where, sub);
                pkStorage = StorageParser.parse(opt(pm, "with"), where, sub, problems);
                pkFields = opt(pm, "fields");
                pkName = constraintName(pm, where, sub);
                pkComment = constraintComment(pm, where, sub);
                pkOptions = ConstraintOptions.read(pm, ConstraintOptions.PRIMARY_KEY, "a primary key", where, sub,
                        problems);
            }
            List<String> cols = columnList(pkFields, where, subject, ":primary-key");
            if (!pkColumns.isEmpty()) {
                problems.add(where, subject, "primary key given both on fields and as :primary-key",
                        "keep one of the two");
            } else if (cols != null) {
                pkColumns.addAll(cols);
            }
        }
        if (!pkColumns.isEmpty()) {
            List<String> pk = List.copyOf(pkColumns);
            ConstraintOptions o = pkOptions;
            List<String> include = pkInclude;
            Map<String, String> storage = pkStorage;
            constraints.add(new ConstraintDraft(pkName != null ? NameSpec.explicit(pkName)
                    : NameSpec.generated(tableName, null, "pkey"),
                    n -> new Constraint.PrimaryKey(n, pk, o.deferrable(), o.initiallyDeferred(), include,
                            dev.strata.model.StorageParameters.copyOf(storage)), true, where,
                    subject + (pkName != null ? ", constraint " + pkName : "")).withComment(pkComment));
        }
        for (FieldParser.Draft f : fields) {
            constraints.addAll(f.constraints());
            if (f.foreignKey() != null) {
                foreignKeys.add(f.foreignKey());
            }
        }
        Object uniques = opt(options, "unique");
        if (uniques instanceof Map<?, ?>) {
            uniques = List.of(uniques);
        }
        if (uniques instanceof List<?> ul && !ul.isEmpty()) {
            List<?> groups = ul.stream().allMatch(u -> u instanceof Keyword) ? List.of(ul) : ul;
            for (Object g : groups) {
                ConstraintDraft d = uniqueGroup(tableName, g, where, subject);
                if (d != null) {
                    constraints.add(d);
                }
            }
        } else if (uniques != null) {
            problems.add(where, subject, "bad :unique " + EdnPrinter.flat(uniques),
                    "write :unique [[:a :b] ...] or :unique [{:fields [:a :b] :name \"...\"} ...]");
        }
        Object fks = opt(options, "foreign-keys");
        if (fks instanceof List<?> fl) {
            for (Object fk : fl) {
                ForeignKeyDraft d = tableForeignKey(tableName, fk, where, subject);
                if (d != null) {
                    foreignKeys.add(d);
                }
            }
        } else if (fks != null) {
            problems.add(where, subject, "bad :foreign-keys " + EdnPrinter.flat(fks),
                    "write :foreign-keys [{:fields [:a] :references :model :ref-fields [:id]}]");
        }
        Object extra = opt(options, "constraints");
        if (extra instanceof List<?> cl) {
            for (Object c : cl) {
                ConstraintDraft d = tableConstraint(tableName, columns, c, where, subject);
                if (d != null) {
                    constraints.add(d);
                }
            }
        } else if (extra != null) {
            problems.add(where, subject, "bad :constraints " + EdnPrinter.flat(extra),
                    "write :constraints [{:check [:raw \"...\"]}]");
        }
        List<IndexDraft> indexes = new ArrayList<>();
        Object idx = opt(options, "indexes");
        if (idx instanceof List<?> il) {
            for (Object i : il) {
                Location at = i instanceof EdnVector ev && ev.line() > 0 ? new Location(where.file(), ev.line())
                        : i instanceof EdnMap em && em.line() > 0 ? new Location(where.file(), em.line()) : where;
                IndexDraft d = IndexParser.parse(table, i, at, subject, problems);
                if (d != null) {
                    indexes.add(d);
                }
            }
        } else if (idx != null) {
            problems.add(where, subject, "bad :indexes " + EdnPrinter.flat(idx), "write :indexes [{:fields [:a]}]");
        }
        Object types = opt(options, "types");
        if (types instanceof List<?> tl) {
            for (Object t : tl) {
                if (t instanceof List<?> tv && tv.size() == 3 && FieldParser.kw("enum").equals(tv.get(1))
                        && tv.get(2) instanceof Map<?, ?> tm && !tm.containsKey(FieldParser.TYPE)) {
                    Map<Object, Object> withType = new LinkedHashMap<>(tm);
                    withType.put(FieldParser.TYPE, FieldParser.kw("enum"));
                    enumType(tv.get(0), withType, where, subject + ", enum " + EdnPrinter.flat(tv.get(0)));
                } else {
                    problems.add(where, subject, "bad :types entry " + EdnPrinter.flat(t),
                            "write :types [[:type-name :enum {:choices [\"a\" \"b\"]}]]");
                }
            }
        } else if (types != null) {
            problems.add(where, subject, "bad :types " + EdnPrinter.flat(types),
                    "write :types [[:type-name :enum {:choices [...]}]]");
        }
        Object comment = opt(options, "comment");
        if (comment != null && !(comment instanceof String)) {
            problems.add(where, subject, ":comment must be a string", "write :comment \"...\"");
            comment = null;
        }
        Object renamed = opt(options, "renamed-from");
        String renamedFrom = null;
        if (renamed instanceof Keyword || renamed instanceof String) {
            renamedFrom = Names.identifier(renamed);
        } else if (renamed != null) {
            problems.add(where, subject, "bad :renamed-from " + EdnPrinter.flat(renamed),
                    "write :renamed-from :old-model-name");
        }
        boolean unlogged = flag(options, "unlogged", where, subject);
        boolean forceRls = flag(options, "force-row-level-security", where, subject);
        Map<String, String> storage = StorageParser.parse(opt(options, "with"), where, subject, problems);
        EdnMap.Builder normal = new EdnMap.Builder(0);
        options.forEach((k, v) -> normal.put(k, v, 0));
        if (fieldsForm != null || !lineage.derived()) {
            normal.put(FieldParser.kw("fields"), new EdnVector(normalFields, 0), 0);
        }
        processed.put(key, normal.build());
        TableSettingsParser.Settings settings = new TableSettingsParser(where, subject, problems)
                .parse(opt(options, "replica-identity"), opt(options, "cluster-on"), opt(options, "access-method"))
                .withForeign(SqlMedParser.foreignTable(opt(options, "foreign"), where, subject, problems));
        tables.add(new TableDraft(key, table, fields, pkColumns, constraints, foreignKeys, indexes, (String) comment,
                renamedFrom, where, subject, normal.build(), unlogged, storage, forceRls, lineage, settings));
    }

    /** A table option that is {@code true} or {@code false} (absent: false). */
    private boolean flag(Map<?, ?> options, String name, Location where, String subject) {
        Object v = opt(options, name);
        if (v == null || v instanceof Boolean) {
            return Boolean.TRUE.equals(v);
        }
        problems.add(where, subject, ":" + name + " must be true or false, not " + EdnPrinter.flat(v),
                "write :" + name + " true");
        return false;
    }

    private List<String> columnList(Object form, Location where, String subject, String option) {
        if (form instanceof List<?> l && !l.isEmpty() && l.stream().allMatch(c -> c instanceof Keyword)) {
            return l.stream().map(Names::identifier).toList();
        }
        problems.add(where, subject, "bad " + option + " " + EdnPrinter.flat(form),
                "write " + option + " [:column ...]");
        return null;
    }

    /** One {@code :unique} entry: {@code [:a :b]} or {@code {:fields [:a :b] :name "..." ...options}}. */
    private ConstraintDraft uniqueGroup(String tableName, Object form, Location where, String subject) {
        Location at = form instanceof EdnMap em && em.line() > 0 ? new Location(where.file(), em.line()) : where;
        String explicit = null;
        String comment = null;
        ConstraintOptions o = ConstraintOptions.NONE;
        List<String> include = List.of();
        Map<String, String> storage = Map.of();
        Object fields = form;
        String sub = subject;
        if (form instanceof Map<?, ?> m) {
            explicit = constraintName(m, at, subject);
            sub = subject + ", constraint " + (explicit != null ? explicit : ":unique");
            comment = constraintComment(m, at, sub);
            checkKeys(m, Set.of("fields", "name", "comment", "include", "with"), ConstraintOptions.UNIQUE, at, sub,
                    "a unique constraint");
            o = ConstraintOptions.read(m, ConstraintOptions.UNIQUE, "a unique constraint", at, sub, problems);
            include = indexInclude(m, at, sub);
            storage = StorageParser.parse(opt(m, "with"), at, sub, problems);
            fields = opt(m, "fields");
        }
        List<String> cols = columnList(fields, at, sub, ":unique");
        if (cols == null) {
            return null;
        }
        ConstraintOptions opts = o;
        NameSpec spec = explicit != null ? NameSpec.explicit(explicit)
                : NameSpec.generated(tableName, Names.columnsPart(cols), "key");
        List<String> inc = include;
        Map<String, String> with = storage;
        return new ConstraintDraft(spec, n -> new Constraint.Unique(n, cols, opts.nullsNotDistinct(), opts.deferrable(),
                opts.initiallyDeferred(), inc, dev.strata.model.StorageParameters.copyOf(with)), true, at, sub).withComment(comment);
    }

    /** The {@code :comment} of a constraint entry, or {@code null}; reports one that is not a string. */
    private String constraintComment(Map<?, ?> m, Location where, String subject) {
        Object comment = opt(m, "comment");
        if (comment == null || comment instanceof String) {
            return (String) comment;
        }
        problems.add(where, subject, ":comment must be a string, not " + EdnPrinter.flat(comment),
                "write :comment \"...\"");
        return null;
    }

    /** The {@code :name} of a constraint entry, or {@code null}; reports a name that is not a string or keyword. */
    private String constraintName(Map<?, ?> m, Location where, String subject) {
        Object name = opt(m, "name");
        if (name == null) {
            return null;
        }
        if (name instanceof Keyword || name instanceof String s && !s.isEmpty()) {
            return Names.identifier(name);
        }
        problems.add(where, subject, "bad :name " + EdnPrinter.flat(name), "write :name \"constraint_name\"");
        return null;
    }

    /** Reports keys of a constraint entry that are neither in {@code own} nor in the kind's options. */
    /** The {@code :include [:a :b]} columns of a primary key or unique constraint, empty when absent. */
    private List<String> indexInclude(Map<?, ?> m, Location where, String subject) {
        Object inc = opt(m, "include");
        if (inc == null) {
            return List.of();
        }
        List<String> cols = columnList(inc, where, subject, ":include");
        return cols == null ? List.of() : cols;
    }

    private void checkKeys(Map<?, ?> m, Set<String> own, Set<String> kindOptions, Location where, String subject,
                           String kind) {
        for (Object k : m.keySet()) {
            if (k instanceof Keyword kw && (own.contains(kw.getName()) || ConstraintOptions.ALL.contains(kw.getName()))) {
                continue;
            }
            Set<String> all = new java.util.TreeSet<>(own);
            all.addAll(kindOptions);
            problems.add(where, subject, "unknown option " + EdnPrinter.flat(k) + " of " + kind,
                    "use " + String.join(" ", all.stream().map(o -> ":" + o).toList()));
        }
    }

    private ForeignKeyDraft tableForeignKey(String tableName, Object form, Location where, String subject) {
        if (!(form instanceof Map<?, ?> m)) {
            problems.add(where, subject, "bad foreign key " + EdnPrinter.flat(form),
                    "write {:fields [:a] :references :model :ref-fields [:id]}");
            return null;
        }
        for (Object k : m.keySet()) {
            if (!(k instanceof Keyword kw) || !FOREIGN_KEY_OPTIONS.contains(kw.getName())) {
                problems.add(where, subject, "unknown foreign key option " + EdnPrinter.flat(k),
                        "use :fields :references :ref-fields :on-delete :on-update :name :deferrable "
                                + ":initially-deferred :match :not-valid :comment :on-delete-columns");
            }
        }
        List<String> cols = columnList(opt(m, "fields"), where, subject, ":fields");
        Object ref = opt(m, "references");
        if (!(ref instanceof Keyword || ref instanceof String)) {
            problems.add(where, subject, "foreign key has no :references", "add :references :model-name");
            return null;
        }
        List<String> refFields = List.of();
        if (opt(m, "ref-fields") != null) {
            List<String> rf = columnList(opt(m, "ref-fields"), where, subject, ":ref-fields");
            if (rf == null) {
                return null;
            }
            refFields = ((List<?>) opt(m, "ref-fields")).stream().map(f -> ((Keyword) f).getName()).toList();
        }
        Constraint.Action onDelete = action(m, "on-delete", where, subject);
        Constraint.Action onUpdate = action(m, "on-update", where, subject);
        String fkSubject = subject + ", foreign key " + EdnPrinter.flat(opt(m, "fields"));
        String name = constraintName(m, where, fkSubject);
        ConstraintOptions o = ConstraintOptions.read(m, ConstraintOptions.FOREIGN_KEY, "a foreign key", where,
                fkSubject, problems);
        if (cols == null) {
            return null;
        }
        NameSpec spec = name != null ? NameSpec.explicit(name)
                : NameSpec.generated(tableName, Names.columnsPart(cols), "fkey");
        String refName = ref instanceof Keyword k ? Names.modelKey(k) : (String) ref;
        String written = "to " + EdnPrinter.flat(ref) + (refFields.isEmpty() ? "" : " " + EdnPrinter.flat(opt(m, "ref-fields")));
        List<String> setColumns = List.of();
        if (opt(m, "on-delete-columns") != null) {
            List<String> sc = columnList(opt(m, "on-delete-columns"), where, fkSubject, ":on-delete-columns");
            if (sc != null) {
                setColumns = sc;
                if (onDelete != Constraint.Action.SET_NULL && onDelete != Constraint.Action.SET_DEFAULT) {
                    problems.add(where, fkSubject, ":on-delete-columns needs :on-delete :set-null or :set-default",
                            "add :on-delete :set-null, or remove :on-delete-columns");
                } else if (!cols.containsAll(sc)) {
                    problems.add(where, fkSubject, ":on-delete-columns " + EdnPrinter.flat(opt(m, "on-delete-columns"))
                            + " names columns that are not the foreign key's :fields",
                            "list only columns of :fields " + EdnPrinter.flat(opt(m, "fields")));
                }
            }
        }
        return new ForeignKeyDraft(spec, cols, refName, refFields, onDelete, onUpdate, o, written, where, fkSubject,
                constraintComment(m, where, fkSubject), setColumns);
    }

    private Constraint.Action action(Map<?, ?> m, String option, Location where, String subject) {
        Object v = opt(m, option);
        if (v == null) {
            return null;
        }
        Constraint.Action a = Actions.parse(v);
        if (a == null) {
            problems.add(where, subject, "bad :" + option + " " + EdnPrinter.flat(v),
                    "write :cascade, :set-null, :set-default, :restrict or :no-action");
        }
        return a;
    }

    private ConstraintDraft tableConstraint(String tableName, Set<String> columns, Object form, Location where,
                                            String subject) {
        Location at = form instanceof EdnMap em && em.line() > 0 ? new Location(where.file(), em.line()) : where;
        if (!(form instanceof Map<?, ?> m)) {
            problems.add(at, subject, "bad constraint " + EdnPrinter.flat(form),
                    "write {:check [:raw \"...\"]}, {:unique [:a :b]} or {:exclude \"EXCLUDE USING ...\"}");
            return null;
        }
        String explicit = constraintName(m, at, subject);
        List<Object> kinds = new ArrayList<>();
        for (String k : List.of("check", "unique", "exclude")) {
            if (m.containsKey(FieldParser.kw(k))) {
                kinds.add(FieldParser.kw(k));
            }
        }
        if (kinds.size() != 1) {
            problems.add(at, subject, "constraint " + EdnPrinter.flat(form) + " must have exactly one of :check, "
                    + ":unique, :exclude", "split it into one map per constraint");
            return null;
        }
        Object kind = kinds.get(0);
        Object body = m.get(kind);
        String sub = subject + ", constraint " + (explicit != null ? explicit : EdnPrinter.flat(kind));
        String kindName = ((Keyword) kind).getName();
        Set<String> allowed = kindName.equals("check") ? ConstraintOptions.CHECK
                : kindName.equals("unique") ? ConstraintOptions.UNIQUE : ConstraintOptions.EXCLUSION;
        String described = kindName.equals("check") ? "a check constraint"
                : kindName.equals("unique") ? "a unique constraint" : "an exclusion constraint";
        checkKeys(m, kindName.equals("unique") ? Set.of(kindName, "name", "comment", "include", "with")
                        : Set.of(kindName, "name", "comment"), allowed, at, sub, described);
        ConstraintOptions o = ConstraintOptions.read(m, allowed, described, at, sub, problems);
        String comment = constraintComment(m, at, sub);
        if (FieldParser.kw("check").equals(kind)) {
            String sql;
            try {
                sql = SqlExpressions.condition(body);
            } catch (InvalidSpec e) {
                problems.add(at, sub, e.what(), e.fix());
                return null;
            }
            List<String> referenced = referencedColumns(sql, columns);
            NameSpec spec = explicit != null ? NameSpec.explicit(explicit)
                    : NameSpec.generated(tableName, referenced.isEmpty() ? null : referenced.get(0), "check");
            return new ConstraintDraft(spec, n -> new Constraint.Check(n, sql, o.noInherit(), o.notValid()), false,
                    at, sub).withComment(comment);
        }
        if (FieldParser.kw("unique").equals(kind)) {
            List<String> cols = columnList(body, at, sub, ":unique");
            if (cols == null) {
                return null;
            }
            NameSpec spec = explicit != null ? NameSpec.explicit(explicit)
                    : NameSpec.generated(tableName, Names.columnsPart(cols), "key");
            List<String> include = indexInclude(m, at, sub);
            Map<String, String> storage = StorageParser.parse(opt(m, "with"), at, sub, problems);
            return new ConstraintDraft(spec, n -> new Constraint.Unique(n, cols, o.nullsNotDistinct(), o.deferrable(),
                    o.initiallyDeferred(), include, dev.strata.model.StorageParameters.copyOf(storage)), true, at, sub)
                    .withComment(comment);
        }
        if (FieldParser.kw("exclude").equals(kind) && body instanceof String text && !text.isBlank()) {
            // Flags written in the text itself are taken as the options they are.
            String sql = text.strip();
            boolean deferred = o.initiallyDeferred();
            boolean deferrable = o.deferrable();
            String upper = sql.toUpperCase(java.util.Locale.ROOT);
            if (upper.endsWith(" INITIALLY DEFERRED")) {
                sql = sql.substring(0, sql.length() - " INITIALLY DEFERRED".length()).stripTrailing();
                upper = sql.toUpperCase(java.util.Locale.ROOT);
                deferred = true;
            }
            if (upper.endsWith(" DEFERRABLE")) {
                sql = sql.substring(0, sql.length() - " DEFERRABLE".length()).stripTrailing();
                deferrable = true;
            }
            List<String> referenced = referencedColumns(sql, columns);
            NameSpec spec = explicit != null ? NameSpec.explicit(explicit)
                    : NameSpec.generated(tableName, referenced.isEmpty() ? null : Names.columnsPart(referenced), "excl");
            String definition = sql;
            boolean d = deferrable;
            boolean i = deferred;
            return new ConstraintDraft(spec, n -> new Constraint.Exclusion(n, definition, d, i), true, at, sub)
                    .withComment(comment);
        }
        problems.add(at, sub, "cannot read constraint " + EdnPrinter.flat(form),
                "write {:check [:raw \"...\"]}, {:unique [:a :b]} or {:exclude \"EXCLUDE USING gist (...)\"}");
        return null;
    }

    /**
     * The table's columns an SQL expression mentions, in order of first appearance; PostgreSQL names
     * an unnamed CHECK after the first.
     */
    static List<String> referencedColumns(String sql, Set<String> columns) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = IDENTIFIER.matcher(sql);
        while (m.find()) {
            String id = m.group(1) != null ? m.group(1).replace("\"\"", "\"")
                    : m.group(2) != null ? m.group(2).toLowerCase(java.util.Locale.ROOT) : null;
            if (id != null && columns.contains(id)) {
                found.add(id);
            }
        }
        return List.copyOf(found);
    }
}
