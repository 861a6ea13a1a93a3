package dev.strata.workflow;

import dev.strata.compile.DdlCompiler;
import dev.strata.ErrorCode;
import dev.strata.StrataException;
import dev.strata.catalog.CatalogRead;
import dev.strata.load.LoadedModel;
import dev.strata.model.Hints;
import dev.strata.model.Schema;
import dev.strata.pg.DevServer;
import dev.strata.sql.Statement;
import dev.strata.state.ScratchApply;
import java.util.ArrayList;
import java.util.List;

/**
 * ModelCatalog gives the desired side of every comparison: the model in the form a database
 * built by generated migrations reads back as.
 *
 * <p>PostgreSQL does not always print an expression the way it reads the printed text back:
 * {@code action IN ('a', 'b')} on a varchar column prints as {@code ((action)::text = ANY
 * ((ARRAY['a'::character varying, ...])::text[]))}, and that text, applied again, prints as
 * {@code ANY (ARRAY[('a'::character varying)::text, ...])}. Migrations replay the printed form, so
 * a catalog of the compiled model alone would never match the database they build, and every run
 * would write the same constraint changes again. The model is therefore applied once as compiled,
 * read back, rendered as the migration from an empty schema would render it, applied again, and
 * read back: that second catalog is what the model's migrations produce.
 */
public final class ModelCatalog {
    private ModelCatalog() {
    }

    /** The kind of the kept state of a model (see {@link ScratchApply#steps(List, DevServer, String, List)}). */
    static final String KEPT_KIND = "model";

    /**
     * The desired schema with the version of every extension whose model entry names none
     * removed: the scratch server installs its default version, which says nothing about the
     * version the model wants, so the differ leaves a live extension's version alone.
     */
    /**
     * Refuses a model that manages the target schema as one of its other schemas: its objects
     * would read back unqualified and never match.
     *
     * @throws dev.strata.StrataException {@code INVALID_MODEL}
     */
    public static void checkTarget(Schema model, String targetSchema) {
        if (model.namespaceNames().contains(targetSchema)) {
            throw new StrataException(ErrorCode.INVALID_MODEL, "the model places objects in schema " + targetSchema
                    + " by name, but " + targetSchema + " is the target schema\n  Fix: write those objects without a"
                    + " schema (:users instead of :" + targetSchema + "/users), or choose another target schema"
                    + " (--schema).");
        }
    }

    static Schema unpinned(Schema desired, Schema model) {
        java.util.Set<String> pinned = new java.util.HashSet<>();
        model.extensions().stream().filter(e -> e.version() != null).forEach(e -> pinned.add(e.name()));
        List<dev.strata.model.Extension> extensions = desired.extensions().stream()
                .map(e -> pinned.contains(e.name()) ? e : new dev.strata.model.Extension(e.name(), e.schema(), null))
                .toList();
        return new Schema(extensions, desired.enums(), desired.sequences(), desired.tables(), desired.views(),
                desired.functions(), desired.triggers(), desired.policies(), desired.domains(),
                desired.compositeTypes(), desired.namespaces(), desired.targetComment(), desired.collations(), desired.operators(), desired.textSearch(), desired.accessMethods(), desired.wrappers(), desired.servers(), desired.rangeTypes(), desired.statistics());
    }

    /**
     * The desired schema of a model.
     *
     * @throws dev.strata.StrataException {@code INVALID_MODEL} when PostgreSQL rejects the model's DDL
     */
    public static Schema desired(LoadedModel model, DevServer dev) {
        // On the project's shadow cluster the state of the same compiled model is kept from the last run.
        List<String> script = DdlCompiler.compile(model.schema());
        if (dev.keepsStates()) {
            java.util.Optional<CatalogRead> kept = ScratchApply.kept(dev, KEPT_KIND, script);
            if (kept.isPresent()) {
                return unpinned(kept.get().schema(), model.schema());
            }
        }
        CatalogRead compiled = ScratchApply.model(model.schema(), dev, script);
        List<ScratchApply.Step> steps = new ArrayList<>();
        for (PlannedChange c : SchemaChanges.between(Schema.empty(), compiled.schema(), Hints.none(), dev.major())) {
            for (Statement s : c.up()) {
                steps.add(new ScratchApply.Step("the model's migration from an empty schema (" + ChangeActions.kind(c.change())
                        + " " + c.change().object() + ")", s.sql()));
            }
        }
        try {
            return unpinned(ScratchApply.steps(steps, dev, dev.keepsStates() ? KEPT_KIND : null, script).schema(),
                    model.schema());
        } catch (StrataException e) {
            if (e.code() == ErrorCode.DATABASE) {
                throw e;
            }
            throw new StrataException(ErrorCode.INTERNAL, "PostgreSQL accepted the model's DDL but not Strata's rendering of"
                    + " what it read back: " + e.getMessage() + "\n  This is a bug in Strata; please report it with the model.",
                    e.problems(), e);
        }
    }
}
