-- Unlogged sequences, NOT VALID domain checks, replica identity and CLUSTER ON.
CREATE SEQUENCE plain_seq;
CREATE DOMAIN positive AS integer;
ALTER DOMAIN positive ADD CONSTRAINT positive_check CHECK (VALUE > 0) NOT VALID;
CREATE TABLE items (id integer PRIMARY KEY, code text NOT NULL, amount positive);
CREATE UNIQUE INDEX items_code ON items (code);
ALTER TABLE items REPLICA IDENTITY USING INDEX items_code;
ALTER TABLE items CLUSTER ON items_pkey;
CREATE TABLE events (id integer, payload text);
ALTER TABLE events REPLICA IDENTITY FULL;
