package dev.strata.testing;

import dev.strata.pg.DevServer;
import dev.strata.pg.PgMajor;
import dev.strata.pg.JdbcUrls;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * TestPostgres hands tests one real PostgreSQL server per test JVM: the server named by
 * {@code STRATA_TEST_DB_URL} when set, else a Testcontainers PostgreSQL when a Docker engine
 * answers, else the embedded one (zonky). Tests create their own databases on it.
 */
public final class TestPostgres {
    private static DevServer server;
    private static String origin;

    private TestPostgres() {
    }

    /** The shared server, started on first use and stopped when the JVM exits. */
    public static synchronized DevServer server() {
        if (server == null) {
            server = start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        }
        return server;
    }

    /** Where the server came from: {@code env}, {@code testcontainers} or {@code embedded}. */
    public static synchronized String origin() {
        server();
        return origin;
    }

    private static DevServer start() {
        String url = System.getenv("STRATA_TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            JdbcUrls.Parsed parsed = JdbcUrls.parse(url);
            origin = "env";
            return DevServer.external(parsed.jdbcUrl(), parsed.user(), parsed.password());
        }
        int major = major();
        if (dockerAnswers()) {
            PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:" + major);
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            origin = "testcontainers";
            return DevServer.external(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
        origin = "embedded";
        return DevServer.embedded(null, major);
    }

    /**
     * The major version the test server runs: the system property {@code strata.test.pg} (set by
     * the surefire executions of pom.xml), else {@code STRATA_TEST_PG}, else the bundled one.
     */
    public static int major() {
        String v = System.getProperty("strata.test.pg");
        if (v == null || v.isBlank()) {
            v = System.getenv("STRATA_TEST_PG");
        }
        if (v == null || v.isBlank()) {
            return PgMajor.BUNDLED;
        }
        int major;
        try {
            major = Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("strata.test.pg / STRATA_TEST_PG is " + v + ", not a PostgreSQL major version", e);
        }
        if (!PgMajor.isSupported(major)) {
            throw new IllegalArgumentException("strata.test.pg / STRATA_TEST_PG is " + v + "; supported: " + PgMajor.supported());
        }
        return major;
    }

    private static boolean dockerAnswers() {
        if ("false".equalsIgnoreCase(System.getenv("STRATA_TEST_DOCKER"))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }
}
