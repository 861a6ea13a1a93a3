-- Objects the model cannot carry, next to ones it can. Executed with search_path set to the target schema.
CREATE DOMAIN positive_int AS integer CHECK (VALUE > 0);
-- Range types and aggregates of every kind (a moving-aggregate mode here) are in the model.
CREATE TYPE floatrange AS RANGE (subtype = float8);
CREATE AGGREGATE concat_all(text) (SFUNC = textcat, STYPE = text, INITCOND = '',
                                   MSFUNC = textcat, MINVFUNC = textcat, MSTYPE = text);
CREATE SEQUENCE ticket_seq START 100;

CREATE TABLE shops (
  id integer NOT NULL,
  name text NOT NULL,
  CONSTRAINT shop_identity PRIMARY KEY (id)
);

CREATE TABLE items (
  id integer PRIMARY KEY,
  shop_id integer REFERENCES shops (id) DEFERRABLE INITIALLY DEFERRED,
  ticket integer NOT NULL DEFAULT nextval('ticket_seq'),
  qty positive_int,
  label text NOT NULL,
  CONSTRAINT items_qty_small CHECK (qty < 100)
);
CREATE INDEX items_qty_idx ON items (qty);
CREATE INDEX items_label_desc_idx ON items (label DESC);
CREATE INDEX items_label_idx ON items (label);
-- Extended statistics are in the model; a comment on a constraint's index is not: reported, with its table.
CREATE STATISTICS items_stats (ndistinct, dependencies) ON qty, label FROM items;
ALTER STATISTICS items_stats SET STATISTICS 200;
COMMENT ON STATISTICS items_stats IS 'qty and label go together';
COMMENT ON INDEX shop_identity IS 'the shop key';

CREATE VIEW item_labels AS SELECT concat_all(label) AS labels FROM items;
CREATE VIEW item_ranges AS SELECT floatrange(qty, qty + 1) AS r FROM items;
CREATE VIEW item_quantities AS SELECT id, qty FROM items;
CREATE VIEW item_names AS SELECT id, label FROM items;
COMMENT ON VIEW item_names IS 'labels by id';

CREATE TABLE measurements (
  taken_on date NOT NULL,
  value numeric
) PARTITION BY RANGE (taken_on);
CREATE TABLE measurements_2024 PARTITION OF measurements
  FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');

CREATE UNLOGGED TABLE scratch (id integer);
