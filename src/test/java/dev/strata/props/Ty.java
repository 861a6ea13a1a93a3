package dev.strata.props;

import dev.strata.model.ColumnType;
import dev.strata.model.QualifiedName;
import dev.strata.sql.Identifiers;
import java.util.List;
import java.util.Random;

/**
 * Ty represents the type of a generated column: one of the built-in kinds the generator knows, or
 * an enum of the generated schema.
 *
 * @param kind      the kind
 * @param length    the length of {@code character varying(n)}
 * @param precision the precision of {@code numeric(p,s)}
 * @param scale     the scale of {@code numeric(p,s)}
 * @param enumName  the enum type's name for {@link Kind#ENUM}
 */
record Ty(Kind kind, int length, int precision, int scale, String enumName) {

    /** Type kinds. */
    enum Kind {
        SMALLINT, INTEGER, BIGINT, NUMERIC, TEXT, VARCHAR, BOOLEAN, UUID, DATE, TIMESTAMPTZ, JSONB, BYTEA,
        TEXT_ARRAY, INTEGER_ARRAY, ENUM
    }

    static Ty of(Kind kind) {
        return new Ty(kind, 0, 0, 0, null);
    }

    static Ty varchar(int length) {
        return new Ty(Kind.VARCHAR, length, 0, 0, null);
    }

    static Ty numeric(int precision, int scale) {
        return new Ty(Kind.NUMERIC, 0, precision, scale, null);
    }

    static Ty enumOf(String name) {
        return new Ty(Kind.ENUM, 0, 0, 0, name);
    }

    /** The type as PostgreSQL prints it. */
    String sql() {
        switch (kind) {
            case SMALLINT: return "smallint";
            case INTEGER: return "integer";
            case BIGINT: return "bigint";
            case NUMERIC: return "numeric(" + precision + "," + scale + ")";
            case TEXT: return "text";
            case VARCHAR: return "character varying(" + length + ")";
            case BOOLEAN: return "boolean";
            case UUID: return "uuid";
            case DATE: return "date";
            case TIMESTAMPTZ: return "timestamp with time zone";
            case JSONB: return "jsonb";
            case BYTEA: return "bytea";
            case TEXT_ARRAY: return "text[]";
            case INTEGER_ARRAY: return "integer[]";
            case ENUM: return Identifiers.quote(enumName);
            default: throw new IllegalStateException("unsupported kind " + kind);
        }
    }

    ColumnType columnType() {
        return new ColumnType(sql(), kind == Kind.ENUM ? QualifiedName.of(enumName) : null);
    }

    boolean integral() {
        return kind == Kind.SMALLINT || kind == Kind.INTEGER || kind == Kind.BIGINT;
    }

    boolean numericFamily() {
        return integral() || kind == Kind.NUMERIC;
    }

    boolean string() {
        return kind == Kind.TEXT || kind == Kind.VARCHAR;
    }

    /** Whether btree can index it (keys, unique constraints, plain indexes). */
    boolean btree() {
        return kind != Kind.JSONB && kind != Kind.BYTEA && kind != Kind.TEXT_ARRAY && kind != Kind.INTEGER_ARRAY;
    }

    /** Whether a default GIN operator class exists for it. */
    boolean gin() {
        return kind == Kind.JSONB || kind == Kind.TEXT_ARRAY || kind == Kind.INTEGER_ARRAY;
    }

    /**
     * Types an ALTER COLUMN ... TYPE without USING reaches from this one and back (assignment casts
     * both ways), so that both the up and the down of a migration can run.
     */
    List<Ty> compatible() {
        switch (kind) {
            case SMALLINT: return List.of(of(Kind.INTEGER), of(Kind.BIGINT));
            case INTEGER: return List.of(of(Kind.SMALLINT), of(Kind.BIGINT), numeric(12, 2));
            case BIGINT: return List.of(of(Kind.INTEGER), numeric(20, 0));
            case NUMERIC: return List.of(numeric(precision + 4, scale), numeric(precision, scale + 1), of(Kind.INTEGER));
            case TEXT: return List.of(varchar(40), varchar(200));
            case VARCHAR: return List.of(of(Kind.TEXT), varchar(length * 2));
            case DATE: return List.of(of(Kind.TIMESTAMPTZ));
            case TIMESTAMPTZ: return List.of(of(Kind.DATE));
            default: return List.of();
        }
    }

    /** A random default expression valid for this type. */
    String randomDefault(Random rng, List<String> enumLabels) {
        switch (kind) {
            case SMALLINT:
            case INTEGER:
            case BIGINT:
                return pick(rng, "0", "42", "'-1'::integer", "(7 * 6)");
            case NUMERIC:
                return pick(rng, "0", "1.5", "round(2.25, 1)");
            case TEXT:
            case VARCHAR:
                return pick(rng, "''", "'it''s'", "'none'::text", "upper('x')", "(current_user)::text");
            case BOOLEAN:
                return pick(rng, "true", "false");
            case UUID:
                return pick(rng, "gen_random_uuid()", "'00000000-0000-0000-0000-000000000000'::uuid");
            case DATE:
                return pick(rng, "CURRENT_DATE", "'2000-01-01'::date");
            case TIMESTAMPTZ:
                return pick(rng, "now()", "CURRENT_TIMESTAMP", "'2020-02-29 12:00:00+00'::timestamp with time zone");
            case JSONB:
                return pick(rng, "'{}'::jsonb", "'[]'::jsonb", "jsonb_build_object('k', 1)");
            case BYTEA:
                return pick(rng, "decode('00ff', 'hex')", "''::bytea");
            case TEXT_ARRAY:
                return pick(rng, "'{}'::text[]", "ARRAY['a', 'b c']");
            case INTEGER_ARRAY:
                return pick(rng, "'{}'::integer[]", "ARRAY[1, 2, 3]");
            case ENUM:
                return Identifiers.literal(enumLabels.get(rng.nextInt(enumLabels.size())))
                        + "::" + Identifiers.quote(enumName);
            default:
                throw new IllegalStateException("unsupported kind " + kind);
        }
    }

    /** A CHECK expression over one column of this type. */
    String check(String column, List<String> enumLabels) {
        String c = Identifiers.quote(column);
        switch (kind) {
            case SMALLINT:
            case INTEGER:
            case BIGINT:
            case NUMERIC:
                return c + " >= 0";
            case TEXT:
            case VARCHAR:
                return "char_length(" + c + ") < 1000";
            case BOOLEAN:
                return c + " OR " + c + " IS NULL";
            case UUID:
                return c + " <> '00000000-0000-0000-0000-000000000001'::uuid";
            case DATE:
            case TIMESTAMPTZ:
                return c + " > '1990-01-01'";
            case JSONB:
                return "jsonb_typeof(" + c + ") <> 'null'";
            case BYTEA:
                return "length(" + c + ") < 10000";
            case TEXT_ARRAY:
            case INTEGER_ARRAY:
                return "cardinality(" + c + ") < 100";
            case ENUM:
                return c + " <> " + Identifiers.literal(enumLabels.get(0)) + "::" + Identifiers.quote(enumName);
            default:
                throw new IllegalStateException("unsupported kind " + kind);
        }
    }

    private static String pick(Random rng, String... options) {
        return options[rng.nextInt(options.length)];
    }
}
