-- Composite types of the schema (CREATE TYPE ... AS (...), not the row types of tables), one row
-- per attribute in attnum order (a type without attributes gives one row with a NULL attribute),
-- without types that belong to an extension. user_type_* name the user-defined type (or array
-- element type) an attribute uses.
SELECT t.typname AS type_name,
       CASE WHEN t.typnamespace = :schema_oid THEN '' ELSE (SELECT ns.nspname::text FROM pg_namespace ns WHERE ns.oid = t.typnamespace) END AS object_schema,
       obj_description(t.oid, 'pg_type') AS comment,
       a.attname AS attribute_name,
       format_type(a.atttypid, a.atttypmod) AS type_sql,
       CASE WHEN bn.nspname IN ('pg_catalog', 'information_schema') THEN NULL
            WHEN bn.oid = :schema_oid THEN '' ELSE bn.nspname END AS user_type_schema,
       CASE WHEN bn.nspname IN ('pg_catalog', 'information_schema') THEN NULL ELSE bt.typname END AS user_type_name,
       CASE WHEN a.attcollation <> at.typcollation AND a.attcollation <> 0 THEN
            CASE WHEN co.collnamespace IN ('pg_catalog'::regnamespace, :schema_oid) THEN ''
                 ELSE quote_ident(con.nspname) || '.' END
            || '"' || replace(co.collname, '"', '""') || '"' END AS collation
FROM pg_type t
JOIN pg_class c ON c.oid = t.typrelid AND c.relkind = 'c'
LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
LEFT JOIN pg_type at ON at.oid = a.atttypid
LEFT JOIN pg_type bt ON bt.oid = CASE WHEN at.typcategory = 'A' AND at.typelem <> 0 THEN at.typelem ELSE at.oid END
LEFT JOIN pg_namespace bn ON bn.oid = bt.typnamespace
LEFT JOIN pg_collation co ON co.oid = a.attcollation
LEFT JOIN pg_namespace con ON con.oid = co.collnamespace
WHERE t.typnamespace = ANY(:schema_oids)
  AND t.typtype = 'c'
  AND NOT EXISTS (SELECT 1 FROM pg_depend e
                  WHERE e.classid = 'pg_type'::regclass AND e.objid = t.oid AND e.deptype = 'e')
ORDER BY object_schema, t.typname, a.attnum
