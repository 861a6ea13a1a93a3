package dev.strata.load;

import java.util.Set;

/**
 * LoadOptions represents how a model tree is loaded.
 *
 * @param stripKeys names of the keywords (without the colon) removed at any depth of model and
 *                  field options before anything else reads them; application metadata such as
 *                  {@code validation} or {@code ui}
 */
public record LoadOptions(Set<String> stripKeys) {
    /** The default strip list: {@code :validation :form :admin :security :ui}. */
    public static final Set<String> DEFAULT_STRIP_KEYS = Set.of("validation", "form", "admin", "security", "ui");

    public LoadOptions {
        stripKeys = Set.copyOf(stripKeys);
    }

    public static LoadOptions defaults() {
        return new LoadOptions(DEFAULT_STRIP_KEYS);
    }
}
