package dev.strata.workflow;

import dev.strata.StrataException;
import dev.strata.catalog.CatalogRead;
import dev.strata.diff.Change;
import dev.strata.diff.Change.AddEnumLabel;
import dev.strata.model.QualifiedName;
import dev.strata.load.LoadedModel;
import dev.strata.migration.Migration;
import dev.strata.migration.MigrationFiles;
import dev.strata.migration.MigrationWriter;
import dev.strata.model.Schema;
import dev.strata.pg.DevServer;
import dev.strata.state.ScratchApply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * MigrationMaker writes the migration that brings the migration files in line with the model.
 * The desired side is the model applied to a scratch database ({@link ModelCatalog}); the current side is every existing
 * migration's up statements replayed, in order, on another scratch database of the same dev
 * server. The changes between them become one file, or several where statements must run outside
 * a transaction: each run of consecutive changes that may (or may not) run in a transaction is
 * one file, numbered in the order the changes run (new enum labels first), its down holding the
 * reverses of its own changes.
 */
public final class MigrationMaker {
    private MigrationMaker() {
    }

    /**
     * What the model asks for.
     *
     * @param changes every change, in the order it runs
     * @param drafts  the files to write, in number order; empty when the files match the model
     */
    public record Result(List<PlannedChange> changes, List<MigrationDraft> drafts) {
        public Result {
            changes = List.copyOf(changes);
            drafts = List.copyOf(drafts);
        }

        public boolean isEmpty() {
            return changes.isEmpty();
        }
    }

    /**
     * Plans the next migration(s); writes nothing.
     *
     * @param name the name given by the user, or {@code null} to derive one from the changes
     * @throws StrataException {@code INVALID_MODEL} when PostgreSQL rejects the model's DDL,
     *                         {@code MIGRATION_FILES} when an existing migration fails to replay,
     *                         {@code REFUSED_CHANGE} when the differ refuses a change
     */
    public static Result plan(LoadedModel model, List<Migration> existing, DevServer dev, String name) {
        return plan(model, existing, dev, name, true);
    }

    /**
     * Like {@link #plan(LoadedModel, List, DevServer, String)}; {@code safe} writes the
     * zero-downtime form of changes to existing tables ({@link SafeRewrites}).
     */
    public static Result plan(LoadedModel model, List<Migration> existing, DevServer dev, String name, boolean safe) {
        Schema desired = ModelCatalog.desired(model, dev);
        CatalogRead current = ScratchApply.steps(steps(existing), dev, "files");
        List<PlannedChange> changes = SchemaChanges.between(current.schema(), desired, model.hints(), dev.major());
        if (safe) {
            changes = SafeRewrites.apply(changes, current.schema());
        }
        return new Result(changes, split(changes, name));
    }

    /** Every up statement of the migrations, in number order, as scratch-apply steps. */
    public static List<ScratchApply.Step> steps(List<Migration> migrations) {
        List<ScratchApply.Step> steps = new ArrayList<>();
        for (Migration m : migrations) {
            m.up().forEach(sql -> steps.add(new ScratchApply.Step(m.id(), sql)));
        }
        return steps;
    }

