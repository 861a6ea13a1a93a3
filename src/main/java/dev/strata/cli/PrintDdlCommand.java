package dev.strata.cli;

import dev.strata.compile.DdlCompiler;
import dev.strata.load.LoadedModel;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * PrintDdlCommand is {@code strata print-ddl}: it loads the model tree and prints the ordered
 * CREATE script for it, ready for psql. An invalid model prints nothing on standard output and
 * exits 2.
 */
@Command(name = "print-ddl", mixinStandardHelpOptions = true,
        description = "Print the CREATE script of the model (extensions, enums, functions, tables, keys,"
                + " indexes, comments, views, triggers, policies), ready for psql.")
public final class PrintDdlCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        LoadedModel model = Project.of(global).loadModel();
        spec.commandLine().getOut().print(DdlCompiler.script(model.schema()));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
