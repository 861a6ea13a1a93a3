package dev.strata.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** DumpComparisonTest: pg_dump outputs compared object by object. */
class DumpComparisonTest {
    private static final String A = """
            --
            -- PostgreSQL database dump
            --
            \\restrict abc123
            SET statement_timeout = 0;
            --
            -- Name: t; Type: TABLE; Schema: public; Owner: -
            --

            CREATE TABLE public.t (
                id integer NOT NULL,
                name text
            );

            --
            -- Name: t t_pkey; Type: CONSTRAINT; Schema: public; Owner: -
            --

            ALTER TABLE ONLY public.t
                ADD CONSTRAINT t_pkey PRIMARY KEY (id);
            \\unrestrict abc123
            """;

    @Test
    void sameObjectsInAnotherColumnOrderAndAnotherRestrictKeyAreEqual() {
        String b = A.replace("abc123", "zzz999").replace("    id integer NOT NULL,\n    name text\n",
                "    name text,\n    id integer NOT NULL\n");
        assertEquals(List.of(), DumpComparison.compare(A, b));
    }

    @Test
    void renamedConstraintIsTwoDifferences() {
        List<DumpComparison.Difference> d = DumpComparison.compare(A, A.replace("t_pkey", "pk_t"));
        assertEquals(List.of("t pk_t", "t t_pkey"), d.stream().map(DumpComparison.Difference::name).toList());
        assertEquals("CONSTRAINT", d.get(0).type());
    }

    @Test
    void changedColumnTypeIsADifference() {
        List<DumpComparison.Difference> d = DumpComparison.compare(A, A.replace("name text", "name varchar(5)"));
        assertEquals(1, d.size());
        assertEquals("TABLE", d.get(0).type());
    }

    @Test
    void publicSchemaRecreatedIsOwnershipAndIgnored() {
        String withPublic = A.replace("-- Name: t; Type: TABLE", "-- Name: public; Type: SCHEMA; Schema: -; Owner: -\n--\n\n"
                + "CREATE SCHEMA public;\n\n--\n-- Name: t; Type: TABLE");
        assertEquals(List.of(), DumpComparison.compare(withPublic, A));
    }

    @Test
    void storageParametersInAnotherOrderAreEqualButAnotherValueIsNot() {
        String a = "--\n-- Name: i; Type: INDEX; Schema: public; Owner: -\n--\n\n"
                + "CREATE INDEX i ON public.t USING btree (a) WITH (fillfactor='70', deduplicate_items='on');\n";
        assertEquals(List.of(), DumpComparison.compare(a, a.replace("(fillfactor='70', deduplicate_items='on')",
                "(deduplicate_items='on', fillfactor='70')")));
        assertEquals(1, DumpComparison.compare(a, a.replace("fillfactor='70'", "fillfactor='80'")).size());
    }
}
