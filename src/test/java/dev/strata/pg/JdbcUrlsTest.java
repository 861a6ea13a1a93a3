package dev.strata.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class JdbcUrlsTest {
    @Test
    void parsesPostgresUrlForm() {
        JdbcUrls.Parsed p = JdbcUrls.parse("postgres://app:s%40cret@db.example:6543/shop?sslmode=require");
        assertEquals("jdbc:postgresql://db.example:6543/shop?sslmode=require", p.jdbcUrl());
        assertEquals("app", p.user());
        assertEquals("s@cret", p.password());
    }

    @Test
    void switchesDatabase() {
        assertEquals("jdbc:postgresql://h:5432/other?x=1", JdbcUrls.withDatabase("jdbc:postgresql://h:5432/db?x=1", "other"));
        assertEquals("jdbc:postgresql://h:5432/other", JdbcUrls.withDatabase("jdbc:postgresql://h:5432/db", "other"));
    }

    @Test
    void redactsPasswords() {
        assertEquals("postgres://app:***@h/db", JdbcUrls.redact("postgres://app:secret@h/db"));
        assertEquals("jdbc:postgresql://h/db?user=a&password=***", JdbcUrls.redact("jdbc:postgresql://h/db?user=a&password=x"));
    }

    @Test
    void rejectsOtherSchemes() {
        var e = assertThrows(IllegalArgumentException.class, () -> JdbcUrls.parse("mysql://u:p@h/db"));
        assertEquals("not a PostgreSQL URL: mysql://u:***@h/db (expected postgres://user:pass@host:port/db or jdbc:postgresql://host:port/db)", e.getMessage());
    }
}
