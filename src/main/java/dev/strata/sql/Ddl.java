package dev.strata.sql;

import dev.strata.model.Column;
import dev.strata.model.Constraint;
import dev.strata.model.EnumType;
import dev.strata.model.Extension;
import dev.strata.model.Index;
import dev.strata.model.QualifiedName;
import dev.strata.model.Sequence;
import dev.strata.model.SequenceOwner;
import dev.strata.model.Table;
import dev.strata.model.TableLineage;
import dev.strata.model.Trigger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Ddl renders single PostgreSQL statements from model records: each method returns one statement
 * without a trailing semicolon, identifiers quoted by {@link Identifiers#quote}. SQL fragments the
 * model already holds as SQL (column types, defaults, check and generated expressions, index keys
 * and predicates, exclusion constraints) are inserted verbatim.
 */
public final class Ddl {
    private static final Pattern PLAIN_VALUE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*|-?[0-9]+(\\.[0-9]+)?");
    private Ddl() {
    }

    /** {@code CREATE EXTENSION IF NOT EXISTS name [WITH SCHEMA s] [VERSION 'v']}. */
    public static String createExtension(Extension extension) {
        return "CREATE EXTENSION IF NOT EXISTS " + Identifiers.quote(extension.name())
                + (extension.schema() == null ? "" : " WITH SCHEMA " + Identifiers.quote(extension.schema()))
                + (extension.version() == null ? "" : " VERSION " + Identifiers.literal(extension.version()));
    }

    /** {@code CREATE TYPE r AS RANGE (subtype = ..., ...)}, the options that are not the defaults only. */
    public static String createRangeType(dev.strata.model.RangeType r) {
        List<String> options = new ArrayList<>();
        options.add("subtype = " + r.subtype());
        if (r.subtypeOpclass() != null) {
            options.add("subtype_opclass = " + r.subtypeOpclass());
        }
        if (r.collation() != null) {
            options.add("collation = " + r.collation());
        }
        if (r.canonical() != null) {
            options.add("canonical = " + r.canonical());
        }
        if (r.subtypeDiff() != null) {
            options.add("subtype_diff = " + r.subtypeDiff());
        }
        if (r.multirange() != null) {
            options.add("multirange_type_name = " + r.multirange());
        }
        return "CREATE TYPE " + Identifiers.quote(r.name()) + " AS RANGE (" + String.join(", ", options) + ")";
    }

    /** {@code CREATE STATISTICS s [(kinds)] ON keys FROM t}. */
    public static String createStatistics(dev.strata.model.Statistics s) {
        return "CREATE STATISTICS " + Identifiers.quote(s.name())
                + (s.kinds().isEmpty() ? "" : " (" + String.join(", ", s.kinds()) + ")")
                + " ON " + s.keys() + " FROM " + Identifiers.quote(s.table());
    }

    /** {@code CREATE STATISTICS}, then its target and comment when set. */
    public static List<String> createStatisticsWithOptions(dev.strata.model.Statistics s) {
        List<String> out = new ArrayList<>(List.of(createStatistics(s)));
        if (s.target() != null) {
            out.add(alterStatisticsTarget(s, s.target()));
        }
        if (s.comment() != null) {
            out.add(Comments.on(dev.strata.diff.CommentTarget.of(s), s.comment()));
        }
        return out;
    }

    /** {@code ALTER STATISTICS s SET STATISTICS n}; {@code null} is the default, {@code -1} on every version. */
    public static String alterStatisticsTarget(dev.strata.model.Statistics s, Integer target) {
        return "ALTER STATISTICS " + Identifiers.quote(s.name()) + " SET STATISTICS " + (target == null ? -1 : target);
    }

    /** {@code DROP STATISTICS s}. */
    public static String dropStatistics(dev.strata.model.Statistics s) {
        return "DROP STATISTICS " + Identifiers.quote(s.name());
    }

    /** {@code CREATE SCHEMA name}: a schema the model manages besides the target one. */
    public static String createSchema(String name) {
        return "CREATE SCHEMA " + Identifiers.quote(name);
    }

    /**
     * {@code CREATE COLLATION name (provider = ..., locale = ... | lc_collate = ..., lc_ctype = ...
     * [, deterministic = false] [, rules = ...])}.
     */
    public static String createCollation(dev.strata.model.Collation c) {
        List<String> options = new ArrayList<>();
        options.add("provider = " + c.provider());
        if (c.locale() != null) {
            options.add("locale = " + Identifiers.literal(c.locale()));
        } else {
            options.add("lc_collate = " + Identifiers.literal(c.lcCollate()));
            options.add("lc_ctype = " + Identifiers.literal(c.lcCtype()));
        }
        if (!c.deterministic()) {
            options.add("deterministic = false");
        }
        if (c.rules() != null) {
            options.add("rules = " + Identifiers.literal(c.rules()));
        }
        return "CREATE COLLATION " + Identifiers.quote(c.name()) + " (" + String.join(", ", options) + ")";
    }

    /** {@code CREATE TEXT SEARCH kind name (...)}, and a configuration's mappings after it. */
    public static List<String> createTextSearch(dev.strata.model.TextSearch t) {
        List<String> options = new ArrayList<>();
        t.options().forEach((k, v) -> options.add(k.equals("OPTIONS") ? v : k + " = " + v));
        List<String> sql = new ArrayList<>(List.of("CREATE TEXT SEARCH " + t.kind().sql() + " " + Identifiers.quote(t.name())
                + " (" + String.join(", ", options) + ")"));
        boolean copied = t.options().containsKey("COPY");
        t.mappings().forEach((token, dicts) -> {
            if (copied) {
                sql.add(dropMapping(t, token));
            }
            if (!dicts.isEmpty()) {
                sql.add(addMapping(t, token, dicts));
            }
        });
        return sql;
    }

    /** {@code ALTER TEXT SEARCH CONFIGURATION c DROP MAPPING IF EXISTS FOR token}. */
    public static String dropMapping(dev.strata.model.TextSearch t, String token) {
        return "ALTER TEXT SEARCH CONFIGURATION " + Identifiers.quote(t.name()) + " DROP MAPPING IF EXISTS FOR "
                + Identifiers.quote(token);
    }

    /** {@code ALTER TEXT SEARCH CONFIGURATION c ADD MAPPING FOR token WITH d1, d2}. */
    public static String addMapping(dev.strata.model.TextSearch t, String token, List<String> dictionaries) {
        return "ALTER TEXT SEARCH CONFIGURATION " + Identifiers.quote(t.name()) + " ADD MAPPING FOR "
                + Identifiers.quote(token) + " WITH " + String.join(", ", dictionaries);
    }

    /** {@code DROP TEXT SEARCH kind name}. */
    public static String dropTextSearch(dev.strata.model.TextSearch t) {
        return "DROP TEXT SEARCH " + t.kind().sql() + " " + Identifiers.quote(t.name());
    }

    /**
     * {@code OPTIONS (ADD a 'x', SET b 'y', DROP c)}: what turns SQL/MED options {@code from} into
     * {@code to}, or {@code null} when they are the same.
     */
    public static String fdwOptions(Map<String, String> from, Map<String, String> to) {
        List<String> parts = new ArrayList<>();
        from.keySet().stream().filter(k -> !to.containsKey(k)).forEach(k -> parts.add("DROP " + Identifiers.quote(k)));
        to.forEach((k, v) -> {
            if (!from.containsKey(k)) {
                parts.add("ADD " + Identifiers.quote(k) + " " + Identifiers.literal(v));
            } else if (!from.get(k).equals(v)) {
                parts.add("SET " + Identifiers.quote(k) + " " + Identifiers.literal(v));
            }
        });
        return parts.isEmpty() ? null : "OPTIONS (" + String.join(", ", parts) + ")";
    }

    /** {@code OPTIONS (a 'x', b 'y')} for a CREATE, or {@code ""} when there are none. */
    public static String fdwOptions(Map<String, String> options) {
        if (options.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        options.forEach((k, v) -> parts.add(Identifiers.quote(k) + " " + Identifiers.literal(v)));
        return " OPTIONS (" + String.join(", ", parts) + ")";
    }

    /** An operator's name: its symbol, {@code schema.symbol} outside the target schema (never quoted). */
    public static String operatorName(QualifiedName name) {
        return name.schema() == null ? name.name() : Identifiers.quote(name.schema()) + "." + name.name();
    }

    /** {@code CREATE OPERATOR sym (FUNCTION = f, LEFTARG = t, RIGHTARG = t, ...)}. */
    public static String createOperator(dev.strata.model.Operator o) {
        List<String> options = new ArrayList<>();
        options.add("FUNCTION = " + o.function());
        if (o.left() != null) {
            options.add("LEFTARG = " + o.left());
        }
        options.add("RIGHTARG = " + o.right());
        if (o.commutator() != null) {
            options.add("COMMUTATOR = " + operatorReference(o.commutator()));
        }
        if (o.negator() != null) {
            options.add("NEGATOR = " + operatorReference(o.negator()));
        }
        if (o.restrict() != null) {
            options.add("RESTRICT = " + o.restrict());
        }
        if (o.join() != null) {
            options.add("JOIN = " + o.join());
        }
        if (o.hashes()) {
            options.add("HASHES");
        }
        if (o.merges()) {
            options.add("MERGES");
        }
        return "CREATE OPERATOR " + operatorName(o.name()) + " (" + String.join(", ", options) + ")";
    }

    /** A bare symbol is written {@code OPERATOR(sym)}, which is never taken for part of the next token. */
    private static String operatorReference(String sql) {
        return sql.startsWith("OPERATOR(") ? sql : "OPERATOR(" + sql + ")";
    }

    /** {@code DROP OPERATOR sym (left, right)}. */
    public static String dropOperator(dev.strata.model.Operator o) {
        return "DROP OPERATOR " + operatorName(o.name()) + " " + o.signature();
    }

    /** {@code CREATE FOREIGN DATA WRAPPER w [HANDLER f] [VALIDATOR f] [OPTIONS (...)]}. */
    public static String createWrapper(dev.strata.model.ForeignData.Wrapper w) {
        return "CREATE FOREIGN DATA WRAPPER " + Identifiers.quote(w.name())
                + (w.handler() == null ? "" : " HANDLER " + w.handler())
                + (w.validator() == null ? "" : " VALIDATOR " + w.validator()) + fdwOptions(w.options());
    }

    /** {@code ALTER FOREIGN DATA WRAPPER w ...} from {@code from} to {@code to}, or none. */
    public static List<String> alterWrapper(dev.strata.model.ForeignData.Wrapper from,
                                            dev.strata.model.ForeignData.Wrapper to) {
        List<String> parts = new ArrayList<>();
        if (!java.util.Objects.equals(from.handler(), to.handler())) {
            parts.add(to.handler() == null ? "NO HANDLER" : "HANDLER " + to.handler());
        }
        if (!java.util.Objects.equals(from.validator(), to.validator())) {
            parts.add(to.validator() == null ? "NO VALIDATOR" : "VALIDATOR " + to.validator());
        }
        String options = fdwOptions(from.options(), to.options());
        if (options != null) {
            parts.add(options);
        }
        return parts.isEmpty() ? List.of()
                : List.of("ALTER FOREIGN DATA WRAPPER " + Identifiers.quote(to.name()) + " " + String.join(" ", parts));
    }

    /** {@code CREATE SERVER s [TYPE 't'] [VERSION 'v'] FOREIGN DATA WRAPPER w [OPTIONS (...)]}. */
    public static String createServer(dev.strata.model.ForeignData.Server s) {
        return "CREATE SERVER " + Identifiers.quote(s.name())
                + (s.type() == null ? "" : " TYPE " + Identifiers.literal(s.type()))
                + (s.version() == null ? "" : " VERSION " + Identifiers.literal(s.version()))
                + " FOREIGN DATA WRAPPER " + Identifiers.quote(s.wrapper()) + fdwOptions(s.options());
    }

    /** {@code ALTER SERVER s [VERSION 'v'] [OPTIONS (...)]} from {@code from} to {@code to}, or none. */
    public static List<String> alterServer(dev.strata.model.ForeignData.Server from,
                                           dev.strata.model.ForeignData.Server to) {
        List<String> parts = new ArrayList<>();
        if (!java.util.Objects.equals(from.version(), to.version())) {
            parts.add("VERSION " + (to.version() == null ? "NULL" : Identifiers.literal(to.version())));
        }
        String options = fdwOptions(from.options(), to.options());
        if (options != null) {
            parts.add(options);
        }
        return parts.isEmpty() ? List.of()
                : List.of("ALTER SERVER " + Identifiers.quote(to.name()) + " " + String.join(" ", parts));
    }

    /** {@code CREATE ACCESS METHOD name TYPE TABLE|INDEX HANDLER f}. */
    public static String createAccessMethod(dev.strata.model.AccessMethod am) {
        return "CREATE ACCESS METHOD " + Identifiers.quote(am.name()) + " TYPE " + am.type() + " HANDLER " + am.handler();
    }

    /** {@code DROP COLLATION name}. */
    public static String dropCollation(dev.strata.model.Collation c) {
        return "DROP COLLATION " + Identifiers.quote(c.name());
    }

    /** {@code DROP SCHEMA name} (never CASCADE: its objects are dropped first, one by one). */
    public static String dropSchema(String name) {
        return "DROP SCHEMA " + Identifiers.quote(name);
    }

    /** {@code COMMENT ON SCHEMA name IS '...'} ({@code IS NULL} for {@code null}). */
    public static String commentOnSchema(String name, String comment) {
        return "COMMENT ON SCHEMA " + Identifiers.quote(name) + " IS "
                + (comment == null ? "NULL" : Identifiers.literal(comment));
    }

    /**
     * The comment of the target schema, named by {@code current_schema()} since migrations run with
     * the target first on the search path and do not name it. No comment on {@code public} is the
     * comment initdb gave it, which pg_dump leaves out.
     */
    public static String commentOnTargetSchema(String comment) {
        String value = comment == null
                ? "CASE current_schema() WHEN 'public' THEN 'standard public schema' END"
                : Identifiers.literal(comment);
        return "DO $strata$BEGIN EXECUTE format('COMMENT ON SCHEMA %I IS %L', current_schema(), " + value
                + "); END$strata$";
    }

    /** {@code ALTER EXTENSION name UPDATE TO 'version'}. */
    public static String alterExtensionVersion(Extension extension, String version) {
        return "ALTER EXTENSION " + Identifiers.quote(extension.name()) + " UPDATE TO " + Identifiers.literal(version);
    }

    /**
     * The reverse of {@code ALTER EXTENSION name UPDATE TO 'version'}: back to {@code from}, which
     * needs a downgrade script that extensions rarely ship. When PostgreSQL knows no path the
     * statement fails with a message that says so, rather than leaving the newer version in place
     * unnoticed or dropping the extension with what uses it.
     */
    public static String alterExtensionVersionBack(Extension extension, String current, String back) {
        String name = Identifiers.literal(extension.name());
        return "DO $strata$ BEGIN\n"
                + "  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_extension_update_paths(" + name + ")\n"
                + "                 WHERE source = " + Identifiers.literal(current) + " AND target = "
                + Identifiers.literal(back) + " AND path IS NOT NULL) THEN\n"
                + "    RAISE EXCEPTION 'extension % has no update path from version % back to %', " + name + ", "
                + Identifiers.literal(current) + ", " + Identifiers.literal(back) + "\n"
                + "      USING HINT = 'the extension ships no downgrade script: restore the old version by hand"
                + " (DROP EXTENSION and CREATE EXTENSION ... VERSION, with what uses it), then mark this"
                + " migration rolled back';\n"
                + "  END IF;\n"
                + "  ALTER EXTENSION " + Identifiers.quote(extension.name()) + " UPDATE TO " + Identifiers.literal(back)
                + ";\nEND $strata$";
    }

    /**
     * {@code ALTER EXTENSION name SET SCHEMA s}; {@code null} means the target schema, which SQL
     * text cannot name (a migration runs against whichever schema it is given), so the statement
     * then names {@code current_schema()} through a DO block.
     */
    public static String alterExtensionSchema(Extension extension, String schema) {
        if (schema != null) {
            return "ALTER EXTENSION " + Identifiers.quote(extension.name()) + " SET SCHEMA " + Identifiers.quote(schema);
        }
        return "DO $strata$ BEGIN EXECUTE format('ALTER EXTENSION %I SET SCHEMA %I', "
                + Identifiers.literal(extension.name()) + ", current_schema()); END $strata$";
    }

    /** {@code ALTER TABLE t DISABLE TRIGGER x} (or ENABLE [REPLICA|ALWAYS]): a trigger's enablement. */
    public static String alterTriggerEnablement(Trigger trigger, Trigger.Enablement enablement) {
        return "ALTER TABLE " + Identifiers.quote(trigger.table()) + " " + enablement.sql() + " " + trigger.keyword() + " "
                + Identifiers.quote(trigger.name());
    }

    /** {@code CREATE TYPE name AS ENUM ('a', 'b')}, labels in their sort order. */
    public static String createEnum(EnumType type) {
        return "CREATE TYPE " + Identifiers.quote(type.name()) + " AS ENUM ("
                + String.join(", ", type.labels().stream().map(Identifiers::literal).toList()) + ")";
    }

    /** {@code CREATE DOMAIN name AS base COLLATE c DEFAULT d NOT NULL CONSTRAINT n CHECK (...)}. */
    public static String createDomain(dev.strata.model.Domain domain) {
        StringBuilder sql = new StringBuilder("CREATE DOMAIN ").append(Identifiers.quote(domain.name()))
                .append(" AS ").append(domain.base().sql());
        if (domain.collation() != null) {
            sql.append(" COLLATE ").append(domain.collation());
        }
        if (domain.defaultExpr() != null) {
            sql.append(" DEFAULT ").append(domain.defaultExpr());
        }
        if (domain.notNull()) {
            sql.append(" NOT NULL");
        }
        for (dev.strata.model.Domain.Check check : domain.checks()) {
            if (!check.notValid()) {
                sql.append(' ').append(domainConstraint(check));
            }
        }
        return sql.toString();
    }

    /**
     * {@code ALTER DOMAIN d ADD CONSTRAINT n CHECK (...) NOT VALID} for each NOT VALID check:
     * CREATE DOMAIN takes no NOT VALID, so they are added after it.
     */
    public static List<String> addNotValidDomainChecks(dev.strata.model.Domain domain) {
        return domain.checks().stream().filter(dev.strata.model.Domain.Check::notValid)
                .map(c -> "ALTER DOMAIN " + Identifiers.quote(domain.name()) + " ADD " + domainConstraint(c))
                .toList();
    }

    /** {@code CONSTRAINT name CHECK (...)} of a domain. */
    public static String domainConstraint(dev.strata.model.Domain.Check check) {
        return "CONSTRAINT " + Identifiers.quote(check.name()) + " " + check.definition()
                + (check.notValid() ? " NOT VALID" : "");
    }

    /** {@code CREATE TYPE name AS (attribute type COLLATE c, ...)}. */
    public static String createCompositeType(dev.strata.model.CompositeType type) {
        return "CREATE TYPE " + Identifiers.quote(type.name()) + " AS ("
                + String.join(", ", type.attributes().stream().map(Ddl::attributeDefinition).toList()) + ")";
    }

    /** An attribute of a composite type: name, type and COLLATE. */
    public static String attributeDefinition(dev.strata.model.CompositeType.Attribute attribute) {
        return Identifiers.quote(attribute.name()) + " " + attribute.type().sql()
                + (attribute.collation() == null ? "" : " COLLATE " + attribute.collation());
    }

    /** {@code COMMENT ON DOMAIN d IS '...'}; a {@code null} comment removes it ({@code IS NULL}). */
    public static String commentOnDomain(QualifiedName domain, String comment) {
        return "COMMENT ON DOMAIN " + Identifiers.quote(domain) + " IS " + commentLiteral(comment);
    }

    /**
     * A column as it appears in CREATE TABLE or ADD COLUMN: name, type, COLLATE, generation or
     * identity, DEFAULT, NOT NULL. The collation is SQL as the record holds it ({@code "C"}).
     */
    public static String columnDefinition(Column column) {
        return columnDefinition(null, column);
    }

    /**
     * A column of {@code table} as in {@link #columnDefinition(Column)}, with its identity
     * sequence's options (and its name when it is not {@code <table>_<column>_seq}) and its
     * compression. A {@code null} table writes the sequence name whenever the column has one.
     */
    public static String columnDefinition(QualifiedName table, Column column) {
        StringBuilder sql = new StringBuilder(Identifiers.quote(column.name())).append(' ')
                .append(column.type().sql());
        if (column.compression() != null) {
            sql.append(" COMPRESSION ").append(column.compression());
        }
        if (column.collation() != null) {
            sql.append(" COLLATE ").append(column.collation());
        }
        if (column.generatedExpr() != null) {
            sql.append(" GENERATED ALWAYS AS (").append(column.generatedExpr()).append(") STORED");
        }
        if (column.identity() != null) {
            sql.append(" GENERATED ").append(column.identity().sql()).append(" AS IDENTITY")
                    .append(SettingsDdl.identityOptions(table, column));
        }
        if (column.defaultExpr() != null) {
            sql.append(" DEFAULT ").append(column.defaultExpr());
        }
        if (column.notNull()) {
            sql.append(" NOT NULL");
        }
        return sql.toString();
    }

    /**
     * {@code CREATE TABLE} with its columns and, inline, every constraint as
     * {@code CONSTRAINT name ...}; foreign keys only when {@code withForeignKeys} (otherwise they
     * are added later with {@link #addConstraint}, so that tables referring to each other can be
     * created). Constraints {@link #addedAfterCreate} are left out: the caller adds them.
     */
    public static String createTable(Table table, boolean withForeignKeys) {
        List<String> elements = new ArrayList<>();
        for (Column column : table.columns()) {
            elements.add(columnDefinition(table.name(), column));
        }
        for (Constraint constraint : table.constraints()) {
            if ((withForeignKeys || !(constraint instanceof Constraint.ForeignKey)) && !addedAfterCreate(constraint)) {
                elements.add(namedConstraint(constraint));
            }
        }
        String head = "CREATE " + (table.unlogged() ? "UNLOGGED " : "") + (table.isForeign() ? "FOREIGN " : "") + "TABLE "
                + Identifiers.quote(table.name());
        String server = table.isForeign()
                ? "\nSERVER " + Identifiers.quote(table.foreign().server()) + fdwOptions(table.foreign().options()) : "";
        String body = " (\n    " + String.join(",\n    ", elements) + "\n)";
        TableLineage lineage = table.lineage();
        String using = table.accessMethod() == null ? "" : " USING " + Identifiers.quote(table.accessMethod());
        if (lineage.equals(TableLineage.NONE)) {
            return head + body + using + server + with(table.storage());
        }
        StringBuilder sql = new StringBuilder(head);
        if (lineage.isPartition()) {
            sql.append(" PARTITION OF ").append(Identifiers.quote(lineage.partitionOf()))
                    .append(elements.isEmpty() ? "" : body).append('\n').append(lineage.partitionBound());
        } else if (lineage.ofType() != null) {
            sql.append(" OF ").append(Identifiers.quote(lineage.ofType())).append(elements.isEmpty() ? "" : body);
        } else {
            sql.append(elements.isEmpty() ? " ()" : body);
            if (!lineage.inherits().isEmpty()) {
                sql.append(" INHERITS (").append(String.join(", ",
                        lineage.inherits().stream().map(Identifiers::quote).toList())).append(')');
            }
        }
        if (lineage.isPartitioned()) {
            sql.append(" PARTITION BY ").append(lineage.partitionKey());
        }
        return sql.append(using).append(server).append(with(table.storage())).toString();
    }

    /** {@code ALTER TABLE parent ATTACH PARTITION partition FOR VALUES ...} (or {@code DEFAULT}). */
    public static String attachPartition(QualifiedName parent, QualifiedName partition, String bound) {
        return "ALTER TABLE " + Identifiers.quote(parent) + " ATTACH PARTITION " + Identifiers.quote(partition) + " "
                + bound;
    }

    /** {@code ALTER TABLE parent DETACH PARTITION partition}. */
    public static String detachPartition(QualifiedName parent, QualifiedName partition) {
        return "ALTER TABLE " + Identifiers.quote(parent) + " DETACH PARTITION " + Identifiers.quote(partition);
    }

    /** {@code  WITH (a=1, b=x)} for non-empty storage parameters, else the empty string. */
    static String with(Map<String, String> storage) {
        return storage.isEmpty() ? "" : " WITH (" + storageList(storage) + ")";
    }

    /** {@code a=1, b='x y'}: names as stored, values bare when they are a plain word or number, else quoted. */
    public static String storageList(Map<String, String> storage) {
        List<String> items = new ArrayList<>();
        new TreeMap<>(storage).forEach((k, v) -> items.add(k + "=" + storageValue(v)));
        return String.join(", ", items);
    }

    private static String storageValue(String value) {
        return PLAIN_VALUE.matcher(value).matches() ? value : Identifiers.literal(value);
    }

    /**
     * {@code ALTER <kind> name SET (...)} for parameters added or changed and {@code ALTER <kind>
     * name RESET (...)} for parameters removed, from {@code from} to {@code to}; nothing when equal.
     */
    public static List<String> alterStorage(String kind, String quotedName, Map<String, String> from,
                                            Map<String, String> to) {
        List<String> sql = new ArrayList<>();
        Map<String, String> set = new TreeMap<>();
        to.forEach((k, v) -> {
            if (!v.equals(from.get(k))) {
                set.put(k, v);
            }
        });
        List<String> reset = from.keySet().stream().filter(k -> !to.containsKey(k)).sorted().toList();
        if (!reset.isEmpty()) {
            sql.add("ALTER " + kind + " " + quotedName + " RESET (" + String.join(", ", reset) + ")");
        }
        if (!set.isEmpty()) {
            sql.add("ALTER " + kind + " " + quotedName + " SET (" + storageList(set) + ")");
        }
        return sql;
    }

    /** {@code ALTER TABLE t FORCE ROW LEVEL SECURITY}, or {@code NO FORCE} when {@code force} is false. */
    public static String forceRowLevelSecurity(QualifiedName table, boolean force) {
        return "ALTER TABLE " + Identifiers.quote(table) + (force ? " FORCE" : " NO FORCE") + " ROW LEVEL SECURITY";
    }

    /** {@code COMMENT ON INDEX i IS '...'}; a {@code null} comment removes it ({@code IS NULL}). */
    public static String commentOnIndex(Index index, String comment) {
        return "COMMENT ON INDEX " + Identifiers.quote(new QualifiedName(index.table().schema(), index.name()))
                + " IS " + commentLiteral(comment);
    }

    /**
     * The text of a constraint after {@code CONSTRAINT name}, with its options in the order
     * PostgreSQL prints them ({@code pg_get_constraintdef}): NO INHERIT, MATCH FULL, DEFERRABLE,
     * INITIALLY DEFERRED, NOT VALID.
     */
    public static String constraintDefinition(Constraint constraint) {
        if (constraint instanceof Constraint.PrimaryKey pk) {
            return "PRIMARY KEY (" + Identifiers.quoteList(pk.columns()) + ")" + indexParameters(pk.include(), pk.storage())
                    + deferrability(pk.deferrable(), pk.initiallyDeferred());
        } else if (constraint instanceof Constraint.Unique unique) {
            return "UNIQUE " + (unique.nullsNotDistinct() ? "NULLS NOT DISTINCT " : "")
                    + "(" + Identifiers.quoteList(unique.columns()) + ")"
                    + indexParameters(unique.include(), unique.storage())
                    + deferrability(unique.deferrable(), unique.initiallyDeferred());
        } else if (constraint instanceof Constraint.Check check) {
            return "CHECK (" + check.expression() + ")" + (check.noInherit() ? " NO INHERIT" : "")
                    + (check.notValid() ? " NOT VALID" : "");
        } else if (constraint instanceof Constraint.ForeignKey fk) {
            return foreignKeyDefinition(fk);
        } else if (constraint instanceof Constraint.Exclusion exclusion) {
            return exclusion.definition() + deferrability(exclusion.deferrable(), exclusion.initiallyDeferred());
        }
        throw new IllegalStateException("unsupported constraint " + constraint);
    }

    /** {@code " DEFERRABLE"}, {@code " DEFERRABLE INITIALLY DEFERRED"} or nothing. */
    static String deferrability(boolean deferrable, boolean initiallyDeferred) {
        return !deferrable ? "" : initiallyDeferred ? " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE";
    }

    /**
     * {@code FOREIGN KEY (a) REFERENCES t (b)} with MATCH FULL, ON DELETE / ON UPDATE when not NO
     * ACTION, DEFERRABLE [INITIALLY DEFERRED] and NOT VALID. Without referenced columns the reference
     * is to the primary key.
     */
    /** {@code  INCLUDE (a, b) WITH (fillfactor=70)} of a primary key or unique constraint, each part when set. */
    private static String indexParameters(List<String> include, Map<String, String> storage) {
        return (include.isEmpty() ? "" : " INCLUDE (" + Identifiers.quoteList(include) + ")") + with(storage);
    }

    public static String foreignKeyDefinition(Constraint.ForeignKey fk) {
        StringBuilder sql = new StringBuilder("FOREIGN KEY (").append(Identifiers.quoteList(fk.columns()))
                .append(") REFERENCES ").append(Identifiers.quote(fk.refTable()));
        if (!fk.refColumns().isEmpty()) {
            sql.append(" (").append(Identifiers.quoteList(fk.refColumns())).append(')');
        }
        if (fk.match() == Constraint.Match.FULL) {
            sql.append(" MATCH FULL");
        }
        if (fk.onDelete() != Constraint.Action.NO_ACTION) {
            sql.append(" ON DELETE ").append(fk.onDelete().sql());
            if (!fk.deleteSetColumns().isEmpty()) {
                sql.append(" (").append(Identifiers.quoteList(fk.deleteSetColumns())).append(')');
            }
        }
        if (fk.onUpdate() != Constraint.Action.NO_ACTION) {
            sql.append(" ON UPDATE ").append(fk.onUpdate().sql());
        }
        sql.append(deferrability(fk.deferrable(), fk.initiallyDeferred()));
        if (fk.notValid()) {
            sql.append(" NOT VALID");
        }
        return sql.toString();
    }

    /**
     * Whether CREATE TABLE cannot hold the constraint as it is: PostgreSQL marks a NOT VALID check
     * given there as valid, so such a check is added after the table with {@link #addConstraint}.
     */
    public static boolean addedAfterCreate(Constraint constraint) {
        return constraint instanceof Constraint.Check check && check.notValid();
    }

    /** {@code ALTER TABLE t RENAME CONSTRAINT a TO b} (PostgreSQL renames a key's index with it). */
    public static String renameConstraint(QualifiedName table, String from, String to) {
        return "ALTER TABLE " + Identifiers.quote(table) + " RENAME CONSTRAINT " + Identifiers.quote(from) + " TO "
                + Identifiers.quote(to);
    }

    /** {@code ALTER TABLE t ALTER CONSTRAINT name [NOT] DEFERRABLE INITIALLY DEFERRED|IMMEDIATE} (foreign keys). */
    public static String alterConstraintDeferrability(QualifiedName table, String name, boolean deferrable,
                                                      boolean initiallyDeferred) {
        return "ALTER TABLE " + Identifiers.quote(table) + " ALTER CONSTRAINT " + Identifiers.quote(name)
                + (deferrable ? " DEFERRABLE" : " NOT DEFERRABLE")
                + (initiallyDeferred ? " INITIALLY DEFERRED" : " INITIALLY IMMEDIATE");
    }

    /** {@code ALTER TABLE t VALIDATE CONSTRAINT name}. */
    public static String validateConstraint(QualifiedName table, String name) {
        return "ALTER TABLE " + Identifiers.quote(table) + " VALIDATE CONSTRAINT " + Identifiers.quote(name);
    }

    /** {@code ALTER TABLE t ADD CONSTRAINT name ...}. */
    public static String addConstraint(QualifiedName table, Constraint constraint) {
        return "ALTER TABLE " + Identifiers.quote(table) + " ADD " + namedConstraint(constraint);
    }

    /**
     * {@code CREATE [UNIQUE] INDEX [CONCURRENTLY] name ON t USING method (keys) [INCLUDE (...)]
     * [WITH (...)] [WHERE (...)]}, the predicate in one pair of parentheses. Keys are SQL already and go in
     * verbatim; INCLUDE entries are column names.
     */
    public static String createIndex(Index index, boolean concurrently) {
        StringBuilder sql = new StringBuilder("CREATE ");
        if (index.unique()) {
            sql.append("UNIQUE ");
        }
        sql.append("INDEX ");
        if (concurrently) {
            sql.append("CONCURRENTLY ");
        }
        sql.append(Identifiers.quote(index.name())).append(" ON ").append(Identifiers.quote(index.table()))
                .append(" USING ").append(index.method())
                .append(" (").append(String.join(", ", index.keys())).append(')');
        if (!index.include().isEmpty()) {
            sql.append(" INCLUDE (").append(Identifiers.quoteList(index.include())).append(')');
        }
        if (index.nullsNotDistinct()) {
            sql.append(" NULLS NOT DISTINCT");
        }
        sql.append(with(index.storage()));
        if (index.where() != null) {
            sql.append(" WHERE ").append(parenthesized(index.where().strip()));
        }
        return sql.toString();
    }

    /**
     * The expression in one pair of parentheses: as it is when one pair already encloses all of
     * it (as PostgreSQL prints an index predicate), else wrapped. {@code (a) AND (b)} starts and
     * ends with a parenthesis but is not enclosed, so the pairs are matched, outside string
     * literals and quoted identifiers.
     */
    static String parenthesized(String expr) {
        return SqlText.enclosed(expr) ? expr : "(" + expr + ")";
    }

    /** {@code COMMENT ON TABLE t IS '...'}; a {@code null} comment removes it ({@code IS NULL}). */
    public static String commentOnTable(QualifiedName table, String comment) {
        return commentOnTable(table, comment, false);
    }

    /** {@code COMMENT ON [FOREIGN] TABLE t IS '...'}. */
    public static String commentOnTable(QualifiedName table, String comment, boolean foreign) {
        return "COMMENT ON " + (foreign ? "FOREIGN " : "") + "TABLE " + Identifiers.quote(table) + " IS "
                + commentLiteral(comment);
    }

    /** {@code COMMENT ON COLUMN t.c IS '...'}; a {@code null} comment removes it ({@code IS NULL}). */
    public static String commentOnColumn(QualifiedName table, String column, String comment) {
        return "COMMENT ON COLUMN " + Identifiers.quote(table) + "." + Identifiers.quote(column)
                + " IS " + commentLiteral(comment);
    }

    /**
     * The statements that give a just-created partition, inheritance child or typed table its own
     * options on the columns it derives: {@code ALTER TABLE ONLY t ALTER COLUMN c SET DEFAULT ...}
     * (or {@code DROP DEFAULT} where the parent has one), {@code SET NOT NULL}, {@code COMMENT ON
     * COLUMN}. CREATE TABLE has copied the parent's default and NOT NULL already.
     */
    public static List<String> derivedColumnOptions(Table table) {
        List<String> sql = new ArrayList<>();
        table.lineage().columnOptions().forEach((column, o) -> {
            String alter = "ALTER TABLE ONLY " + Identifiers.quote(table.name()) + " ALTER COLUMN "
                    + Identifiers.quote(column) + " ";
            if (o.defaultExpr() != null) {
                sql.add(alter + "SET DEFAULT " + o.defaultExpr());
            } else if (o.noDefault()) {
                sql.add(alter + "DROP DEFAULT");
            }
            if (o.notNull()) {
                sql.add("ALTER TABLE " + Identifiers.quote(table.name()) + " ALTER COLUMN " + Identifiers.quote(column)
                        + " SET NOT NULL");
            }
            if (o.comment() != null) {
                sql.add(commentOnColumn(table.name(), column, o.comment()));
            }
        });
        return sql;
    }

    /**
     * The statements that set a derived column's default, NOT NULL and comment on one table to
     * {@code to}: each part only where {@code from} differs, or always when {@code from} is
     * {@code null} (a parent's statement has just recursed into the table).
     */
    public static List<String> derivedColumnSettings(QualifiedName table, String column,
                                                     dev.strata.model.DerivedColumn.Effective from,
                                                     dev.strata.model.DerivedColumn.Effective to,
                                                     boolean defaults, boolean notNulls, boolean comments) {
        List<String> sql = new ArrayList<>();
        if (to == null) {
            return sql;
        }
        String col = " ALTER COLUMN " + Identifiers.quote(column) + " ";
        if (defaults && (from == null || !java.util.Objects.equals(from.defaultExpr(), to.defaultExpr()))) {
            sql.add("ALTER TABLE ONLY " + Identifiers.quote(table) + col
                    + (to.defaultExpr() == null ? "DROP DEFAULT" : "SET DEFAULT " + to.defaultExpr()));
        }
        if (notNulls && (from == null || from.notNull() != to.notNull())) {
            sql.add("ALTER TABLE " + Identifiers.quote(table) + col + (to.notNull() ? "SET NOT NULL" : "DROP NOT NULL"));
        }
        if (comments && (from == null ? to.comment() != null : !java.util.Objects.equals(from.comment(), to.comment()))) {
            sql.add(commentOnColumn(table, column, to.comment()));
        }
        return sql;
    }

    /** {@code COMMENT ON TYPE t IS '...'}; a {@code null} comment removes it ({@code IS NULL}). */
    public static String commentOnType(QualifiedName type, String comment) {
        return "COMMENT ON TYPE " + Identifiers.quote(type) + " IS " + commentLiteral(comment);
    }

    /** {@code ALTER TABLE t ENABLE ROW LEVEL SECURITY}. */
    public static String enableRowLevelSecurity(QualifiedName table) {
        return "ALTER TABLE " + Identifiers.quote(table) + " ENABLE ROW LEVEL SECURITY";
    }

    /** {@code ALTER TABLE t DISABLE ROW LEVEL SECURITY}, the reverse of {@link #enableRowLevelSecurity}. */
    public static String disableRowLevelSecurity(QualifiedName table) {
        return "ALTER TABLE " + Identifiers.quote(table) + " DISABLE ROW LEVEL SECURITY";
    }

    /** {@code CREATE SEQUENCE} with every option spelled out, and OWNED BY when the sequence has an owner. */
    public static String createSequence(Sequence sequence) {
        return createSequence(sequence, true);
    }

    /**
     * {@code CREATE SEQUENCE} with every option spelled out (so the result does not depend on
     * PostgreSQL's defaults); OWNED BY only when {@code withOwner} and the sequence has an owner.
     * Without it, {@link #alterSequenceOwnedBy} attaches the owner once its table exists.
     */
    public static String createSequence(Sequence sequence, boolean withOwner) {
        StringBuilder sql = new StringBuilder(sequence.unlogged() ? "CREATE UNLOGGED SEQUENCE " : "CREATE SEQUENCE ")
                .append(Identifiers.quote(sequence.name()));
        if (sequence.dataType() != null) {
            sql.append(" AS ").append(sequence.dataType());
        }
        sql.append(" INCREMENT BY ").append(sequence.increment())
                .append(" MINVALUE ").append(sequence.minValue())
                .append(" MAXVALUE ").append(sequence.maxValue())
                .append(" START WITH ").append(sequence.start())
                .append(" CACHE ").append(sequence.cache())
                .append(sequence.cycle() ? " CYCLE" : " NO CYCLE");
        if (withOwner && sequence.ownedBy() != null) {
            sql.append(" OWNED BY ").append(ownerColumn(sequence));
        }
        return sql.toString();
    }

    /** {@code COMMENT ON SEQUENCE s IS '...'}, or {@code IS NULL} when the comment is {@code null}. */
    public static String commentOnSequence(QualifiedName sequence, String comment) {
        return "COMMENT ON SEQUENCE " + Identifiers.quote(sequence) + " IS " + commentLiteral(comment);
    }

    /** {@code ALTER SEQUENCE s OWNED BY t.c}, or {@code OWNED BY NONE} when the sequence has no owner. */
    public static String alterSequenceOwnedBy(Sequence sequence) {
        return "ALTER SEQUENCE " + Identifiers.quote(sequence.name()) + " OWNED BY "
                + (sequence.ownedBy() == null ? "NONE" : ownerColumn(sequence));
    }

    private static String ownerColumn(Sequence sequence) {
        return SequenceOwner.of(sequence).ownedBy();
    }

    private static String namedConstraint(Constraint constraint) {
        return "CONSTRAINT " + Identifiers.quote(constraint.name()) + " " + constraintDefinition(constraint);
    }

    private static String commentLiteral(String comment) {
        return comment == null ? "NULL" : Identifiers.literal(comment);
    }
}
