package dev.strata.cli;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import dev.strata.catalog.CatalogReader;
import dev.strata.config.ShadowServers;
import dev.strata.config.Target;
import dev.strata.pg.PgMajor;
import dev.strata.load.LoadedModel;
import dev.strata.model.Schema;
import dev.strata.sql.Identifiers;
import dev.strata.sql.Statement;
import dev.strata.workflow.ChangeActions;
import dev.strata.workflow.Drift;
import dev.strata.workflow.ModelCatalog;
import dev.strata.workflow.MigrationDraft;
import dev.strata.workflow.MigrationMaker;
import dev.strata.workflow.PlannedChange;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * DiffCommand prints the SQL that brings the live target schema in line with the model, for
 * review or for CI drift checks: exit 0 without differences, 3 with. The history table is not
 * compared. See docs/workflow.md.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Print the SQL that brings the target schema in line with the model (exit 0: none needed, 3: differences).")
final class DiffCommand implements Callable<Integer> {
    static final String NO_DIFFERENCES = "No differences.";

    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Option(names = "--dev-url", paramLabel = "URL",
            description = "Server for the scratch database of the model; default: a throw-away embedded PostgreSQL.")
    String devUrl;

    @Option(names = "--json", description = "Print the changes as JSON instead of SQL.")
    boolean json;

    @Override
    public Integer call() {
        Project project = Project.of(global);
        LoadedModel model = project.loadModel();
        String schema = project.schema();
        String target;
        List<PlannedChange> changes;
        // An embedded dev server starts while the target is read, on the version the target had
        // last time; the target (itself embedded with the :dev profile) is closed as soon as its
        // catalog is in memory. Should the target now run another major, the guess is replaced.
        String devUrlToUse = project.devUrl(devUrl);
        DevServers.Pending dev = DevServers.openInBackground(project, devUrlToUse, project.offlineShadow());
        String shadow;
        try {
            Schema live;
            PgMajor.ServerVersion version;
            try (Target t = project.target(); Connection c = t.source().open()) {
                target = t.describe();
                version = PgMajor.of(c);
                ModelCatalog.checkTarget(model.schema(), schema);
                live = CatalogReader.inspect(c, schema, model.schema().namespaceNames()).schema();
            } catch (SQLException e) {
                throw new StrataException(ErrorCode.DATABASE, "cannot read schema " + schema + " of the target: "
                        + e.getMessage() + "\n  Fix: check the URL and that the database is up.", e);
            }
            ShadowServers.Choice choice = ShadowServers.forTarget(version);
            if (devUrlToUse == null && choice.major() != dev.choice().major()) {
                dev.close();
                dev = DevServers.openInBackground(project, null, choice);
            }
            shadow = ShadowServers.describe(dev.get(), choice);
            changes = Drift.of(model, Drift.withoutTable(live, project.config().historyTable()), dev.get());
        } finally {
            dev.close();
        }
        if (shadow != null) {
            PrintWriter err0 = spec.commandLine().getErr();
            err0.println(shadow);
            err0.flush();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(json(schema, target, shadow, changes)));
        } else if (changes.isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(NO_DIFFERENCES);
            err.flush();
        } else {
            sql(out, schema, target, changes);
        }
        out.flush();
        return changes.isEmpty() ? 0 : ErrorCode.DIFFERENCES.exitCode();
    }

    private static void sql(PrintWriter out, String schema, String target, List<PlannedChange> changes) {
        out.println("-- " + changes.size() + (changes.size() == 1 ? " change brings" : " changes bring") + " schema "
                + schema + " of " + target + " in line with the model.");
        if (!schema.equals("public")) {
            out.println("SET search_path TO " + Identifiers.quote(schema) + ";");
        }
        for (MigrationDraft group : MigrationMaker.split(changes, "diff")) {
            out.println();
            List<String> up = group.up();
            if (group.transactional()) {
                out.println("-- in one transaction:");
                out.println("BEGIN;");
                up.forEach(s -> out.println(s.strip() + ";"));
                out.println("COMMIT;");
            } else {
                out.println("-- outside a transaction (each statement commits on its own, before what follows uses it):");
                up.forEach(s -> out.println(s.strip() + ";"));
            }
        }
    }

    private static Map<String, Object> json(String schema, String target, String shadow, List<PlannedChange> changes) {
        List<Object> items = new ArrayList<>();
        for (PlannedChange c : changes) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("kind", ChangeActions.kind(c.change()));
            item.put("object", c.change().object().toString());
            item.put("transactional", c.transactional());
            item.put("up", c.up().stream().map(Statement::sql).toList());
            item.put("down", c.down().stream().map(Statement::sql).toList());
            items.add(item);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("schema", schema);
        doc.put("target", target);
        doc.put("shadow", shadow);
        doc.put("differences", changes.size());
        doc.put("changes", items);
        return doc;
    }
}
