-- Ordinary, partitioned and foreign tables of the schema, partitions included (foreign_server and
-- foreign_options say what makes a foreign table one); tables that belong to an
-- extension are left out. partition_key, partition_of / partition_bound, inherits and of_type give
-- the table's lineage (dev.strata.model.TableLineage); parents are named with '' as the schema of
-- the inspected schema's own tables, as in constraints.sql.
-- replica_identity is NULL for DEFAULT; INDEX names its index in replica_identity_index.
SELECT c.oid AS table_oid,
       CASE WHEN c.relnamespace = :schema_oid THEN '' ELSE (SELECT ns.nspname::text FROM pg_namespace ns WHERE ns.oid = c.relnamespace) END AS object_schema,
       c.relname AS table_name,
       c.relrowsecurity AS row_level_security,
       c.relforcerowsecurity AS force_row_level_security,
       c.relpersistence = 'u' AS unlogged,
       c.reloptions AS storage,
       (SELECT fs.srvname FROM pg_foreign_table ft JOIN pg_foreign_server fs ON fs.oid = ft.ftserver
        WHERE ft.ftrelid = c.oid) AS foreign_server,
       (SELECT ft.ftoptions FROM pg_foreign_table ft WHERE ft.ftrelid = c.oid) AS foreign_options,
       (SELECT am.amname FROM pg_am am WHERE am.oid = c.relam AND am.amname <> 'heap') AS access_method,
       obj_description(c.oid, 'pg_class') AS comment,
       CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END AS partition_key,
       CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END AS partition_bound,
       ARRAY(SELECT CASE WHEN pc.relnamespace = :schema_oid THEN '' ELSE pn.nspname END
             FROM pg_inherits i JOIN pg_class pc ON pc.oid = i.inhparent
             JOIN pg_namespace pn ON pn.oid = pc.relnamespace
             WHERE i.inhrelid = c.oid ORDER BY i.inhseqno) AS parent_schemas,
       ARRAY(SELECT pc.relname::text
             FROM pg_inherits i JOIN pg_class pc ON pc.oid = i.inhparent
             WHERE i.inhrelid = c.oid ORDER BY i.inhseqno) AS parent_names,
       CASE WHEN c.reloftype <> 0 THEN
            CASE WHEN ot.typnamespace = :schema_oid THEN '' ELSE otn.nspname END END AS of_type_schema,
       ot.typname AS of_type_name,
       -- A foreign table has no replica identity of its own (relreplident 'n' means nothing there).
       CASE WHEN c.relkind <> 'f' THEN
            CASE c.relreplident WHEN 'f' THEN 'FULL' WHEN 'n' THEN 'NOTHING' WHEN 'i' THEN 'INDEX' END
       END AS replica_identity,
       (SELECT ic.relname FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
        WHERE i.indrelid = c.oid AND i.indisreplident LIMIT 1) AS replica_identity_index,
       (SELECT ic.relname FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
        WHERE i.indrelid = c.oid AND i.indisclustered LIMIT 1) AS cluster_on
FROM pg_class c
LEFT JOIN pg_type ot ON ot.oid = c.reloftype
LEFT JOIN pg_namespace otn ON otn.oid = ot.typnamespace
WHERE c.relnamespace = ANY(:schema_oids)
  AND c.relkind IN ('r', 'p', 'f')
  AND NOT EXISTS (SELECT 1 FROM pg_depend e
                  WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')
ORDER BY c.relname
