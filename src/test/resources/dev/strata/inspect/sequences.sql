-- Pagila's pattern: a sequence created on its own (bigint, not owned) behind an integer column's
-- nextval default, next to owned, commented, descending and oddly named sequences.
CREATE SEQUENCE actor_actor_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
CREATE TABLE actor (
  actor_id integer DEFAULT nextval('actor_actor_id_seq'::regclass) NOT NULL PRIMARY KEY,
  first_name text NOT NULL,
  last_update timestamp with time zone DEFAULT now() NOT NULL
);
CREATE SEQUENCE payment_payment_id_seq AS integer START 16050 INCREMENT 1 CACHE 10;
CREATE TABLE payment (
  payment_id integer DEFAULT nextval('payment_payment_id_seq'::regclass) NOT NULL PRIMARY KEY,
  amount numeric(5,2) NOT NULL
);
ALTER SEQUENCE payment_payment_id_seq OWNED BY payment.payment_id;
COMMENT ON SEQUENCE payment_payment_id_seq IS 'payment ids';
CREATE SEQUENCE countdown AS smallint INCREMENT -3 MAXVALUE 900 CYCLE;
CREATE SEQUENCE "Odd Seq" START 7;
CREATE TABLE odd (n bigint DEFAULT nextval('"Odd Seq"'::regclass), m bigint DEFAULT nextval('countdown'::regclass));
-- A serial whose sequence carries a comment is no longer a plain serial: written as a sequence.
CREATE TABLE noted (id serial PRIMARY KEY);
COMMENT ON SEQUENCE noted_id_seq IS 'noted';