    /**
     * Cuts the changes into files at every switch between transactional and non-transactional
     * changes, after moving new enum labels that must commit on their own to the front (see
     * {@link #labelsFirst}). A given name is used as it is for one file and with {@code _1},
     * {@code _2}, ... for several; without one, each file is named after its own changes.
     */
    public static List<MigrationDraft> split(List<PlannedChange> changes, String name) {
        List<List<PlannedChange>> runs = new ArrayList<>();
        for (PlannedChange c : safeFormsLast(labelsFirst(changes))) {
            List<PlannedChange> last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last != null && last.get(0).transactional() == c.transactional()) {
                last.add(c);
            } else {
                runs.add(new ArrayList<>(List.of(c)));
            }
        }
        String given = name == null ? null : MigrationFiles.snakeName(name);
        List<MigrationDraft> drafts = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            List<PlannedChange> run = runs.get(i);
            String fileName = given == null ? MigrationNames.derive(run.stream().map(PlannedChange::change).toList())
                    : runs.size() == 1 ? given : given + "_" + (i + 1);
            drafts.add(new MigrationDraft(fileName, run.get(0).transactional(), run));
        }
        return drafts;
    }

    /**
     * The changes with the zero-downtime forms ({@link SafeRewrites}: outside a transaction) moved
     * after the transactional ones, so that they make one file at the end rather than cutting the
     * change set into many. A safe form moves only past changes that leave its table alone (a view
     * that reads the table is fine; a later column or constraint change of the table keeps it in
     * place), and the moved ones keep their order.
     */
    static List<PlannedChange> safeFormsLast(List<PlannedChange> changes) {
        List<PlannedChange> kept = new ArrayList<>();
        List<PlannedChange> moved = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            PlannedChange c = changes.get(i);
            QualifiedName table = c.transactional() ? null : tableOf(c.change());
            boolean movable = table != null;
            for (int j = i + 1; movable && j < changes.size(); j++) {
                Change later = changes.get(j).change();
                // A later foreign key may need the key this change adds to the referenced table.
                movable = !table.equals(tableOf(later)) && !(later instanceof Change.AddConstraint a
                        && a.constraint() instanceof dev.strata.model.Constraint.ForeignKey fk && table.equals(fk.refTable()));
            }
            (movable ? moved : kept).add(c);
        }
        kept.addAll(moved);
        return kept;
    }

    /** The table a change alters (for the changes {@link SafeRewrites} writes and those that meet them), or null. */
    private static QualifiedName tableOf(Change c) {
        if (c instanceof Change.CreateIndex ci) {
            return ci.index().table();
        } else if (c instanceof Change.DropIndex di) {
            return di.index().table();
        } else if (c instanceof Change.AddConstraint a) {
            return a.table();
        } else if (c instanceof Change.DropConstraint d) {
            return d.table();
        } else if (c instanceof Change.AlterConstraint a) {
            return a.table();
        } else if (c instanceof Change.AlterColumn a) {
            return a.table();
        } else if (c instanceof Change.AlterDerivedColumn a) {
            return a.table();
        } else if (c instanceof Change.AddColumn a) {
            return a.table();
        } else if (c instanceof Change.DropColumn d) {
            return d.table();
        } else if (c instanceof Change.RenameColumn r) {
            return r.table();
        } else if (c instanceof Change.AlterTable a) {
            return a.to().name();
        } else if (c instanceof Change.RenameTable r) {
            return r.to();
        } else if (c instanceof Change.DropTable d) {
            return d.table().name();
        } else if (c instanceof Change.CreateTable ct) {
            return ct.table().name();
        }
        return null;
    }

    /**
     * The changes with every non-transactional {@code ADD VALUE} moved before the transactional
     * changes, so that they make one file that runs first. Adding an enum label depends on nothing
     * but its type, so it may move past any change that does not touch that type; one that follows
     * a change of its own type (a label rename) keeps its place.
     */
    static List<PlannedChange> labelsFirst(List<PlannedChange> changes) {
        List<PlannedChange> front = new ArrayList<>();
        List<PlannedChange> rest = new ArrayList<>();
        for (PlannedChange c : changes) {
            boolean movable = c.change() instanceof AddEnumLabel && !c.transactional()
                    && rest.stream().noneMatch(r -> r.change().object().equals(c.change().object()));
            (movable ? front : rest).add(c);
        }
        front.addAll(rest);
        return front;
    }

    /**
     * Writes the drafts under the next free numbers, each file atomically; when one cannot be
     * written, those already written are removed again, so a failed run leaves no file behind.
     */
    public static List<Path> write(Path dir, List<MigrationDraft> drafts) {
        return write(dir, drafts, drafts.stream().map(d -> List.<java.util.Map<us.bpsm.edn.Keyword, Object>>of()).toList());
    }

    /** Like {@link #write(Path, List)}, each file recording the losses its model accepted ({@code :accepted}). */
    public static List<Path> write(Path dir, List<MigrationDraft> drafts,
                                   List<List<java.util.Map<us.bpsm.edn.Keyword, Object>>> accepted) {
        List<Path> written = new ArrayList<>();
        try {
            for (int i = 0; i < drafts.size(); i++) {
                MigrationDraft d = drafts.get(i);
                written.add(MigrationWriter.writeEdn(dir, d.name(), d.actions(), d.up(), d.down(), d.transactional(),
                        accepted.get(i)));
            }
        } catch (RuntimeException e) {
            for (Path p : written) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
        return List.copyOf(written);
    }
}
