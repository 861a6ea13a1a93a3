package dev.strata.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ExpressionForms brings the expressions PostgreSQL prints to a fixed point: the form that reads
 * back the same after it is applied again. PostgreSQL prints {@code v IN ('a', 'b')} on a varchar
 * column as {@code ((ARRAY['a'::character varying, ...])::text[])}; applying that text stores
 * {@code ARRAY[('a'::character varying)::text, ...]}, which then prints as itself. Without this
 * step a model and the database its own migration built would differ forever.
 */
final class ExpressionForms {
    private static final String LITERAL = "'(?:[^']|'')*'::[A-Za-z_][A-Za-z0-9_ ]*(?:\\(\\d+(?:,\\d+)?\\))?";
    private static final Pattern CAST_ARRAY = Pattern.compile(
            "\\(ARRAY\\[(" + LITERAL + "(?:, " + LITERAL + ")*)\\]\\)::([A-Za-z_][A-Za-z0-9_ ]*)\\[\\]");
    private static final Pattern ELEMENT = Pattern.compile(LITERAL);

    private ExpressionForms() {
    }

    /** The fixed-point form of an expression, or {@code null} for {@code null}. */
    static String canonical(String expression) {
        if (expression == null || !expression.contains("ARRAY[")) {
            return expression;
        }
        Matcher m = CAST_ARRAY.matcher(expression);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            List<String> elements = new ArrayList<>();
            Matcher e = ELEMENT.matcher(m.group(1));
            while (e.find()) {
                elements.add("(" + e.group() + ")::" + m.group(2));
            }
            m.appendReplacement(out, Matcher.quoteReplacement("ARRAY[" + String.join(", ", elements) + "]"));
        }
        m.appendTail(out);
        return out.toString();
    }
}
