package dev.strata.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JdbcUrlsTest {
    @Test
    void parsesPostgresUrlForm() {
        JdbcUrls.Parsed p = JdbcUrls.parse("postgres://app:s%40cret@db.example:6543/shop?sslmode=require");
        assertEquals("jdbc:postgresql://db.example:6543/shop?sslmode=require", p.jdbcUrl());
        assertEquals("app", p.user());
        assertEquals("s@cret", p.password());
    }

    @Test
    void everyValidForm() {
        assertEquals("jdbc:postgresql://localhost:5432/postgres", JdbcUrls.parse("postgresql://localhost").jdbcUrl());
        assertEquals("jdbc:postgresql://localhost:5432/app", JdbcUrls.parse("postgres:///app").jdbcUrl());
        assertEquals("jdbc:postgresql://h:5432/postgres", JdbcUrls.parse("postgres://u@h/").jdbcUrl());
        assertEquals("jdbc:postgresql://[::1]:6000/db", JdbcUrls.parse("postgres://[::1]:6000/db").jdbcUrl());
        assertEquals("jdbc:postgresql://a:5432,b:5433/db?targetServerType=primary",
                JdbcUrls.parse("postgres://a,b:5433/db?target_session_attrs=primary").jdbcUrl());
        JdbcUrls.Parsed q = JdbcUrls.parse("postgres://h/my%20db?user=bob&password=a%2Bb+c&application_name=x%20y");
        assertEquals("jdbc:postgresql://h:5432/my%20db?ApplicationName=x%20y", q.jdbcUrl());
        assertEquals("bob", q.user());
        assertEquals("a+b+c", q.password(), "'+' is not a space in a URL's user info or query value");
        JdbcUrls.Parsed plus = JdbcUrls.parse("postgres://u:p+w@h/db");
        assertEquals("p+w", plus.password());
        assertNull(JdbcUrls.parse("postgres://h/db").user());
        assertEquals("jdbc:postgresql://h:5432/db?prepareThreshold=0",
                JdbcUrls.parse("postgres://h/db?prepareThreshold=0").jdbcUrl(), "pgjdbc properties pass through");
        assertEquals("jdbc:postgresql://h:5432/db?user=a", JdbcUrls.parse("jdbc:postgresql://h:5432/db?user=a").jdbcUrl());
        assertEquals("jdbc:postgresql:db", JdbcUrls.parse("jdbc:postgresql:db").jdbcUrl());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "postgres://app:pw@db.example.com:54x32/app | the port '54x32' is not a number",
        "postgres://app:p@ss@db.example.com/app | more than one '@' before the host",
        "postgres://app@corp.com@db.example.com/app | more than one '@' before the host",
        "postgres://app:pw@db.example.com:/app | the port after ':' is empty",
        "postgres://app:pw@db.example.com:99999/app | the port 99999 is outside 1-65535",
        "postgres://app:pw@db.example.com:0/app | the port 0 is outside 1-65535",
        "postgres://app:p%zzw@db.example.com/app | the password has a malformed escape '%zz'",
        "postgres://app:pw%4@db.example.com/app | the password has an incomplete escape '%4'",
        "postgres://app:pw@db example.com/app | the host 'db example.com' is not a host name or address",
        "postgres://app:pw@db.example.com/app/extra | the database name 'app/extra' holds a '/'",
        "postgres://app:pw@db.example.com/app?sslmod=require | the parameter 'sslmod' is neither",
        "postgres://app:pw@db.example.com/app?sslmode | the parameter 'sslmode' is not name=value",
        "postgres://app:pw@db.example.com/app?host=/tmp | the parameter 'host' is not supported",
        "postgres://app:pw@%2Fvar%2Frun%2Fpostgresql/app | is a Unix-domain socket directory",
        "postgres://app:pw@[::1/app | has no closing ']'",
        "postgres://app:pw@a,,b/app | one of its hosts is empty",
        "postgres://app:pw#1@db.example.com/app | it has a fragment",
        "postgres://app:pa/ss@db.example.com/app | holds a '/'",
        "jdbc:postgresql://db.example.com:54x32/app | the port '54x32' is not a number",
        "jdbc:postgresql://app:pw@db.example.com/app | cannot hold user@ before the host",
        "jdbc:postgresql://db.example.com/app?sslmod=require | the parameter 'sslmod' is not a PostgreSQL JDBC driver property",
        "mysql://u:p@h/db | not a PostgreSQL URL",
        "' postgres://h/db' | starts or ends with white space",
    })
    void badUrlsAreRefusedWithWhatIsWrong(String url, String expected) {
        var e = assertThrows(IllegalArgumentException.class, () -> JdbcUrls.parse(url));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains("pw@") || e.getMessage().contains(":p@ss"), "no password in " + e.getMessage());
    }

    @Test
    void switchesDatabase() {
        assertEquals("jdbc:postgresql://h:5432/other?x=1", JdbcUrls.withDatabase("jdbc:postgresql://h:5432/db?x=1", "other"));
        assertEquals("jdbc:postgresql://h:5432/other", JdbcUrls.withDatabase("jdbc:postgresql://h:5432/db", "other"));
    }

    @Test
    void redactsPasswords() {
        assertEquals("postgres://app:***@h/db", JdbcUrls.redact("postgres://app:secret@h/db"));
        assertEquals("postgres://app:***@h/db", JdbcUrls.redact("postgres://app:p@ss@h/db"));
        assertEquals("jdbc:postgresql://h/db?user=a&password=***", JdbcUrls.redact("jdbc:postgresql://h/db?user=a&password=x"));
    }

    @Test
    void rejectsOtherSchemes() {
        var e = assertThrows(IllegalArgumentException.class, () -> JdbcUrls.parse("mysql://u:p@h/db"));
        assertEquals("not a PostgreSQL URL: mysql://u:***@h/db (expected postgres://user:pass@host:port/db or jdbc:postgresql://host:port/db)", e.getMessage());
    }
}
