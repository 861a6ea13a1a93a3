package dev.strata.load;

/**
 * NameSpec represents the name a constraint or index will get: the one the model gives, or
 * PostgreSQL's default built from {@code name1}, {@code name2} and {@code label}
 * ({@code accounts_email_key}).
 */
record NameSpec(String explicit, String name1, String name2, String label) {
    static NameSpec explicit(String name) {
        return new NameSpec(name, null, null, null);
    }

    static NameSpec generated(String name1, String name2, String label) {
        return new NameSpec(null, name1, name2, label);
    }

    boolean isExplicit() {
        return explicit != null;
    }

    /** The name without regard to clashes. */
    String defaultName() {
        return explicit != null ? explicit : Names.objectName(name1, name2, label);
    }
}
