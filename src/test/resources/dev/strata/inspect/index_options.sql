-- Index key options, storage parameters, comments and table options the model carries. The
-- foreign key from invoices depends on the unique index with text_pattern_ops and DESC: the
-- inspected model must keep that index, or PostgreSQL rejects the foreign key.
CREATE TABLE accounts (
    id integer PRIMARY KEY,
    code text NOT NULL,
    region text NOT NULL,
    name text,
    "Label" text
) WITH (fillfactor = 80, autovacuum_enabled = false, autovacuum_vacuum_scale_factor = 0.2);
CREATE UNIQUE INDEX accounts_code_region_key ON accounts (code text_pattern_ops DESC, region COLLATE "C" NULLS FIRST);
COMMENT ON INDEX accounts_code_region_key IS 'invoices reference this';
CREATE INDEX accounts_name_idx ON accounts (lower(name) text_pattern_ops, name DESC NULLS LAST, "Label" COLLATE "POSIX")
    WITH (fillfactor = 60, deduplicate_items = off);
CREATE INDEX accounts_name_trgm ON accounts USING gist (name public.gist_trgm_ops (siglen = 32));
CREATE TABLE invoices (
    id integer PRIMARY KEY,
    account_code text NOT NULL,
    account_region text NOT NULL,
    FOREIGN KEY (account_code, account_region) REFERENCES accounts (code, region)
);
CREATE UNLOGGED TABLE staging (id integer, payload text) WITH (fillfactor = 70);
ALTER TABLE staging FORCE ROW LEVEL SECURITY;
CREATE MATERIALIZED VIEW account_names WITH (fillfactor = 50) AS SELECT id, name FROM accounts WITH NO DATA;
CREATE UNIQUE INDEX account_names_id ON account_names (id DESC) WITH (fillfactor = 90);
COMMENT ON INDEX account_names_id IS 'one row per account';
