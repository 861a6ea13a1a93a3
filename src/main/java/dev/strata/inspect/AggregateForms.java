package dev.strata.inspect;

import dev.strata.model.Aggregate;
import dev.strata.model.Function;
import dev.strata.sql.SqlText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import us.bpsm.edn.Keyword;

/**
 * AggregateForms writes an aggregate as functions.edn takes it: {@code {:type :aggregate :args
 * ["text"] :sfunc :concat-step :stype "text" ...}}. Types and qualified or quoted function names
 * are strings taken as SQL, so they read back exactly; a plain function name is a keyword.
 */
final class AggregateForms {
    private AggregateForms() {
    }

    static Map<Object, Object> of(Function function) {
        Aggregate a = function.aggregate();
        Map<Object, Object> spec = new LinkedHashMap<>();
        spec.put(ModelNames.kw("type"), ModelNames.kw("aggregate"));
        if (!(ModelNames.key(function.name().name()) instanceof Keyword)) {
            spec.put(ModelNames.kw("name"), function.name().name());
        }
        List<Object> arguments = new ArrayList<>();
        String direct = a.arguments();
        String ordered = null;
        java.util.regex.Matcher orderBy = java.util.regex.Pattern.compile("(?i)(?:^|\\s)ORDER\\s+BY\\s+").matcher(direct);
        if (orderBy.find()) {
            ordered = direct.substring(orderBy.end()).strip();
            direct = direct.substring(0, orderBy.start()).strip();
        }
        if (!direct.equals("*") && !direct.isEmpty()) {
            arguments.addAll(SqlText.splitTopLevel(direct));
        }
        spec.put(ModelNames.kw("args"), arguments);
        if (ordered != null) {
            spec.put(ModelNames.kw("order-by"), new ArrayList<Object>(SqlText.splitTopLevel(ordered)));
        }
        if (a.hypothetical()) {
            spec.put(ModelNames.kw("hypothetical"), true);
        }
        spec.put(ModelNames.kw("sfunc"), function(a.sfunc()));
        spec.put(ModelNames.kw("stype"), a.stype());
        if (a.sspace() != 0) {
            spec.put(ModelNames.kw("sspace"), a.sspace());
        }
        putFunction(spec, "finalfunc", a.finalfunc());
        if (a.finalfuncExtra()) {
            spec.put(ModelNames.kw("finalfunc-extra"), true);
        }
        putWord(spec, "finalfunc-modify", a.finalfuncModify());
        putFunction(spec, "combinefunc", a.combinefunc());
        putFunction(spec, "serialfunc", a.serialfunc());
        putFunction(spec, "deserialfunc", a.deserialfunc());
        if (a.initcond() != null) {
            spec.put(ModelNames.kw("initcond"), a.initcond());
        }
        if (a.sortop() != null) {
            spec.put(ModelNames.kw("sortop"), a.sortop());
        }
        putWord(spec, "parallel", a.parallel());
        Aggregate.Moving m = a.moving();
        if (m != null) {
            spec.put(ModelNames.kw("msfunc"), function(m.msfunc()));
            spec.put(ModelNames.kw("minvfunc"), function(m.minvfunc()));
            spec.put(ModelNames.kw("mstype"), m.mstype());
            if (m.msspace() != 0) {
                spec.put(ModelNames.kw("msspace"), m.msspace());
            }
            putFunction(spec, "mfinalfunc", m.mfinalfunc());
            if (m.mfinalfuncExtra()) {
                spec.put(ModelNames.kw("mfinalfunc-extra"), true);
            }
            putWord(spec, "mfinalfunc-modify", m.mfinalfuncModify());
            if (m.minitcond() != null) {
                spec.put(ModelNames.kw("minitcond"), m.minitcond());
            }
        }
        return spec;
    }

    private static final java.util.regex.Pattern DICT_OPTION = java.util.regex.Pattern.compile(
            "\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*(?:'((?:[^']|'')*)'|([^,'\\s]+))\\s*(?:,|$)");

