package dev.strata.cli;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import dev.strata.migration.ActionDescriber;
import dev.strata.migration.Direction;
import dev.strata.migration.Migration;
import dev.strata.migration.MigrationFiles;
import dev.strata.runner.Migrator;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** ExplainCommand shows what one migration does, as SQL or in words, without touching a database. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Show the SQL of migration N (or its actions in words with --format human).")
final class ExplainCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "N", description = "The migration number.")
    int number;

    @Option(names = "--direction", paramLabel = "forward|backward", defaultValue = "forward",
            description = "forward (the up, default) or backward (the down).")
    String direction;

    @Option(names = "--format", paramLabel = "sql|human", defaultValue = "sql",
            description = "sql (default) or human: the actions as sentences.")
    String format;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Override
    public Integer call() {
        Direction dir = direction();
        boolean human = human();
        List<Migration> files = MigrationFiles.readAll(Project.of(global).migrationsDir());
        Migration m = files.stream().filter(f -> f.number() == number).findFirst().orElseThrow(() ->
                new StrataException(ErrorCode.MIGRATION_FILES, "there is no migration numbered "
                        + String.format(Locale.ROOT, "%04d", number) + " in " + Project.of(global).migrationsDir()
                        + "; " + Migrator.availableRange(files) + ".\n  Fix: name one of those numbers (strata status lists them)."));
        PrintWriter out = spec.commandLine().getOut();
        List<String> statements = m.statements(dir);
        List<String> sentences = m.actions().isEmpty() ? List.of() : ActionDescriber.describe(m.actions(), dir);
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("number", m.number());
            doc.put("name", m.name());
            doc.put("kind", m.kind().label());
            doc.put("direction", dir.label());
            doc.put("transaction", m.transactional());
            doc.put("statements", statements);
            doc.put("actions", sentences);
            out.println(Json.write(doc));
        } else if (human && !sentences.isEmpty()) {
            out.println(m.id() + ", " + dir.label() + (m.transactional() ? "" : " (outside a transaction)") + ":");
            for (int i = 0; i < sentences.size(); i++) {
                out.println("  " + (i + 1) + ". " + sentences.get(i));
            }
        } else {
            if (human) {
                out.println("-- " + m.id() + " is hand-written SQL and records no actions; its statements follow.");
            }
            sql(out, m, dir, statements);
        }
        out.flush();
        return 0;
    }

    private static void sql(PrintWriter out, Migration m, Direction dir, List<String> statements) {
        out.println("-- " + m.id() + " (" + dir.label() + ", "
                + (m.transactional() ? "in one transaction" : "outside a transaction: each statement commits on its own") + ")");
        if (statements.isEmpty()) {
            out.println(dir == Direction.BACKWARD
                    ? "-- no backward statements: this migration cannot be rolled back"
                    : "-- no forward statements");
        }
        for (int i = 0; i < statements.size(); i++) {
            if (i > 0) {
                out.println();
            }
            out.println(statements.get(i).strip() + ";");
        }
    }

    private Direction direction() {
        if (direction.equalsIgnoreCase("forward")) {
            return Direction.FORWARD;
        }
        if (direction.equalsIgnoreCase("backward")) {
            return Direction.BACKWARD;
        }
        throw new StrataException(ErrorCode.USAGE, "--direction " + direction + " is neither forward nor backward.");
    }

    private boolean human() {
        if (format.equalsIgnoreCase("sql") || format.equalsIgnoreCase("human")) {
            return format.equalsIgnoreCase("human");
        }
        throw new StrataException(ErrorCode.USAGE, "--format " + format + " is neither sql nor human.");
    }
}
