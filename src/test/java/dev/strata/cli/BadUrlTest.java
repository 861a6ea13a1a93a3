package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A database URL that cannot be parsed stops every command with exit code 8 and says what is
 * wrong; no connection is opened. A listener on localhost:5432 (where a lenient parser used to
 * fall back) counts connection attempts, when that port is free on this machine.
 */
class BadUrlTest {
    private static ServerSocket listener;
    private static final AtomicInteger ACCEPTED = new AtomicInteger();
    private static Thread acceptor;

    @BeforeAll
    static void listenOnTheDefaultPort() {
        try {
            listener = new ServerSocket(5432, 50, InetAddress.getLoopbackAddress());
            listener.setSoTimeout(200);
            acceptor = new Thread(() -> {
                while (!listener.isClosed()) {
                    try {
                        listener.accept().close();
                        ACCEPTED.incrementAndGet();
                    } catch (SocketTimeoutException e) {
                        // poll again
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
        } catch (IOException e) {
            listener = null; // a server already runs there: the exit codes are still checked
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (listener != null) {
            listener.close();
            acceptor.join(2000);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "status  | postgres://app:pw@db.example.com:54x32/app | the port '54x32' is not a number",
        "migrate | postgres://app:p@ss@localhost/app | more than one '@' before the host",
        "inspect | postgres://app:p@ss@localhost/app | more than one '@' before the host",
        "diff    | postgres://app:pw@localhost:70000/app | outside 1-65535",
        "status  | jdbc:postgresql://localhost:54x32/app | the port '54x32' is not a number",
        "status  | postgres://app:pw@localhost/app?sslmod=require | the parameter 'sslmod'",
        "status  | mysql://app:pw@localhost/app | not a PostgreSQL URL",
    })
    void exitsWithEightAndNamesTheProblem(String command, String url, String expected, @TempDir Path dir) throws IOException {
        java.nio.file.Files.createDirectories(dir.resolve("db/shared"));
        java.nio.file.Files.writeString(dir.resolve("db/shared/models.edn"), "{:t {:fields {:id {:type :integer}}}}");
        int before = ACCEPTED.get();
        CliRun run = CliRun.of(command, "--url", url, "--models-dir", dir.resolve("db").toString(),
                "--migrations-dir", dir.resolve("migrations").toString());
        assertEquals(8, run.code(), run.toString());
        assertTrue(run.err().contains(expected), run.toString());
        assertTrue(!run.err().contains(":pw@") && !run.err().contains(":p@ss"), "the password is not printed: " + run);
        assertEquals(before, ACCEPTED.get(), "no connection to localhost:5432 was opened");
    }
}
