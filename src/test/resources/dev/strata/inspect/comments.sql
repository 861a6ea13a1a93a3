-- Every object kind that carries a comment, an aggregate over a user state function (pagila's
-- group_concat pattern), a commented procedure and a materialized view WITH NO DATA.
CREATE TABLE account (
    id integer CONSTRAINT account_pkey PRIMARY KEY,
    email text UNIQUE,
    during tstzrange,
    score integer CHECK (score >= 0),
    EXCLUDE USING gist (during WITH &&)
);
CREATE TABLE login (
    id integer,
    other integer,
    account_id integer REFERENCES account (id),
    CONSTRAINT login_pk PRIMARY KEY (id, other),
    CONSTRAINT "Odd Check" CHECK (other > 0)
);
CREATE INDEX account_score_idx ON account (score);
COMMENT ON TABLE account IS 'accounts';
COMMENT ON CONSTRAINT account_pkey ON account IS 'the key';
COMMENT ON CONSTRAINT account_email_key ON account IS 'one address each';
COMMENT ON CONSTRAINT account_score_check ON account IS 'no negative scores';
COMMENT ON CONSTRAINT account_during_excl ON account IS 'no overlaps';
COMMENT ON CONSTRAINT login_pk ON login IS 'composite key';
COMMENT ON CONSTRAINT "Odd Check" ON login IS 'it''s odd';
COMMENT ON CONSTRAINT login_account_id_fkey ON login IS 'whose login';
COMMENT ON INDEX account_score_idx IS 'by score';
CREATE SEQUENCE counter;
COMMENT ON SEQUENCE counter IS 'counts';
CREATE DOMAIN year AS integer CHECK (VALUE > 1900);
COMMENT ON DOMAIN year IS 'a year';
CREATE TYPE pair AS (a integer, b text);
COMMENT ON TYPE pair IS 'two things';

CREATE FUNCTION _group_concat(text, text) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $_$
SELECT CASE
  WHEN $2 IS NULL THEN $1
  WHEN $1 IS NULL THEN $2
  ELSE $1 || ', ' || $2
END
$_$;
COMMENT ON FUNCTION _group_concat(text, text) IS 'step';
CREATE AGGREGATE group_concat(text) (SFUNC = _group_concat, STYPE = text);
COMMENT ON AGGREGATE group_concat(text) IS 'joins with commas';
CREATE AGGREGATE "Count Rows"(*) (SFUNC = int8inc, STYPE = bigint, INITCOND = '0', PARALLEL = SAFE);
CREATE AGGREGATE biggest(integer) (SFUNC = int4larger, STYPE = integer, COMBINEFUNC = int4larger, SORTOP = >);
CREATE FUNCTION add3(integer, integer, integer) RETURNS integer LANGUAGE sql AS $$ SELECT $1 + $2 + $3 $$;
CREATE AGGREGATE sum_pairs(named integer, integer) (SFUNC = add3, STYPE = integer, INITCOND = '0',
    FINALFUNC = abs, FINALFUNC_MODIFY = SHAREABLE, SSPACE = 16);
CREATE PROCEDURE add_point(p integer, q integer DEFAULT 0) LANGUAGE sql AS $$ SELECT p + q $$;
COMMENT ON PROCEDURE add_point(integer, integer) IS 'adds';
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;

CREATE VIEW emails AS SELECT group_concat(email) AS all_emails FROM account;
COMMENT ON VIEW emails IS 'every address';
CREATE MATERIALIZED VIEW scores WITH (fillfactor = 70) AS SELECT id, score FROM account WITH NO DATA;
COMMENT ON MATERIALIZED VIEW scores IS 'not yet filled';
CREATE TRIGGER account_touch BEFORE UPDATE ON account FOR EACH ROW EXECUTE FUNCTION touch();
COMMENT ON TRIGGER account_touch ON account IS 'touches';
ALTER TABLE account ENABLE ROW LEVEL SECURITY;
CREATE POLICY own ON account USING (id > 0);
COMMENT ON POLICY own ON account IS 'only positive ids';