    /**
     * The models.edn entry of a text search object, or {@code null} when a dictionary's options
     * are not {@code name = 'value'} pairs (then inspect reports it).
     */
    static Map<Object, Object> of(dev.strata.model.TextSearch t) {
        Map<Object, Object> spec = new LinkedHashMap<>();
        spec.put(ModelNames.kw("type"), ModelNames.kw("text-search-" + t.kind().name().toLowerCase(Locale.ROOT)));
        for (Map.Entry<String, String> e : t.options().entrySet()) {
            String option = e.getKey().toLowerCase(Locale.ROOT);
            if (option.equals("options")) {
                Map<Object, Object> options = new LinkedHashMap<>();
                java.util.regex.Matcher m = DICT_OPTION.matcher(e.getValue());
                int end = 0;
                while (m.lookingAt()) {
                    options.put(ModelNames.key(m.group(1).toLowerCase(Locale.ROOT)),
                            m.group(2) != null ? m.group(2).replace("''", "'") : m.group(3));
                    end = m.end();
                    m.region(end, e.getValue().length());
                }
                if (end != e.getValue().length()) {
                    return null;
                }
                spec.put(ModelNames.kw("options"), options);
            } else {
                spec.put(ModelNames.kw(option), function(e.getValue()));
            }
        }
        if (!t.mappings().isEmpty()) {
            Map<Object, Object> mappings = new LinkedHashMap<>();
            t.mappings().forEach((token, dicts) -> mappings.put(ModelNames.key(token),
                    new ArrayList<Object>(dicts.stream().map(AggregateForms::function).toList())));
            spec.put(ModelNames.kw("mappings"), mappings);
        }
        if (t.comment() != null) {
            spec.put(ModelNames.kw("comment"), t.comment());
        }
        return spec;
    }

    /** The models.edn entry of an operator. */
    static Map<Object, Object> of(dev.strata.model.Operator o) {
        Map<Object, Object> spec = new LinkedHashMap<>();
        spec.put(ModelNames.kw("type"), ModelNames.kw("operator"));
        spec.put(ModelNames.kw("name"), o.name().name());
        if (o.name().schema() != null) {
            spec.put(ModelNames.kw("schema"), ModelNames.key(o.name().schema()));
        }
        if (o.left() != null) {
            spec.put(ModelNames.kw("left"), o.left());
        }
        spec.put(ModelNames.kw("right"), o.right());
        spec.put(ModelNames.kw("function"), function(o.function()));
        if (o.commutator() != null) {
            spec.put(ModelNames.kw("commutator"), o.commutator());
        }
        if (o.negator() != null) {
            spec.put(ModelNames.kw("negator"), o.negator());
        }
        putFunction(spec, "restrict", o.restrict());
        putFunction(spec, "join", o.join());
        if (o.hashes()) {
            spec.put(ModelNames.kw("hashes"), true);
        }
        if (o.merges()) {
            spec.put(ModelNames.kw("merges"), true);
        }
        if (o.comment() != null) {
            spec.put(ModelNames.kw("comment"), o.comment());
        }
        return spec;
    }

    /** A plain lower-case name as a keyword ({@code :concat-step}), anything else as the SQL string. */
    static Object function(String sql) {
        // A keyword is quoted again as needed when read ("default" is a reserved word).
        boolean quoted = sql.matches("\"[a-z_][a-z0-9_]*\"");
        String bare = quoted ? sql.substring(1, sql.length() - 1) : sql;
        return bare.matches("[a-z_][a-z0-9_]*") && (quoted || !dev.strata.sql.Identifiers.needsQuoting(bare))
                ? ModelNames.key(bare) : sql;
    }

    static void putFunction(Map<Object, Object> spec, String option, String sql) {
        if (sql != null) {
            spec.put(ModelNames.kw(option), function(sql));
        }
    }

    /** {@code READ_WRITE} gives {@code :read-write}. */
    private static void putWord(Map<Object, Object> spec, String option, String sql) {
        if (sql != null) {
            spec.put(ModelNames.kw(option), ModelNames.kw(sql.toLowerCase(Locale.ROOT).replace('_', '-')));
        }
    }
}
