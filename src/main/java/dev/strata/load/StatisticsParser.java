package dev.strata.load;

import dev.strata.edn.EdnPrinter;
import dev.strata.model.QualifiedName;
import dev.strata.model.Statistics;
import dev.strata.sql.Identifiers;
import dev.strata.sql.SqlText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import us.bpsm.edn.Keyword;

/**
 * StatisticsParser reads an extended statistics entry: {@code {:type :statistics :table :orders
 * :on [:customer-id :region [:raw "lower(city)"]] :kinds [:ndistinct :mcv] :target 500 :comment
 * "..."}} keyed by the object's name, a CREATE STATISTICS.
 */
final class StatisticsParser {
    static final Set<String> OPTIONS = Set.of("type", "table", "on", "kinds", "target", "comment");
    /** PostgreSQL's kinds, in the order its definition prints them. */
    static final List<String> KINDS = List.of("ndistinct", "dependencies", "mcv");
    /** The largest target PostgreSQL takes ({@code MAX_STATISTICS_TARGET}). */
    static final int MAX_TARGET = 10000;

    /** A statistics object as parsed, with the columns its keys name (to check against the table). */
    record Draft(Statistics statistics, List<String> namedColumns, Location where, String subject) {
    }

    private StatisticsParser() {
    }

    static Draft parse(Object key, Map<?, ?> m, Location where, String subject, Problems problems) {
        int before = problems.size();
        for (Object k : m.keySet()) {
            if (!(k instanceof Keyword kw) || !OPTIONS.contains(kw.getName())) {
                problems.add(where, subject, "unknown statistics option " + EdnPrinter.flat(k),
                        "use :table :on :kinds :target :comment");
            }
        }
        String name = Names.identifier(key instanceof Keyword k ? Keyword.newKeyword(k.getName()) : key);
        if (Names.bytes(name) > Names.MAX_BYTES) {
            problems.add(where, subject, FieldParser.tooLong(name), "use a shorter statistics name");
        }
        Object tableForm = m.get(FieldParser.kw("table"));
        QualifiedName table = null;
        if (tableForm instanceof Keyword k) {
            table = new QualifiedName(Names.schemaOf(k), Names.identifier(Keyword.newKeyword(k.getName())));
        } else if (tableForm instanceof String s && !s.isBlank()) {
            table = QualifiedName.of(s);
        } else {
            problems.add(where, subject, tableForm == null ? "statistics need :table" : "bad :table " + EdnPrinter.flat(tableForm),
                    "write :table :orders (a keyword with a namespace, :sales/orders, names another schema's table)");
        }
        List<String> keys = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        int expressions = 0;
        Object on = m.get(FieldParser.kw("on"));
        if (!(on instanceof List<?> list) || list.isEmpty()) {
            problems.add(where, subject, on == null ? "statistics need :on" : "bad :on " + EdnPrinter.flat(on),
                    "write :on [:column-a :column-b] or :on [[:raw \"lower(city)\"]]");
        } else {
            for (Object k : list) {
                if (k instanceof Keyword || k instanceof String s && !s.isBlank()) {
                    String column = Names.identifier(k);
                    columns.add(column);
                    keys.add(Identifiers.quote(column));
                } else if (k instanceof List<?> raw && raw.size() == 2 && FieldParser.kw("raw").equals(raw.get(0))
                        && raw.get(1) instanceof String sql && !sql.isBlank()) {
                    String expression = sql.strip();
                    keys.add(SqlText.enclosed(expression) ? expression : "(" + expression + ")");
                    expressions++;
                } else {
                    problems.add(where, subject, "bad statistics key " + EdnPrinter.flat(k),
                            "use a column keyword, a string naming a column as written, or [:raw \"expression\"]");
                }
            }
            if (problems.size() == before && keys.size() == 1 && expressions == 0) {
                problems.add(where, subject, "extended statistics on one column only",
                        "PostgreSQL keeps single-column statistics itself: list two or more keys, or one [:raw \"expression\"]");
            }
            if (columns.stream().distinct().count() < columns.size()) {
                problems.add(where, subject, "a column is listed twice in :on", "list each column once");
            }
        }
        List<String> kinds = new ArrayList<>();
        Object kindsForm = m.get(FieldParser.kw("kinds"));
        if (kindsForm != null) {
            if (!(kindsForm instanceof List<?> kl) || kl.isEmpty()
                    || !kl.stream().allMatch(x -> x instanceof Keyword kw && KINDS.contains(kw.getName()))) {
                problems.add(where, subject, "bad :kinds " + EdnPrinter.flat(kindsForm),
                        "write :kinds with one or more of :ndistinct :dependencies :mcv, or leave it out for all of them");
            } else {
                List<String> written = kl.stream().map(x -> ((Keyword) x).getName()).toList();
                KINDS.stream().filter(written::contains).forEach(kinds::add);
                if (keys.size() == 1 && expressions == 1) {
                    problems.add(where, subject, "statistics on a single expression take no :kinds",
                            "remove :kinds (PostgreSQL builds expression statistics only), or add a second key");
                }
            }
        }
        if (kinds.equals(KINDS)) {
            kinds.clear();
        }
        Integer target = null;
        Object targetForm = m.get(FieldParser.kw("target"));
        if (targetForm != null) {
            if (targetForm instanceof Long n && n >= 0 && n <= MAX_TARGET) {
                target = n.intValue();
            } else {
                problems.add(where, subject, "bad :target " + EdnPrinter.flat(targetForm),
                        "write an integer from 0 to " + MAX_TARGET + " (ALTER STATISTICS ... SET STATISTICS), or leave it out for the default");
            }
        }
        Object comment = m.get(FieldParser.kw("comment"));
        if (comment != null && !(comment instanceof String)) {
            problems.add(where, subject, ":comment must be a string", "write :comment \"...\"");
        }
        if (problems.size() > before) {
            return null;
        }
        return new Draft(new Statistics(new QualifiedName(Names.schemaOf(key), name), table, kinds, String.join(", ", keys),
                List.of(), target, (String) comment), List.copyOf(columns), where, subject);
    }
}
