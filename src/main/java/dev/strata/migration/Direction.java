package dev.strata.migration;

/** Direction represents which half of a migration runs: its up (forward) or its down (backward). */
public enum Direction {
    FORWARD,
    BACKWARD;

    /** The lower-case name used on the command line and in JSON. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
