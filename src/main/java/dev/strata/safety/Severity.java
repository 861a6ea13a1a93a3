package dev.strata.safety;

import java.util.Locale;

/** Severity of a safety finding: an error refuses the change unless it is accepted; the others are printed. */
public enum Severity {
    ERROR, WARNING, INFO;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
