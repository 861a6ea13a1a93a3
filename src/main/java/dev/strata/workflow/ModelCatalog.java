package dev.strata.workflow;

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

    /**
     * The desired schema of a model.
     *
     * @throws dev.strata.StrataException {@code INVALID_MODEL} when PostgreSQL rejects the model's DDL
     */
    public static Schema desired(LoadedModel model, DevServer dev) {
        CatalogRead compiled = ScratchApply.model(model.schema(), dev);
        List<ScratchApply.Step> steps = new ArrayList<>();
        for (PlannedChange c : SchemaChanges.between(Schema.empty(), compiled.schema(), Hints.none(), dev.major())) {
            for (Statement s : c.up()) {
                steps.add(new ScratchApply.Step("the model's migration from an empty schema (" + ChangeActions.kind(c.change())
                        + " " + c.change().object() + ")", s.sql()));
            }
        }
        try {
            return ScratchApply.steps(steps, dev).schema();
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
