package dev.strata.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import dev.strata.edn.EdnReader;
import dev.strata.model.Column;
import dev.strata.model.ColumnType;
import dev.strata.model.Constraint;
import dev.strata.model.QualifiedName;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import us.bpsm.edn.Keyword;

class FieldParserTest {
    private static Object edn(String text) {
        return EdnReader.parse(text, "test");
    }

    private static ParsedField parse(String name, String spec) {
        return FieldParser.parse("accounts", Keyword.newKeyword(name), edn(spec));
    }

    private static Column column(String name, String sql, boolean notNull, String dflt) {
        return new Column(name, ColumnType.builtin(sql), notNull, dflt, null, null, null, null);
    }

    @Test
    void migrationColumnSpec() {
        assertEquals(new ParsedField(column("billing_email", "character varying(255)", false, null), List.of(), null,
                        null),
                parse("billing-email", "{:type [:varchar 255] :null true}"));
    }

    @Test
    void automigrateVectorSpecWithEveryColumnLevelConstraint() {
        ParsedField f = parse("owner-id", "[:integer {:null false :unique true :foreign-key :users/id "
                + ":on-delete :cascade :on-update :restrict :check [:> :owner-id 0] :comment \"who\"}]");
        assertEquals(new ParsedField(
                new Column("owner_id", ColumnType.builtin("integer"), true, null, null, null, null, "who"),
                List.of(new Constraint.Unique("accounts_owner_id_key", List.of("owner_id"), false),
                        new Constraint.ForeignKey("accounts_owner_id_fkey", List.of("owner_id"), QualifiedName.of("users"),
                                List.of("id"), Constraint.Action.CASCADE, Constraint.Action.RESTRICT, false, false),
                        new Constraint.Check("accounts_owner_id_check", "owner_id > 0")),
                null, null), f);
    }

    @Test
    void primaryKeyIsNotNull() {
        assertEquals(new ParsedField(column("id", "uuid", true, "gen_random_uuid()"),
                        List.of(new Constraint.PrimaryKey("accounts_pkey", List.of("id"))), null, null),
                parse("id", "{:type :uuid :primary-key true :default [:gen_random_uuid]}"));
    }

    @Test
    void identityGeneratedCollationAndHints() {
        Column identity = parse("n", "[:bigint {:identity :by-default}]").column();
        assertEquals(Column.Identity.BY_DEFAULT, identity.identity());
        assertEquals("accounts_n_seq", identity.identitySequence().name(), "the default identity sequence name is filled in");
        assertEquals(new Column("n", ColumnType.builtin("bigint"), true, null, Column.Identity.BY_DEFAULT, null, null,
                null).withSettings(identity.identitySequence(), null, null, null, null), identity);
        assertEquals(Column.Identity.ALWAYS, parse("n", "[:bigint {:identity true}]").column().identity());
        assertEquals(Column.Identity.ALWAYS, parse("n", "[:bigint {:identity :always}]").column().identity());
        assertEquals(new Column("total", ColumnType.builtin("numeric(12,2)"), false, null, null,
                        "(price * qty)", null, null),
                parse("total", "{:type :numeric :precision 12 :scale 2 :generated [:* :price :qty]}").column());
        assertEquals("price * qty", parse("total", "[:numeric {:generated [:raw \"price * qty\"]}]").column().generatedExpr());
        assertEquals("\"C\"", parse("s", "[:text {:collate \"C\"}]").column().collation());
        assertEquals(new ParsedField(column("full_name", "text", false, null), List.of(), "name", "name::text"),
                parse("full-name", "[:text {:renamed-from :name :using [:raw \"name::text\"]}]"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            ":integer | integer", ":int | integer", ":smallint | smallint", ":bigint | bigint", ":serial | serial",
            ":bigserial | bigserial", ":smallserial | smallserial", ":float | double precision",
            ":real | real", ":double | double precision", ":numeric | numeric", ":decimal | numeric",
            "[:numeric 10 2] | numeric(10,2)", "[:decimal 8] | numeric(8)", ":uuid | uuid", ":boolean | boolean",
            ":text | text", ":varchar | character varying", "[:varchar 255] | character varying(255)",
            "[:char 2] | character(2)", ":date | date", ":time | time without time zone",
            "[:time 3] | time(3) without time zone", ":timetz | time with time zone",
            ":timestamp | timestamp without time zone", "[:timestamp 0] | timestamp(0) without time zone",
            ":timestamptz | timestamp with time zone", "[:timestamptz 6] | timestamp(6) with time zone",
            ":interval | interval", ":json | json", ":jsonb | jsonb", ":bytea | bytea", "[:bit 8] | bit(8)",
            "[:varbit 16] | bit varying(16)", ":point | point", ":line | line", ":lseg | lseg", ":box | box",
            ":path | path", ":polygon | polygon", ":circle | circle", ":inet | inet", ":cidr | cidr",
            ":macaddr | macaddr", ":macaddr8 | macaddr8", ":money | money", ":tsvector | tsvector",
            ":tsquery | tsquery", ":xml | xml", ":int4range | int4range", ":int8range | int8range",
            ":numrange | numrange", ":tsrange | tsrange", ":tstzrange | tstzrange", ":daterange | daterange",
            "[:array :text] | text[]", "[:array [:varchar 10]] | character varying(10)[]",
            "[:raw \"citext\"] | citext"})
    void types(String form, String sql) {
        assertEquals(ColumnType.builtin(sql), parse("c", "{:type " + form + "}").column().type());
    }

    @Test
    void arraysAndEnums() {
        assertEquals(ColumnType.builtin("integer[]"), parse("c", "[:integer {:array \"[]\"}]").column().type());
        assertEquals(ColumnType.builtin("text[][]"), parse("c", "[:text {:array \"[][]\"}]").column().type());
        assertEquals(ColumnType.builtin("uuid[]"), parse("c", "{:type :uuid :array true}").column().type());
        assertEquals(new ColumnType("account_role", QualifiedName.of("account_role")),
                parse("c", "[[:enum :account-role]]").column().type());
        assertEquals(new ColumnType("\"user\"", QualifiedName.of("user")), parse("c", "{:type :user}").column().type());
        assertEquals(new ColumnType("status[]", QualifiedName.of("status")),
                parse("c", "{:type [:enum :status] :array true}").column().type());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "\"member\" | 'member'", "\"it's\" | 'it''s'", "42 | 42", "-1.5 | -1.5", "true | true",
            "false | false", ":now | now()", "[:now] | now()", "[:gen_random_uuid] | gen_random_uuid()",
            "[:gen-random-uuid] | gen_random_uuid()", "[:nextval \"s\"] | nextval('s'::regclass)",
            "[:raw \"CURRENT_DATE + 1\"] | CURRENT_DATE + 1", ":current-timestamp | CURRENT_TIMESTAMP",
            "[:coalesce [:now] \"x\"] | coalesce(now(), 'x')"})
    void defaults(String form, String sql) {
        assertEquals(sql, parse("c", "[:text {:default " + form + "}]").column().defaultExpr());
    }

