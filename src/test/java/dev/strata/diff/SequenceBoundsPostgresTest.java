package dev.strata.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.pg.DevServer;
import dev.strata.testing.WithPostgres;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** A sequence whose new MINVALUE passes its current value is moved forward first (pgcodekeeper's modify_sequence_minvalue_set). */
@WithPostgres
class SequenceBoundsPostgresTest {
    @Test
    void raisedMinValueMovesTheCounterForwardAndTheDownLowersTheBound(DevServer server) throws Exception {
        PairCheck.run(server,
                "CREATE SEQUENCE s INCREMENT BY 10; SELECT nextval('s');"
                        + "CREATE SEQUENCE d INCREMENT BY -1 MAXVALUE 100 START 100; SELECT nextval('d');",
                "CREATE SEQUENCE s START 1000 INCREMENT BY 10 MINVALUE 1000;"
                        + "CREATE SEQUENCE d INCREMENT BY -1 MAXVALUE 50 START 50;",
                (c, m) -> {
                    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT nextval('s'), nextval('d')")) {
                        rs.next();
                        assertEquals(1000, rs.getLong(1), "the counter moved up to the new MINVALUE");
                        assertEquals(50, rs.getLong(2), "the descending counter moved down to the new MAXVALUE");
                    }
                });
    }
}
