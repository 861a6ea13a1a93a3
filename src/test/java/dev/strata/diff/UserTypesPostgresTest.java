package dev.strata.diff;


import dev.strata.model.Hints;
import dev.strata.pg.DevServer;
import dev.strata.testing.WithPostgres;
import java.sql.SQLException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Domains and composite types on a real PostgreSQL, one case per change kind: the up of diff(A, B)
 * applied to A converges to B, its down brings back A, and diff(A, A), diff(B, B) are empty.
 */
@WithPostgres
class UserTypesPostgresTest {

    private static final String YEAR = "CREATE DOMAIN year AS integer CONSTRAINT year_check"
            + " CHECK (VALUE >= 1901 AND VALUE <= 2155);";

    static Stream<Arguments> pairs() {
        return Stream.of(
                Arguments.of("create domain and composite type used by columns and a function",
                        "CREATE TABLE film (id int);",
                        YEAR + "COMMENT ON DOMAIN year IS 'a year';"
                                + "CREATE DOMAIN code AS text COLLATE \"C\" DEFAULT 'x' NOT NULL;"
                                + "CREATE TYPE address AS (street text, zip varchar(10), y year);"
                                + "COMMENT ON TYPE address IS 'postal';"
                                + "CREATE DOMAIN recent AS year CHECK (VALUE > 2000);"
                                + "CREATE FUNCTION next_year(y year) RETURNS year LANGUAGE sql AS $$SELECT y + 1$$;"
                                + "CREATE TABLE film (id int, release_year year, c code, a address, r recent[]);",
                        Hints.none()),
                Arguments.of("drop domain and composite type with their tables",
                        YEAR + "CREATE TYPE address AS (street text, zip varchar(10));"
                                + "CREATE TABLE film (id int, release_year year, a address);"
                                + "INSERT INTO film VALUES (1, 1999, ROW('main', '1'));",
                        "CREATE TABLE keep (id int);",
                        Hints.none()),
                Arguments.of("domain default, not null, comment changed",
                        YEAR + "CREATE TABLE film (y year);",
                        YEAR.replace(";", " DEFAULT 2000 NOT NULL;") + "COMMENT ON DOMAIN year IS 'y';"
                                + "CREATE TABLE film (y year);",
                        Hints.none()),
                Arguments.of("domain default dropped, not null dropped",
                        YEAR.replace(";", " DEFAULT 2000 NOT NULL;") + "COMMENT ON DOMAIN year IS 'y';"
                                + "CREATE TABLE film (y year);",
                        YEAR + "CREATE TABLE film (y year);",
                        Hints.none()),
                Arguments.of("domain checks added, dropped and changed",
                        "CREATE DOMAIN pos AS integer CONSTRAINT a CHECK (VALUE > 0) CONSTRAINT b CHECK (VALUE < 100);"
                                + "CREATE TABLE t (p pos);"
                                + "INSERT INTO t VALUES (5);",
                        "CREATE DOMAIN pos AS integer CONSTRAINT a CHECK (VALUE >= 0) CONSTRAINT c CHECK (VALUE <> 7);"
                                + "CREATE TABLE t (p pos);",
                        Hints.none()),
                Arguments.of("domain base type changed while nothing uses it",
                        "CREATE DOMAIN d AS integer; CREATE TABLE t (id int);",
                        "CREATE DOMAIN d AS bigint COLLATE \"C\";".replace(" COLLATE \"C\"", "")
                                + "CREATE TABLE t (id int, x d);",
                        Hints.none()),
                Arguments.of("composite attributes added, trailing one dropped, type altered",
                        "CREATE TYPE address AS (street text, zip varchar(10), old text);"
                                + "CREATE TABLE t (id int);",
                        "CREATE TYPE address AS (street varchar(200) COLLATE \"C\", zip varchar(10), city text, n int);"
                                + "COMMENT ON TYPE address IS 'a';"
                                + "CREATE TABLE t (id int);",
                        Hints.none()),
                Arguments.of("composite attributes added and dropped while a column uses the type",
                        "CREATE TYPE address AS (street text, zip varchar(10), old text);"
                                + "CREATE TABLE t (id int, a address);"
                                + "INSERT INTO t VALUES (1, ROW('s', 'z', 'o'));",
                        "CREATE TYPE address AS (street text, zip varchar(10), city text);"
                                + "CREATE TABLE t (id int, a address);",
                        Hints.none()),
                Arguments.of("composite reordered while unused: dropped and re-created",
                        "CREATE TYPE pair AS (a int, b int);",
                        "CREATE TYPE pair AS (b int, a int);",
                        Hints.none()),
                Arguments.of("enum replaced by a domain of the same name, domain based on an enum",
                        "CREATE TYPE state AS ENUM ('a');"
                                + "CREATE TYPE mood AS ENUM ('ok', 'meh');",
                        "CREATE DOMAIN state AS text;"
                                + "CREATE TYPE mood AS ENUM ('ok', 'meh');"
                                + "CREATE DOMAIN good_mood AS mood CHECK (VALUE = 'ok');"
                                + "CREATE TABLE t (m good_mood, s state);",
                        Hints.none()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void upConvergesAndDownReverses(String title, String sqlA, String sqlB, Hints hints, DevServer server)
            throws SQLException {
        DiffInvariantsPostgresTest.check(sqlA, sqlB, hints, server);
    }
}