    @Test
    void nilDefaultMeansNone() {
        assertEquals(null, parse("c", "[:text {:default nil}]").column().defaultExpr());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "[:and [:> :month 0] [:<= :month 12]] | month > 0 AND month <= 12",
            "[:or [:= :a 1] [:and [:<> :b \"x\"] [:not [:is :c nil]]]] | a = 1 OR (b <> 'x' AND NOT (c IS NULL))",
            "[:in :status [\"a\" \"b\"]] | status IN ('a', 'b')",
            "[:not-in :status [\"a\"]] | status NOT IN ('a')",
            "[:between :n 1 10] | n BETWEEN 1 AND 10",
            "[:is-not :deleted-at nil] | deleted_at IS NOT NULL",
            "[:= :x nil] | x IS NULL",
            "[:like :email \"%@%\"] | email LIKE '%@%'",
            "[:>= [:length :name] 3] | length(name) >= 3",
            "[:raw \"price >= 0\"] | price >= 0",
            "[:and [:raw \"a > 0\"] [:> :order 0]] | (a > 0) AND \"order\" > 0"})
    void checks(String form, String sql) {
        assertEquals(new Constraint.Check("accounts_c_check", sql),
                parse("c", "[:integer {:check " + form + "}]").constraints().get(0));
    }

    @Test
    void badSpecsReportEveryProblem() {
        StrataException e = assertThrows(StrataException.class,
                () -> parse("c", "{:type [:varchar \"x\"] :nul false :identity :sometimes}"));
        assertEquals(ErrorCode.INVALID_MODEL, e.code());
        assertEquals(List.of(
                "table accounts, field :c: unknown field option :nul. Use one of :array :check :collate :comment "
                        + ":compression :constraint-comment :constraint-name :default :fdw-options :foreign-key :generated :identity :length :null "
                        + ":on-delete :on-update :options :precision :primary-key :renamed-from :scale :statistics :storage :type "
                        + ":unique :using, or add the key to the strip list if it is application metadata.",
                "table accounts, field :c: type parameter \"x\" of :varchar is not a non-negative integer. "
                        + "Write an integer, e.g. [:varchar 10].",
                "table accounts, field :c: bad :identity :sometimes. Write :identity true, :always, :by-default or a map"
                        + " {:generated :always :sequence-name :s :start 1 :increment 1 :min-value 1 :max-value 100 :cache 1 :cycle false}."),
                e.problems());
    }
}
