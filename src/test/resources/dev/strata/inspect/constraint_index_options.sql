-- Primary keys and unique constraints with INCLUDE and storage parameters, a foreign key with
-- ON DELETE SET NULL (columns) and a unique index NULLS NOT DISTINCT (PostgreSQL 15+).
CREATE TABLE parents (a integer, b integer, note text,
    CONSTRAINT parents_pkey PRIMARY KEY (a, b) INCLUDE (note) WITH (fillfactor=80));
CREATE TABLE children (id integer PRIMARY KEY WITH (fillfactor=60), a integer, b integer, code text,
    CONSTRAINT children_code_key UNIQUE (code) INCLUDE (a) WITH (fillfactor=70),
    CONSTRAINT children_a_b_fkey FOREIGN KEY (a, b) REFERENCES parents ON DELETE SET NULL (b));
CREATE UNIQUE INDEX children_b_idx ON children (b) NULLS NOT DISTINCT;
