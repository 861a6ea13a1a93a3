package dev.strata.cli;

import dev.strata.config.Target;
import dev.strata.runner.MigrationStatus;
import dev.strata.runner.Migrator;
import java.io.PrintWriter;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** StatusCommand lists every migration as applied or pending, with the totals. */
@Command(name = "status", aliases = "list", mixinStandardHelpOptions = true,
        description = "List migrations: ✓ applied, ○ pending, ! changed on disk since applied, ✗ applied but missing on disk.")
final class StatusCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Project project = Project.of(global);
        try (Target target = project.target()) {
            Migrator migrator = project.migrator(target, false);
            MigrationStatus status = migrator.status();
            if (json) {
                out.println(Json.write(json(status)));
            } else {
                out.println("Target: " + target.describe() + ", schema " + status.schema());
                text(out, status);
            }
        }
        out.flush();
        return 0;
    }

    private static void text(PrintWriter out, MigrationStatus status) {
        int width = status.entries().stream().mapToInt(e -> id(e).length()).max().orElse(0);
        for (MigrationStatus.Entry e : status.entries()) {
            StringBuilder line = new StringBuilder(symbol(e.state())).append(' ').append(id(e));
            if (e.isApplied()) {
                line.append(" ".repeat(width - id(e).length() + 3)).append(time(e.appliedAt()));
            }
            if (e.state() == MigrationStatus.State.CHANGED) {
                line.append("  (file changed since it was applied)");
            } else if (e.state() == MigrationStatus.State.MISSING) {
                line.append("  (applied, but its file is missing)");
            }
            out.println(line);
        }
        StringBuilder total = new StringBuilder("Total: " + status.appliedCount() + " applied, " + status.pendingCount() + " pending");
        long changed = status.count(MigrationStatus.State.CHANGED);
        long missing = status.count(MigrationStatus.State.MISSING);
        if (changed > 0) {
            total.append(", ").append(changed).append(" changed");
        }
        if (missing > 0) {
            total.append(", ").append(missing).append(" missing");
        }
        out.println(total);
    }

    private static Map<String, Object> json(MigrationStatus status) {
        List<Object> entries = new ArrayList<>();
        for (MigrationStatus.Entry e : status.entries()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("number", e.number());
            m.put("name", e.name());
            m.put("state", e.state().name().toLowerCase(Locale.ROOT));
            m.put("kind", e.migration() != null ? e.migration().kind().label() : e.applied().kind());
            m.put("applied_at", e.isApplied() ? e.appliedAt().toString() : null);
            m.put("execution_ms", e.isApplied() ? e.applied().executionMs() : null);
            m.put("applied_by", e.isApplied() ? e.applied().appliedBy() : null);
            entries.add(m);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("schema", status.schema());
        doc.put("migrations", entries);
        doc.put("applied", status.appliedCount());
        doc.put("pending", status.pendingCount());
        doc.put("changed", status.count(MigrationStatus.State.CHANGED));
        doc.put("missing", status.count(MigrationStatus.State.MISSING));
        return doc;
    }

    private static String id(MigrationStatus.Entry e) {
        return String.format(Locale.ROOT, "%04d_%s", e.number(), e.name());
    }

    private static String symbol(MigrationStatus.State state) {
        if (state == MigrationStatus.State.APPLIED) {
            return "✓";
        } else if (state == MigrationStatus.State.PENDING) {
            return "○";
        } else if (state == MigrationStatus.State.CHANGED) {
            return "!";
        } else if (state == MigrationStatus.State.MISSING) {
            return "✗";
        }
        throw new IllegalStateException("unsupported state " + state);
    }

    private static String time(OffsetDateTime t) {
        return t.atZoneSameInstant(ZoneId.systemDefault()).format(TIME);
    }
}
