package dev.strata.sql;

import dev.strata.model.QualifiedName;
import java.util.ArrayList;
import java.util.List;

/**
 * EnumLabelRemoval renders the reverse of {@code ALTER TYPE t ADD VALUE 'x'}. PostgreSQL cannot
 * drop an enum value, so the reverse recreates the type without it, in one DO block that reads
 * the catalog when it runs (so it also sees columns and labels added since):
 * <ol>
 *   <li>drop the dependents the differ found (views, policies, triggers, constraints, indexes,
 *       generated columns that read columns of the type), each only when it exists: the down of
 *       the same migration may have dropped it already, or it may not exist yet;</li>
 *   <li>raise a clear exception when anything else still depends on the type or on one of its
 *       columns in a way that stops the swap (a function's argument, a view the catalog did not
 *       show, a default of another type that casts to it), naming those objects;</li>
 *   <li>for every table column of the type or an array of it, raise a clear exception when a row
 *       still holds the label; nothing has been committed, the transaction rolls back;</li>
 *   <li>rename the type away ({@code t_strata_old}), create {@code t} with the remaining labels in
 *       their order and the old comment;</li>
 *   <li>move every column over ({@code USING col::text::t}, {@code col::text[]::t[]}), its default
 *       taken off before and put back after (the default was read before the rename, so it names
 *       the new type);</li>
 *   <li>create the dropped dependents again (their SQL was printed with the type's name), in
 *       reverse order, and drop the old type.</li>
 * </ol>
 */
final class EnumLabelRemoval {
    private EnumLabelRemoval() {
    }

    /**
     * Dependent represents an object moved out of the way around the swap.
     *
     * @param present a boolean SQL expression: the object exists
     * @param drop    the statements that drop it
     * @param create  the statements that create it again
     */
    record Dependent(String present, List<String> drop, List<String> create) {
        Dependent {
            drop = List.copyOf(drop);
            create = List.copyOf(create);
        }
    }

