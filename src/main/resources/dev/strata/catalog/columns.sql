-- Columns of every table read by tables.sql, in attnum order, dropped columns skipped. Columns a
-- table has only from a parent (a partition's, an inheritance child's: attinhcount > 0) or from its
-- composite type (a typed table's) are derived: the model writes them on the parent or type, and
-- the table holds only its own NOT NULL, DEFAULT and comment on them (DerivedColumn), relative to
-- the parent's: parent_not_null is any parent's NOT NULL, parent_default the first parent's (by
-- inhseqno) default, in_key whether the table's own primary key implies NOT NULL.
-- An inheritance child's column that is its own as well (attislocal: declared in its CREATE TABLE,
-- or kept after NO INHERIT) is read as an own column, as pg_dump prints it in the child's CREATE TABLE.
-- user_type_* name the user-defined type (or array element type) a column uses.
-- seq_* give the sequence of an identity column; seq_persistence its LOGGED / UNLOGGED where that
-- differs from its table's (PostgreSQL 15+ has unlogged sequences). attcompression (14+) is read through to_jsonb so
-- that one query serves every version, as is attstattarget, which is NULL for the default from 17
-- on and -1 before. storage is the column's storage only where it differs from its type's.
SELECT a.attrelid AS table_oid,
       a.attname AS column_name,
       format_type(a.atttypid, a.atttypmod) AS type_sql,
       CASE WHEN bn.nspname IN ('pg_catalog', 'information_schema') THEN NULL
            WHEN bn.oid = :schema_oid THEN '' ELSE bn.nspname END AS user_type_schema,
       CASE WHEN bn.nspname IN ('pg_catalog', 'information_schema') THEN NULL ELSE bt.typname END AS user_type_name,
       a.attnotnull AS not_null,
       CASE WHEN a.attidentity = '' AND a.attgenerated = '' THEN pg_get_expr(ad.adbin, ad.adrelid) END AS default_expr,
       CASE a.attidentity WHEN 'a' THEN 'ALWAYS' WHEN 'd' THEN 'BY_DEFAULT' END AS identity,
       CASE WHEN a.attgenerated IN ('s', 'v') THEN pg_get_expr(ad.adbin, ad.adrelid) END AS generated_expr,
       CASE WHEN a.attcollation <> t.typcollation AND a.attcollation <> 0 THEN
            CASE WHEN co.collnamespace IN ('pg_catalog'::regnamespace, :schema_oid) THEN ''
                 ELSE quote_ident(con.nspname) || '.' END
            || '"' || replace(co.collname, '"', '""') || '"' END AS collation,
       col_description(a.attrelid, a.attnum) AS comment,
       seq.relname AS seq_name,
       seq.seqstart AS seq_start,
       seq.seqincrement AS seq_increment,
       seq.seqmin AS seq_min,
       seq.seqmax AS seq_max,
       seq.seqcache AS seq_cache,
       seq.seqcycle AS seq_cycle,
       CASE WHEN seq.relpersistence <> c.relpersistence THEN
            CASE seq.relpersistence WHEN 'u' THEN 'UNLOGGED' ELSE 'LOGGED' END END AS seq_persistence,
       nullif((to_jsonb(a) ->> 'attstattarget')::int, -1) AS statistics,
       CASE WHEN a.attstorage <> t.typstorage THEN
            CASE a.attstorage WHEN 'p' THEN 'PLAIN' WHEN 'e' THEN 'EXTERNAL' WHEN 'm' THEN 'MAIN' ELSE 'EXTENDED' END
       END AS storage,
       CASE to_jsonb(a) ->> 'attcompression' WHEN 'p' THEN 'pglz' WHEN 'l' THEN 'lz4' END AS compression,
       a.attoptions AS options,
       a.attfdwoptions AS fdw_options,
       NOT ((a.attinhcount = 0 OR (a.attislocal AND NOT c.relispartition)) AND c.reloftype = 0) AS derived,
       coalesce(par.not_null, false) AS parent_not_null,
       par.default_expr AS parent_default,
       EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conrelid = a.attrelid AND k.contype = 'p'
                                              AND a.attnum = ANY (k.conkey)) AS in_key
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid
JOIN pg_type t ON t.oid = a.atttypid
JOIN pg_type bt ON bt.oid = CASE WHEN t.typcategory = 'A' AND t.typelem <> 0 THEN t.typelem ELSE t.oid END
JOIN pg_namespace bn ON bn.oid = bt.typnamespace
LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
LEFT JOIN pg_collation co ON co.oid = a.attcollation
LEFT JOIN pg_namespace con ON con.oid = co.collnamespace
LEFT JOIN LATERAL (
    SELECT sc.relname, sc.relpersistence, s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle
    FROM pg_depend d
    JOIN pg_sequence s ON s.seqrelid = d.objid
    JOIN pg_class sc ON sc.oid = s.seqrelid
    WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass
      AND d.refobjid = a.attrelid AND d.refobjsubid = a.attnum AND d.deptype = 'i'
    LIMIT 1
) seq ON a.attidentity <> ''
LEFT JOIN LATERAL (
    SELECT bool_or(pa.attnotnull) AS not_null,
           (array_agg(CASE WHEN pa.attidentity = '' AND pa.attgenerated = '' THEN pg_get_expr(pd.adbin, pd.adrelid) END
                      ORDER BY i.inhseqno))[1] AS default_expr
    FROM pg_inherits i
    JOIN pg_attribute pa ON pa.attrelid = i.inhparent AND pa.attname = a.attname AND NOT pa.attisdropped
    LEFT JOIN pg_attrdef pd ON pd.adrelid = pa.attrelid AND pd.adnum = pa.attnum
    WHERE i.inhrelid = a.attrelid
) par ON a.attinhcount > 0
WHERE c.relnamespace = ANY(:schema_oids)
  AND c.relkind IN ('r', 'p', 'f')
  AND NOT EXISTS (SELECT 1 FROM pg_depend e
                  WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')
  AND a.attnum > 0
  AND NOT a.attisdropped
ORDER BY a.attrelid, a.attnum
