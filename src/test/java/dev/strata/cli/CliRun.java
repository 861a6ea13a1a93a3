package dev.strata.cli;

import dev.strata.pg.ScratchDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** CliRun runs the strata command line in-process and captures what it printed. */
record CliRun(int code, String out, String err) {
    static CliRun of(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** A JDBC URL of the database that carries its user (and password, when the server has one). */
    static String url(ScratchDatabase db) {
        String user = db.server().user();
        String password = db.server().password();
        String sep = db.url().contains("?") ? "&" : "?";
        return db.url() + sep + "user=" + user + (password == null ? "" : "&password=" + password);
    }

    @Override
    public String toString() {
        return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
    }
}
