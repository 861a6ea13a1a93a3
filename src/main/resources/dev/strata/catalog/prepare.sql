-- Points search_path at pg_catalog then the inspected schema, so that format_type, pg_get_expr,
-- pg_get_viewdef and friends print that schema's names unqualified (and those of every other schema
-- qualified); returns the previous setting (to restore), the schema's oid (NULL when there is no
-- such schema) and the oids of the inspected schema and of those of the other schemas asked for that exist.
SELECT pg_catalog.current_setting('search_path') AS previous_search_path,
       pg_catalog.set_config('search_path', 'pg_catalog, ' || pg_catalog.quote_ident(:schema_name), false) AS search_path,
       (SELECT n.oid FROM pg_catalog.pg_namespace n WHERE n.nspname = :schema_name) AS schema_oid,
       ARRAY(SELECT n.oid::bigint FROM pg_catalog.pg_namespace n
             WHERE n.nspname = :schema_name OR n.nspname = ANY(:schema_names)
             ORDER BY n.oid) AS schema_oids
