package dev.strata.cli;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import dev.strata.inspect.Inspection;
import dev.strata.inspect.Inspector;
import dev.strata.inspect.Unsupported;
import dev.strata.model.Schema;
import dev.strata.pg.JdbcUrls;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * InspectCommand is {@code strata inspect}: it reads a live schema and writes it as a model tree
 * ({@code DIR/shared/*.edn}). What the model cannot carry is listed on standard error, object by
 * object, and with {@code --json} also as data on standard output. See docs/inspect.md.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Write the model tree of a live schema (DIR/shared/models.edn, functions.edn, views.edn, "
                + "triggers.edn, policies.edn).")
public final class InspectCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Option(names = "--out", paramLabel = "DIR",
            description = "The models root to write (default: --models-dir, i.e. resources/db).")
    Path out;

    @Option(names = "--force", description = "Replace model files that already exist.")
    boolean force;

    @Option(names = "--json", description = "Print the result, with what the model cannot carry, as JSON.")
    boolean json;

    @Option(names = "--all-schemas", description = "Read every non-system schema of the database into one tree: "
            + "the target schema's objects unqualified, the others' as :schema/name.")
    boolean allSchemas;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        String schema = global.schema != null ? global.schema : "public";
        Path root = out != null ? out : global.modelsDir();
        Inspection inspection;
        try (Connection c = connect()) {
            // Strata's own history table is bookkeeping, not part of the model.
            Set<String> skipped = Set.of(Project.of(global).config().historyTable());
            inspection = allSchemas ? Inspector.inspectAll(c, schema, skipped) : Inspector.inspect(c, schema, skipped);
        } catch (SQLException e) {
            throw new StrataException(ErrorCode.DATABASE, "could not connect to " + JdbcUrls.redact(url()) + ": "
                    + e.getMessage() + "\n  Check the URL, the credentials and that the server is running.", e);
        }
        List<Path> files = inspection.writeTo(root, force);
        warn(spec.commandLine().getErr(), inspection, "Objects left out are not in the model: a diff against this"
                + " database would drop them. Add them by hand (hand-written migrations) or accept their removal.");
        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            o.println(json(inspection, root, files));
        } else {
            o.println("Wrote " + summary(inspection.schema(), inspection) + " of schema " + schema + " to "
                    + root.resolve(Inspection.LAYER));
        }
        o.flush();
        return 0;
    }

    /** Lists what the model cannot carry on {@code err}, one line per object, then {@code note}. */
    static void warn(PrintWriter err, Inspection inspection, String note) {
        if (inspection.unsupported().isEmpty()) {
            return;
        }
        err.println("warning: the model cannot carry " + inspection.unsupported().size()
                + (inspection.unsupported().size() == 1 ? " object or property" : " objects or properties")
                + " of schema " + inspection.schemaName() + " (" + inspection.leftOut().size() + " left out of the tree):");
        for (Unsupported u : inspection.unsupported()) {
            err.println("  - " + u.describe());
        }
        err.println("  " + note);
        err.flush();
    }

    private String url() {
        if (global.url != null) {
            return global.url;
        }
        String env = System.getenv("DATABASE_URL");
        if (env == null || env.isBlank()) {
            throw new StrataException(ErrorCode.CONFIG, "no database to inspect"
                    + "\n  Pass --url postgres://user:pass@host:port/db or set DATABASE_URL.");
        }
        return env;
    }

    private Connection connect() throws SQLException {
        JdbcUrls.Parsed parsed;
        try {
            parsed = JdbcUrls.parse(url());
        } catch (IllegalArgumentException e) {
            throw new StrataException(ErrorCode.CONFIG, e.getMessage());
        }
        Properties props = new Properties();
        if (parsed.user() != null) {
            props.setProperty("user", parsed.user());
        }
        if (parsed.password() != null) {
            props.setProperty("password", parsed.password());
        }
        return DriverManager.getConnection(parsed.jdbcUrl(), props);
    }

    /** What the tree holds: the schema's objects minus those left out. */
    static String summary(Schema s, Inspection inspection) {
        List<String> parts = new ArrayList<>();
        parts.add(count(s.tables().size() - leftOut(inspection, "table"), "table"));
        parts.add(count(s.enums().size(), "enum"));
        parts.add(count(s.views().size() - leftOut(inspection, "view") - leftOut(inspection, "materialized view"),
                "view"));
        parts.add(count(s.functions().size() - leftOut(inspection, "function"), "function"));
        parts.add(count(s.triggers().size() - leftOut(inspection, "trigger"), "trigger"));
        int policies = s.policies().size() - leftOut(inspection, "policy");
        parts.add(policies == 1 ? "1 policy" : policies + " policies");
        return String.join(", ", parts);
    }

    private static int leftOut(Inspection inspection, String kind) {
        return (int) inspection.leftOut().stream().filter(u -> u.kind().equals(kind)).count();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private String json(Inspection inspection, Path root, List<Path> files) {
        StringBuilder b = new StringBuilder("{");
        b.append("\"schema\": ").append(str(inspection.schemaName()));
        b.append(", \"out\": ").append(str(root.toString()));
        b.append(", \"files\": [");
        for (int i = 0; i < files.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(str(files.get(i).toString()));
        }
        b.append("], \"unsupported\": [");
        List<Unsupported> items = inspection.unsupported();
        for (int i = 0; i < items.size(); i++) {
            Unsupported u = items.get(i);
            b.append(i == 0 ? "\n  " : ",\n  ").append("{\"kind\": ").append(str(u.kind()))
                    .append(", \"table\": ").append(u.table() == null ? "null" : str(u.table()))
                    .append(", \"name\": ").append(str(u.name()))
                    .append(", \"left_out\": ").append(u.leftOut())
                    .append(", \"reason\": ").append(str(u.reason())).append('}');
        }
        return b.append(items.isEmpty() ? "]}" : "\n]}").toString();
    }

    private static String str(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        b.append(String.format("\\u%04x", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
