package dev.strata.tenants;

import java.util.List;

/**
 * Selection represents how a command narrows the tenants the rule finds: {@code --tenant} (names,
 * each must be a tenant), {@code --tenants-like} (a LIKE pattern) and {@code --exclude} (names).
 * Empty parts narrow nothing.
 */
public record Selection(List<String> tenants, String like, List<String> exclude, boolean strict) {
    public static final Selection ALL = new Selection(List.of(), null, List.of());

    public Selection {
        tenants = tenants == null ? List.of() : List.copyOf(tenants);
        exclude = exclude == null ? List.of() : List.copyOf(exclude);
    }

    /** A strict selection: a named tenant that the database lacks is an error. */
    public Selection(List<String> tenants, String like, List<String> exclude) {
        this(tenants, like, exclude, true);
    }

    /** This selection, where a named tenant one database lacks is simply not there (a fleet over several databases). */
    public Selection lenient() {
        return new Selection(tenants, like, exclude, false);
    }

    public static Selection of(String... names) {
        return new Selection(List.of(names), null, List.of());
    }

    /** Whether {@code like} (SQL LIKE: {@code %} any run, {@code _} one character) matches {@code name}. */
    static boolean like(String pattern, String name) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char ch = pattern.charAt(i);
            if (ch == '\\' && i + 1 < pattern.length()) {
                regex.append(java.util.regex.Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (ch == '%') {
                regex.append(".*");
            } else if (ch == '_') {
                regex.append('.');
            } else {
                regex.append(java.util.regex.Pattern.quote(String.valueOf(ch)));
            }
        }
        return name.matches("(?s)" + regex);
    }
}
