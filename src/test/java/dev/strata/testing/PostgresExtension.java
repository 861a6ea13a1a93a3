package dev.strata.testing;

import dev.strata.pg.DevServer;
import dev.strata.pg.ScratchDatabase;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * PostgresExtension gives a test class a real PostgreSQL: a fresh database per test class,
 * injected as a {@link ScratchDatabase} parameter (constructor, lifecycle or test method), and the
 * {@link DevServer} itself for tests that want a fresh database per case
 * ({@code server.createScratch("case")} in try-with-resources).
 */
public final class PostgresExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(PostgresExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        classDatabase(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ScratchDatabase db = context.getStore(NS).remove("db", ScratchDatabase.class);
        if (db != null) {
            db.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        Class<?> type = p.getParameter().getType();
        return type == ScratchDatabase.class || type == DevServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        if (p.getParameter().getType() == DevServer.class) {
            return TestPostgres.server();
        }
        return classDatabase(e);
    }

    private static ScratchDatabase classDatabase(ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
            classContext = classContext.getParent().get();
        }
        String prefix = "t_" + classContext.getRequiredTestClass().getSimpleName();
        return classContext.getStore(NS).getOrComputeIfAbsent("db",
                k -> TestPostgres.server().createScratch(prefix.length() > 40 ? prefix.substring(0, 40) : prefix),
                ScratchDatabase.class);
    }
}
