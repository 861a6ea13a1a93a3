package dev.strata.load;

import us.bpsm.edn.Keyword;

/** FileKind represents one kind of model file a layer may hold. */
public enum FileKind {
    MODELS("models"),
    FUNCTIONS("functions"),
    VIEWS("views"),
    TRIGGERS("triggers"),
    POLICIES("policies");

    private final String base;

    FileKind(String base) {
        this.base = base;
    }

    /** The file name ({@code models.edn}). */
    public String fileName() {
        return base + ".edn";
    }

    /** The key of this kind's map in the processed model ({@code :models}). */
    public Keyword key() {
        return Keyword.newKeyword(base);
    }
}
