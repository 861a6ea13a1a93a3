-- Points search_path at pg_catalog then the inspected schema, so that format_type, pg_get_expr,
-- pg_get_viewdef and friends print that schema's names unqualified; returns the previous setting
-- (to restore) and the schema's oid (NULL when there is no such schema).
SELECT pg_catalog.current_setting('search_path') AS previous_search_path,
       pg_catalog.set_config('search_path', 'pg_catalog, ' || pg_catalog.quote_ident(:schema_name), false) AS search_path,
       (SELECT n.oid FROM pg_catalog.pg_namespace n WHERE n.nspname = :schema_name) AS schema_oid
