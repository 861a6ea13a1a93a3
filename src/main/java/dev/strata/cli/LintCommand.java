package dev.strata.cli;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import dev.strata.config.ShadowServers;
import dev.strata.migration.Migration;
import dev.strata.migration.MigrationFiles;
import dev.strata.pg.DevServer;
import dev.strata.runner.Migrator;
import dev.strata.safety.Finding;
import dev.strata.workflow.MigrationLint;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * LintCommand runs the safety rules on migration files by their effect on a scratch database
 * ({@link MigrationLint}): exit 0 when no error-level finding is left unaccepted, exit 4 otherwise.
 */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = "Check migration N (default: the newest), or --all, against the safety rules (docs/safety.md)."
                + " Exit 4 when an error-level finding is not accepted by the file.")
final class LintCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "N", description = "The migration number (default: the newest).")
    Integer number;

    @Option(names = "--all", description = "Lint every migration file.")
    boolean all;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Option(names = "--rules", description = "List every rule (id, level after strata.edn, what it catches, the safe"
            + " alternative) instead of linting.")
    boolean rules;

    @Option(names = "--dev-url", paramLabel = "URL",
            description = "PostgreSQL server for the scratch database (default: the embedded one, or :dev-url).")
    String devUrl;

    @Override
    public Integer call() {
        if (all && number != null) {
            throw new StrataException(ErrorCode.USAGE, "lint takes either a migration number or --all, not both."
                    + "\n  Fix: strata lint " + number + ", or strata lint --all.");
        }
        Project project = Project.of(global);
        PrintWriter out = spec.commandLine().getOut();
        if (rules) {
            printRules(out, project.config().safety());
            out.flush();
            return 0;
        }
        List<Migration> files = MigrationFiles.readAll(project.migrationsDir());
        Set<Integer> which = new TreeSet<>();
        if (all) {
            files.forEach(m -> which.add(m.number()));
        } else if (number != null) {
            if (files.stream().noneMatch(m -> m.number() == number)) {
                throw new StrataException(ErrorCode.MIGRATION_FILES, "there is no migration numbered "
                        + String.format(Locale.ROOT, "%04d", number) + " in " + project.migrationsDir() + "; "
                        + Migrator.availableRange(files) + ".\n  Fix: name one of those numbers (strata status lists them).");
            }
            which.add(number);
        } else if (!files.isEmpty()) {
            which.add(files.get(files.size() - 1).number());
        }
        List<MigrationLint.Result> results = List.of();
        if (!which.isEmpty()) {
            ShadowServers.Choice choice = project.offlineShadow();
            try (DevServer dev = DevServers.open(project, project.devUrl(devUrl), choice)) {
                results = MigrationLint.lint(files, which, dev, project.config().safety());
            }
        }
        long refused = results.stream().mapToLong(r -> r.refusals().size()).sum();
        if (json) {
            out.println(Json.write(json(results)));
        } else {
            print(out, results);
        }
        out.flush();
        return refused > 0 ? ErrorCode.REFUSED_CHANGE.exitCode() : 0;
    }

    private void printRules(PrintWriter out, dev.strata.safety.SafetySettings settings) {
        if (json) {
            List<Object> doc = new ArrayList<>();
            for (dev.strata.safety.Rule r : dev.strata.safety.Rule.values()) {
                Map<String, Object> j = new LinkedHashMap<>();
                j.put("rule", r.id());
                dev.strata.safety.Severity level = settings.severity(r);
                j.put("severity", level == null ? "off" : level.label());
                j.put("dataLoss", r.dataLoss());
                j.put("effect", r.effect());
                j.put("alternative", r.alternative());
                doc.add(j);
            }
            out.println(Json.write(doc));
            return;
        }
        for (dev.strata.safety.Rule r : dev.strata.safety.Rule.values()) {
            dev.strata.safety.Severity level = settings.severity(r);
            out.println(r.id() + " (" + (level == null ? "off" : level.label()) + (r.dataLoss() ? ", data loss" : "") + ")");
            out.println("    " + r.effect() + ".");
            out.println("    Instead: " + r.alternative() + ".");
        }
    }

    /** The findings, one block per migration, and a last line with the totals. */
    static void print(PrintWriter out, List<MigrationLint.Result> results) {
        if (results.isEmpty()) {
            out.println("No migrations to lint.");
            return;
        }
        int count = 0;
        int refused = 0;
        for (MigrationLint.Result r : results) {
            List<Finding> fs = r.findings();
            out.println(r.migration().id() + ": " + (fs.isEmpty() ? "no findings" : fs.size() + (fs.size() == 1 ? " finding" : " findings")));
            fs.forEach(f -> out.println("  " + f.describe().replace("\n", "\n  ")));
            count += fs.size();
            refused += r.refusals().size();
        }
        out.println(results.size() + (results.size() == 1 ? " migration" : " migrations") + " linted: " + count
                + (count == 1 ? " finding" : " findings") + ", " + refused + " not accepted at error level"
                + (refused == 0 ? "." : " (accept one with :accepted in the file, see docs/safety.md, or change the migration)."));
    }

    private static List<Object> json(List<MigrationLint.Result> results) {
        List<Object> doc = new ArrayList<>();
        for (MigrationLint.Result r : results) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("migration", r.migration().id());
            m.put("number", r.migration().number());
            List<Object> fs = new ArrayList<>();
            for (Finding f : r.findings()) {
                Map<String, Object> j = new LinkedHashMap<>();
                j.put("rule", f.rule().id());
                j.put("severity", f.severity().label());
                j.put("object", f.object());
                j.put("effect", f.rule().effect());
                j.put("numbers", f.numbers());
                j.put("alternative", f.rule().alternative());
                j.put("accepted", f.accepted());
                fs.add(j);
            }
            m.put("findings", fs);
            m.put("refused", r.refusals().size());
            doc.add(m);
        }
        return doc;
    }
}
