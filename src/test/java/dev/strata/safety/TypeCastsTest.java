package dev.strata.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TypeCastsTest {
    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "character varying(40) | character varying(80) | FREE",
        "character varying(80) | character varying(40) | LOSSY",
        "character varying(40) | text | FREE",
        "text | character varying(10) | LOSSY",
        "numeric(10,2) | numeric(12,2) | FREE",
        "numeric(10,2) | numeric(12,3) | REWRITE",
        "numeric(10,2) | numeric(10,1) | LOSSY",
        "numeric(10,2) | integer | LOSSY",
        "numeric(10,2) | numeric | FREE",
        "integer | bigint | REWRITE",
        "bigint | integer | LOSSY",
        "integer | numeric(12,2) | REWRITE",
        "integer | numeric(8,2) | LOSSY",
        "real | double precision | REWRITE",
        "double precision | real | LOSSY",
        "timestamp(3) with time zone | timestamp with time zone | FREE",
        "timestamp with time zone | timestamp(3) with time zone | LOSSY",
        "integer | text | REWRITE",
        "character(5) | text | LOSSY",
        "text | integer | LOSSY",
    })
    void classifies(String from, String to, TypeCasts.Kind kind) {
        assertEquals(kind, TypeCasts.classify(from.strip(), to.strip()));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "numeric(10,2) | integer | c <> trunc(c) OR c NOT BETWEEN -2147483648 AND 2147483647",
        "numeric(10,2) | numeric(6,1) | c <> round(c::numeric, 1) OR abs(c) >= 1e5",
        "text | character varying(10) | length(c::text) > 10",
    })
    void countsTheValuesACastLoses(String from, String to, String condition) {
        assertEquals(condition, TypeCasts.lossyCondition("c", from.strip(), to.strip()).orElseThrow());
    }
}
