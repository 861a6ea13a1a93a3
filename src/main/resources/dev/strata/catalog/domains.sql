-- Domains of the schema with their base type, collation, default, NOT NULL and CHECK constraints
-- (sorted by name, as pg_get_constraintdef prints them), without domains that belong to an extension.
-- base_type_* name the user-defined type (or array element type) the domain is based on.
SELECT t.typname AS domain_name,
       CASE WHEN t.typnamespace = :schema_oid THEN '' ELSE (SELECT ns.nspname::text FROM pg_namespace ns WHERE ns.oid = t.typnamespace) END AS object_schema,
       format_type(t.typbasetype, t.typtypmod) AS base_sql,
       CASE WHEN bn.nspname IN ('pg_catalog', 'information_schema') THEN NULL
            WHEN bn.oid = :schema_oid THEN '' ELSE bn.nspname END AS base_type_schema,
       CASE WHEN bn.nspname IN ('pg_catalog', 'information_schema') THEN NULL ELSE bt.typname END AS base_type_name,
       CASE WHEN t.typcollation <> b.typcollation AND t.typcollation <> 0 THEN
            CASE WHEN co.collnamespace IN ('pg_catalog'::regnamespace, :schema_oid) THEN ''
                 ELSE quote_ident(con.nspname) || '.' END
            || '"' || replace(co.collname, '"', '""') || '"' END AS collation,
       t.typnotnull AS not_null,
       t.typdefault AS default_expr,
       ARRAY(SELECT c.conname::text FROM pg_constraint c WHERE c.contypid = t.oid AND c.contype = 'c'
             ORDER BY c.conname) AS check_names,
       ARRAY(SELECT pg_get_constraintdef(c.oid) FROM pg_constraint c WHERE c.contypid = t.oid AND c.contype = 'c'
             ORDER BY c.conname) AS check_definitions,
       ARRAY(SELECT obj_description(c.oid, 'pg_constraint') FROM pg_constraint c WHERE c.contypid = t.oid
             AND c.contype = 'c' ORDER BY c.conname) AS check_comments,
       obj_description(t.oid, 'pg_type') AS comment
FROM pg_type t
JOIN pg_type b ON b.oid = t.typbasetype
JOIN pg_type bt ON bt.oid = CASE WHEN b.typcategory = 'A' AND b.typelem <> 0 THEN b.typelem ELSE b.oid END
JOIN pg_namespace bn ON bn.oid = bt.typnamespace
LEFT JOIN pg_collation co ON co.oid = t.typcollation
LEFT JOIN pg_namespace con ON con.oid = co.collnamespace
WHERE t.typnamespace = ANY(:schema_oids)
  AND t.typtype = 'd'
  AND NOT EXISTS (SELECT 1 FROM pg_depend e
                  WHERE e.classid = 'pg_type'::regclass AND e.objid = t.oid AND e.deptype = 'e')
ORDER BY t.typname
