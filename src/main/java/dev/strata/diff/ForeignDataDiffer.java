package dev.strata.diff;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import dev.strata.model.ForeignData;
import dev.strata.model.QualifiedName;
import dev.strata.model.Schema;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * ForeignDataDiffer compares foreign-data wrappers and servers. A wrapper's handler, validator and
 * options, and a server's version and options, change in place; a server that moves to another
 * wrapper or type is dropped and created again, which is refused while foreign tables use it.
 */
final class ForeignDataDiffer {
    private ForeignDataDiffer() {
    }

    static void diff(Schema current, Schema desired, List<Change> out) {
        Map<String, ForeignData.Wrapper> wrappers = current.wrappers().stream()
                .collect(Collectors.toMap(ForeignData.Wrapper::name, Function.identity()));
        for (ForeignData.Wrapper d : desired.wrappers()) {
            ForeignData.Wrapper c = wrappers.remove(d.name());
            if (c == null) {
                out.add(new Change.CreateWrapper(d));
            } else {
                if (!Objects.equals(c.handler(), d.handler()) || !Objects.equals(c.validator(), d.validator())
                        || !c.options().equals(d.options())) {
                    out.add(new Change.AlterWrapper(c, d));
                }
                if (!Objects.equals(c.comment(), d.comment())) {
                    out.add(new Change.CommentOn(new CommentTarget(CommentTarget.Kind.FOREIGN_DATA_WRAPPER,
                            QualifiedName.of(d.name()), null, null), c.comment(), d.comment()));
                }
            }
        }
        wrappers.values().forEach(c -> out.add(new Change.DropWrapper(c)));
        Map<String, ForeignData.Server> servers = current.servers().stream()
                .collect(Collectors.toMap(ForeignData.Server::name, Function.identity()));
        for (ForeignData.Server d : desired.servers()) {
            ForeignData.Server c = servers.remove(d.name());
            if (c == null) {
                out.add(new Change.CreateServer(d));
            } else if (!c.fixedPart().equals(d.fixedPart())) {
                List<String> users = current.tables().stream()
                        .filter(t -> t.isForeign() && t.foreign().server().equals(c.name()))
                        .map(t -> "foreign table " + t.name()).toList();
                if (!users.isEmpty()) {
                    throw new StrataException(ErrorCode.REFUSED_CHANGE, "Refusing to change the "
                            + (c.wrapper().equals(d.wrapper()) ? "type" : "foreign-data wrapper") + " of server "
                            + c.name() + ".\n  No ALTER SERVER does that, so it would have to be dropped and re-created,"
                            + "\n  and it is in use: " + String.join(", ", users) + ".\n"
                            + "Either:\n  - create a new server under another name and move the foreign tables to it, or\n"
                            + "  - drop the foreign tables in one migration and change the server in the next.");
                }
                out.add(new Change.DropServer(c));
                out.add(new Change.CreateServer(d));
            } else {
                if (!Objects.equals(c.version(), d.version()) || !c.options().equals(d.options())) {
                    out.add(new Change.AlterServer(c, d));
                }
                if (!Objects.equals(c.comment(), d.comment())) {
                    out.add(new Change.CommentOn(new CommentTarget(CommentTarget.Kind.SERVER,
                            QualifiedName.of(d.name()), null, null), c.comment(), d.comment()));
                }
            }
        }
        servers.values().forEach(c -> out.add(new Change.DropServer(c)));
    }
}
