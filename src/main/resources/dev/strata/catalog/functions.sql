-- Functions and procedures of the schema; aggregates, window functions and functions that belong
-- to an extension are left out. quoted_schema is the qualifier pg_get_functiondef always prints.
SELECT p.proname AS function_name,
       CASE WHEN p.pronamespace = :schema_oid THEN '' ELSE n.nspname END AS object_schema,
       pg_get_function_identity_arguments(p.oid) AS arguments,
       p.prokind = 'p' AS is_procedure,
       pg_get_functiondef(p.oid) AS definition,
       quote_ident(n.nspname) AS quoted_schema
FROM pg_proc p
JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE p.pronamespace = ANY(:schema_oids)
  AND p.prokind IN ('f', 'p')
  AND NOT EXISTS (SELECT 1 FROM pg_depend e
                  WHERE e.classid = 'pg_proc'::regclass AND e.objid = p.oid AND e.deptype = 'e')
ORDER BY p.proname, arguments
