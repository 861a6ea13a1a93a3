-- Normal (deptype 'n') pg_depend edges from an object of the schema to an object outside
-- pg_catalog and information_schema. Each end is named as (kind, name, part): a column, default,
-- constraint, index, trigger or policy is named by its relation plus its own name as part; a
-- function by its name plus its identity arguments; an array type by its element type. Edges
-- from an object to itself (a self-referencing foreign key), from partitions and from objects of
-- extensions are left out. Every branch casts its part to text: a union takes its column type
-- from the first branch, and a name-typed column (attname) would cut a function's identity
-- arguments to 63 bytes.
WITH relkinds(relkind, kind) AS (
    VALUES ('r'::"char", 'TABLE'), ('p', 'TABLE'), ('v', 'VIEW'), ('m', 'MATERIALIZED_VIEW'),
           ('S', 'SEQUENCE'), ('f', 'TABLE'), ('c', 'TYPE')
),
edges AS (
    SELECT DISTINCT d.classid, d.objid, d.objsubid, d.refclassid, d.refobjid
    FROM pg_depend d
    WHERE d.deptype = 'n'
),
dependents AS (
    SELECT e.refclassid, e.refobjid, 'pg_class'::regclass AS owner_class, c.oid AS owner_oid,
           c.relnamespace AS nsp, c.relispartition AS is_partition,
           CASE WHEN e.objsubid > 0 AND c.relkind <> 'c' THEN 'COLUMN' ELSE k.kind END AS kind,
           c.relname AS name, a.attname::text AS part
    FROM edges e
    JOIN pg_class c ON c.oid = e.objid
    JOIN relkinds k ON k.relkind = c.relkind
    LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = e.objsubid AND e.objsubid > 0
    WHERE e.classid = 'pg_class'::regclass
    UNION ALL
    SELECT e.refclassid, e.refobjid, 'pg_class'::regclass, c.oid, c.relnamespace, c.relispartition,
           'INDEX', c.relname, ic.relname::text
    FROM edges e
    JOIN pg_class ic ON ic.oid = e.objid AND ic.relkind IN ('i', 'I')
    JOIN pg_index i ON i.indexrelid = ic.oid
    JOIN pg_class c ON c.oid = i.indrelid
    WHERE e.classid = 'pg_class'::regclass
    UNION ALL
    SELECT e.refclassid, e.refobjid, 'pg_class'::regclass, c.oid, c.relnamespace, c.relispartition,
           'COLUMN', c.relname, a.attname::text
    FROM edges e
    JOIN pg_attrdef ad ON ad.oid = e.objid
    JOIN pg_class c ON c.oid = ad.adrelid
    JOIN pg_attribute a ON a.attrelid = ad.adrelid AND a.attnum = ad.adnum
    WHERE e.classid = 'pg_attrdef'::regclass
    UNION ALL
    SELECT e.refclassid, e.refobjid, 'pg_class'::regclass, c.oid, c.relnamespace, c.relispartition,
           'CONSTRAINT', c.relname, con.conname::text
    FROM edges e
    JOIN pg_constraint con ON con.oid = e.objid
    JOIN pg_class c ON c.oid = con.conrelid
    WHERE e.classid = 'pg_constraint'::regclass
    UNION ALL
    SELECT e.refclassid, e.refobjid, 'pg_type'::regclass, t.oid, t.typnamespace, false,
           'TYPE', t.typname, NULL::text
    FROM edges e
    JOIN pg_constraint con ON con.oid = e.objid
    JOIN pg_type t ON t.oid = con.contypid
    WHERE e.classid = 'pg_constraint'::regclass
    UNION ALL
    SELECT e.refclassid, e.refobjid, 'pg_class'::regclass, c.oid, c.relnamespace, c.relispartition,
           'TRIGGER', c.relname, tg.tgname::text
    FROM edges e
    JOIN pg_trigger tg ON tg.oid = e.objid AND NOT tg.tgisinternal
    JOIN pg_class c ON c.oid = tg.tgrelid
    WHERE e.classid = 'pg_trigger'::regclass
    UNION ALL
    SELECT e.refclassid, e.refobjid, 'pg_class'::regclass, c.oid, c.relnamespace, c.relispartition,
           'POLICY', c.relname, pol.polname::text
    FROM edges e
    JOIN pg_policy pol ON pol.oid = e.objid
    JOIN pg_class c ON c.oid = pol.polrelid
    WHERE e.classid = 'pg_policy'::regclass
    UNION ALL
    SELECT e.refclassid, e.refobjid, 'pg_class'::regclass, c.oid, c.relnamespace, c.relispartition,
           k.kind, c.relname, NULL::text
    FROM edges e
    JOIN pg_rewrite rw ON rw.oid = e.objid
    JOIN pg_class c ON c.oid = rw.ev_class
    JOIN relkinds k ON k.relkind = c.relkind
    WHERE e.classid = 'pg_rewrite'::regclass
    UNION ALL
    SELECT e.refclassid, e.refobjid, 'pg_proc'::regclass, p.oid, p.pronamespace, false,
           'FUNCTION', p.proname, pg_get_function_identity_arguments(p.oid)::text
    FROM edges e
    JOIN pg_proc p ON p.oid = e.objid
    WHERE e.classid = 'pg_proc'::regclass
    UNION ALL
    SELECT e.refclassid, e.refobjid, 'pg_type'::regclass, t.oid, t.typnamespace, false,
           'TYPE', t.typname, NULL::text
    FROM edges e
    JOIN pg_type t ON t.oid = e.objid
    WHERE e.classid = 'pg_type'::regclass
),
resolved AS (
    SELECT d.*, k.kind AS ref_kind, c.relnamespace AS ref_nsp, c.relname AS ref_name, NULL::text AS ref_part
    FROM dependents d
    JOIN pg_class c ON c.oid = d.refobjid
    JOIN relkinds k ON k.relkind = c.relkind
    WHERE d.refclassid = 'pg_class'::regclass
    UNION ALL
    SELECT d.*, 'TYPE', t.typnamespace, t.typname, NULL::text
    FROM dependents d
    JOIN pg_type t0 ON t0.oid = d.refobjid
    JOIN pg_type t ON t.oid = CASE WHEN t0.typcategory = 'A' AND t0.typelem <> 0 THEN t0.typelem ELSE t0.oid END
    WHERE d.refclassid = 'pg_type'::regclass
    UNION ALL
    SELECT d.*, 'FUNCTION', p.pronamespace, p.proname, pg_get_function_identity_arguments(p.oid)::text
    FROM dependents d
    JOIN pg_proc p ON p.oid = d.refobjid
    WHERE d.refclassid = 'pg_proc'::regclass
)
SELECT DISTINCT r.kind AS from_kind,
       CASE WHEN r.nsp = :schema_oid THEN '' ELSE fn.nspname END AS from_schema,
       r.name AS from_name,
       r.part AS from_part,
       r.ref_kind AS to_kind,
       CASE WHEN r.ref_nsp = :schema_oid THEN '' ELSE rn.nspname END AS to_schema,
       r.ref_name AS to_name,
       r.ref_part AS to_part
FROM resolved r
JOIN pg_namespace rn ON rn.oid = r.ref_nsp
JOIN pg_namespace fn ON fn.oid = r.nsp
WHERE r.nsp = ANY(:schema_oids)
  AND NOT r.is_partition
  AND rn.nspname NOT IN ('pg_catalog', 'information_schema')
  AND NOT (r.refclassid = r.owner_class AND r.refobjid = r.owner_oid)
  AND NOT EXISTS (SELECT 1 FROM pg_depend x
                  WHERE x.classid = r.owner_class AND x.objid = r.owner_oid AND x.deptype = 'e')
ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