    static String doBlock(QualifiedName type, String label, List<Dependent> dependents) {
        String typeSql = Identifiers.quote(type);
        String typeLiteral = Identifiers.literal(typeSql);
        QualifiedName old = new QualifiedName(type.schema(), type.name() + "_strata_old");
        String labelLiteral = Identifiers.literal(label);
        // RAISE reads % as a placeholder: the label and type name must not add any.
        String subject = ("cannot remove label " + label + " from enum type " + type).replace("%", "%%");
        StringBuilder drops = new StringBuilder();
        StringBuilder creates = new StringBuilder();
        StringBuilder flags = new StringBuilder();
        for (int i = 0; i < dependents.size(); i++) {
            Dependent d = dependents.get(i);
            String flag = "dropped_" + (i + 1);
            flags.append("    ").append(flag).append(" boolean := false;\n");
            drops.append("    IF ").append(d.present()).append(" THEN\n");
            d.drop().forEach(s -> drops.append("        EXECUTE ").append(Identifiers.literal(s)).append(";\n"));
            drops.append("        ").append(flag).append(" := true;\n");
            drops.append("    END IF;\n");
        }
        for (int i = dependents.size() - 1; i >= 0; i--) {
            creates.append("    IF dropped_").append(i + 1).append(" THEN\n");
            dependents.get(i).create()
                    .forEach(s -> creates.append("        EXECUTE ").append(Identifiers.literal(s)).append(";\n"));
            creates.append("    END IF;\n");
        }
        String body = "DECLARE\n"
                + "    old_type regtype := " + typeLiteral + "::regtype;\n"
                + "    old_array regtype := (SELECT typarray FROM pg_type WHERE oid = " + typeLiteral + "::regtype);\n"
                + "    labels text;\n"
                + "    note text;\n"
                + "    blockers text;\n"
                + "    rels regclass[] := '{}';\n"
                + "    cols text[] := '{}';\n"
                + "    defs text[] := '{}';\n"
                + "    arrs boolean[] := '{}';\n"
                + "    col record;\n"
                + "    held boolean;\n"
                + flags
                + "BEGIN\n"
                + drops
                + "    SELECT string_agg(o, ', ' ORDER BY o) INTO blockers FROM (\n"
                + "        SELECT DISTINCT pg_describe_object(d.classid, d.objid, d.objsubid) AS o\n"
                + "        FROM pg_depend d\n"
                + "        WHERE d.deptype = 'n' AND (\n"
                + "            (d.refclassid = 'pg_type'::regclass AND d.refobjid IN (old_type, old_array)\n"
                + "             AND NOT (d.classid = 'pg_class'::regclass AND d.objsubid > 0\n"
                + "                      AND EXISTS (SELECT 1 FROM pg_class c WHERE c.oid = d.objid AND c.relkind IN ('r', 'p')))\n"
                + "             AND NOT (d.classid = 'pg_attrdef'::regclass\n"
                + "                      AND EXISTS (SELECT 1 FROM pg_attrdef ad\n"
                + "                                  JOIN pg_attribute a ON a.attrelid = ad.adrelid AND a.attnum = ad.adnum\n"
                + "                                  JOIN pg_class c ON c.oid = a.attrelid AND c.relkind IN ('r', 'p')\n"
                + "                                  WHERE ad.oid = d.objid AND a.atttypid IN (old_type, old_array)\n"
                + "                                    AND a.attgenerated = '')))\n"
                + "            OR (d.refclassid = 'pg_class'::regclass\n"
                + "                AND d.classid IN ('pg_rewrite'::regclass, 'pg_policy'::regclass, 'pg_trigger'::regclass,\n"
                + "                                  'pg_attrdef'::regclass)\n"
                + "                AND EXISTS (SELECT 1 FROM pg_attribute a\n"
                + "                            JOIN pg_class c ON c.oid = a.attrelid AND c.relkind IN ('r', 'p')\n"
                + "                            WHERE a.attrelid = d.refobjid AND a.attnum = d.refobjsubid\n"
                + "                              AND a.atttypid IN (old_type, old_array)))\n"
                + "        )\n"
                + "    ) blocking;\n"
                + "    IF blockers IS NOT NULL THEN\n"
                + "        RAISE EXCEPTION " + Identifiers.literal(subject + ": % still depend on it") + ", blockers\n"
                + "            USING HINT = " + Identifiers.literal("Strata moves the views, policies, triggers, constraints,"
                        + " indexes and generated columns of the model out of the way, not these: drop them before"
                        + " rolling back and create them again after (a hand-written migration), or keep the label.")
                + ";\n"
                + "    END IF;\n"
                + "    FOR col IN\n"
                + "        SELECT a.attrelid::regclass AS rel, quote_ident(a.attname) AS name,\n"
                + "               pg_get_expr(d.adbin, d.adrelid) AS def, a.atttypid = old_array AS arr\n"
                + "        FROM pg_attribute a\n"
                + "        JOIN pg_class c ON c.oid = a.attrelid AND c.relkind IN ('r', 'p')\n"
                + "        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum\n"
                + "        WHERE a.atttypid IN (old_type, old_array) AND a.attnum > 0 AND NOT a.attisdropped\n"
                + "          AND a.attinhcount = 0\n"
                + "        ORDER BY a.attrelid, a.attnum\n"
                + "    LOOP\n"
                + "        EXECUTE format(CASE WHEN col.arr THEN 'SELECT EXISTS (SELECT 1 FROM %1$s WHERE %3$L = ANY (%2$s))'\n"
                + "                       ELSE 'SELECT EXISTS (SELECT 1 FROM %1$s WHERE %2$s = %3$L)' END,\n"
                + "                       col.rel, col.name, " + labelLiteral + ")\n"
                + "            INTO held;\n"
                + "        IF held THEN\n"
                + "            RAISE EXCEPTION " + Identifiers.literal(subject + ": column %.% still holds it")
                + ", col.rel, col.name\n"
                + "                USING HINT = " + Identifiers.literal("Move those rows to another label first (UPDATE ... SET "
                        + "... WHERE ... = '" + label + "'), then roll back again.") + ";\n"
                + "        END IF;\n"
                + "        rels := array_append(rels, col.rel);\n"
                + "        cols := array_append(cols, col.name);\n"
                + "        defs := array_append(defs, col.def);\n"
                + "        arrs := array_append(arrs, col.arr);\n"
                + "    END LOOP;\n"
                + "    SELECT string_agg(quote_literal(enumlabel), ', ' ORDER BY enumsortorder) INTO labels\n"
                + "        FROM pg_enum WHERE enumtypid = old_type AND enumlabel <> " + labelLiteral + ";\n"
                + "    note := obj_description(old_type, 'pg_type');\n"
                + "    ALTER TYPE " + typeSql + " RENAME TO " + Identifiers.quote(old.name()) + ";\n"
                + "    EXECUTE format('CREATE TYPE %s AS ENUM (%s)', " + typeLiteral + ", coalesce(labels, ''));\n"
                + "    IF note IS NOT NULL THEN\n"
                + "        EXECUTE format('COMMENT ON TYPE %s IS %L', " + typeLiteral + ", note);\n"
                + "    END IF;\n"
                + "    FOR i IN 1 .. coalesce(array_length(rels, 1), 0) LOOP\n"
                + "        IF defs[i] IS NOT NULL THEN\n"
                + "            EXECUTE format('ALTER TABLE %s ALTER COLUMN %s DROP DEFAULT', rels[i], cols[i]);\n"
                + "        END IF;\n"
                + "        EXECUTE format(CASE WHEN arrs[i] THEN 'ALTER TABLE %1$s ALTER COLUMN %2$s TYPE %3$s[] USING %2$s::text[]::%3$s[]'\n"
                + "                       ELSE 'ALTER TABLE %1$s ALTER COLUMN %2$s TYPE %3$s USING %2$s::text::%3$s' END,\n"
                + "                       rels[i], cols[i], " + typeLiteral + ");\n"
                + "        IF defs[i] IS NOT NULL THEN\n"
                + "            EXECUTE format('ALTER TABLE %s ALTER COLUMN %s SET DEFAULT %s', rels[i], cols[i], defs[i]);\n"
                + "        END IF;\n"
                + "    END LOOP;\n"
                + creates
                + "    DROP TYPE " + Identifiers.quote(old) + ";\n"
                + "END\n";
        String tag = "$strata$";
        for (int n = 1; body.contains(tag); n++) {
            tag = "$strata" + n + "$";
        }
        return "DO " + tag + "\n" + body + tag;
    }

    /** The SQL expressions that test whether a dependent exists, by kind. */
    static String relationExists(QualifiedName relation) {
        return "to_regclass(" + Identifiers.literal(Identifiers.quote(relation)) + ") IS NOT NULL";
    }

    static String memberExists(String catalog, String tableColumn, String nameColumn, QualifiedName table,
                               String name, String extra) {
        List<String> conditions = new ArrayList<>();
        conditions.add(tableColumn + " = to_regclass(" + Identifiers.literal(Identifiers.quote(table)) + ")");
        conditions.add(nameColumn + " = " + Identifiers.literal(name));
        if (extra != null) {
            conditions.add(extra);
        }
        return "EXISTS (SELECT 1 FROM " + catalog + " WHERE " + String.join(" AND ", conditions) + ")";
    }
}
