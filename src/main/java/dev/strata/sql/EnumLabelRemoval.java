package dev.strata.sql;

import dev.strata.model.QualifiedName;

/**
 * EnumLabelRemoval renders the reverse of {@code ALTER TYPE t ADD VALUE 'x'}. PostgreSQL cannot
 * drop an enum value, so the reverse recreates the type without it, in one DO block that reads
 * the catalog when it runs (so it also sees columns and labels added since):
 * <ol>
 *   <li>for every table column of the type, raise a clear exception when a row still holds the
 *       label (nothing has changed yet, the transaction rolls back);</li>
 *   <li>rename the type away ({@code t_strata_old}), create {@code t} with the remaining labels in
 *       their order and the old comment;</li>
 *   <li>move every column over ({@code USING col::text::t}), its default taken off before and put
 *       back after (the default was read before the rename, so it names the new type);</li>
 *   <li>drop the old type.</li>
 * </ol>
 * Array columns of the type, and CHECK constraints or index predicates that cast to it, are not
 * moved: the block then fails on the final DROP TYPE (or the ALTER) and rolls back whole.
 */
final class EnumLabelRemoval {
    private EnumLabelRemoval() {
    }

    static String doBlock(QualifiedName type, String label) {
        String typeSql = Identifiers.quote(type);
        QualifiedName old = new QualifiedName(type.schema(), type.name() + "_strata_old");
        String oldSql = Identifiers.quote(old);
        String labelLiteral = Identifiers.literal(label);
        // RAISE reads % as a placeholder: the label and type name must not add any.
        String message = ("cannot remove label " + label + " from enum type " + type).replace("%", "%%")
                + ": column %.% still holds it";
        return "DO $strata$\n"
                + "DECLARE\n"
                + "    old_type regtype := " + Identifiers.literal(typeSql) + "::regtype;\n"
                + "    labels text;\n"
                + "    note text;\n"
                + "    rels regclass[] := '{}';\n"
                + "    cols text[] := '{}';\n"
                + "    defs text[] := '{}';\n"
                + "    col record;\n"
                + "    held boolean;\n"
                + "BEGIN\n"
                + "    FOR col IN\n"
                + "        SELECT a.attrelid::regclass AS rel, quote_ident(a.attname) AS name,\n"
                + "               pg_get_expr(d.adbin, d.adrelid) AS def\n"
                + "        FROM pg_attribute a\n"
                + "        JOIN pg_class c ON c.oid = a.attrelid AND c.relkind IN ('r', 'p')\n"
                + "        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum\n"
                + "        WHERE a.atttypid = old_type AND a.attnum > 0 AND NOT a.attisdropped\n"
                + "        ORDER BY a.attrelid, a.attnum\n"
                + "    LOOP\n"
                + "        EXECUTE format('SELECT EXISTS (SELECT 1 FROM %s WHERE %s = %L)', col.rel, col.name, "
                + labelLiteral + ")\n"
                + "            INTO held;\n"
                + "        IF held THEN\n"
                + "            RAISE EXCEPTION " + Identifiers.literal(message) + ", col.rel, col.name\n"
                + "                USING HINT = " + Identifiers.literal("Move those rows to another label first (UPDATE ... SET "
                        + "... WHERE ... = '" + label + "'), then roll back again.") + ";\n"
                + "        END IF;\n"
                + "        rels := array_append(rels, col.rel);\n"
                + "        cols := array_append(cols, col.name);\n"
                + "        defs := array_append(defs, col.def);\n"
                + "    END LOOP;\n"
                + "    SELECT string_agg(quote_literal(enumlabel), ', ' ORDER BY enumsortorder) INTO labels\n"
                + "        FROM pg_enum WHERE enumtypid = old_type AND enumlabel <> " + labelLiteral + ";\n"
                + "    note := obj_description(old_type, 'pg_type');\n"
                + "    ALTER TYPE " + typeSql + " RENAME TO " + Identifiers.quote(old.name()) + ";\n"
                + "    EXECUTE format('CREATE TYPE %s AS ENUM (%s)', " + Identifiers.literal(typeSql)
                + ", coalesce(labels, ''));\n"
                + "    IF note IS NOT NULL THEN\n"
                + "        EXECUTE format('COMMENT ON TYPE %s IS %L', " + Identifiers.literal(typeSql) + ", note);\n"
                + "    END IF;\n"
                + "    FOR i IN 1 .. coalesce(array_length(rels, 1), 0) LOOP\n"
                + "        IF defs[i] IS NOT NULL THEN\n"
                + "            EXECUTE format('ALTER TABLE %s ALTER COLUMN %s DROP DEFAULT', rels[i], cols[i]);\n"
                + "        END IF;\n"
                + "        EXECUTE format('ALTER TABLE %s ALTER COLUMN %s TYPE %s USING %s::text::%s', rels[i], cols[i], "
                + Identifiers.literal(typeSql) + ", cols[i], " + Identifiers.literal(typeSql) + ");\n"
                + "        IF defs[i] IS NOT NULL THEN\n"
                + "            EXECUTE format('ALTER TABLE %s ALTER COLUMN %s SET DEFAULT %s', rels[i], cols[i], defs[i]);\n"
                + "        END IF;\n"
                + "    END LOOP;\n"
                + "    DROP TYPE " + oldSql + ";\n"
                + "END\n"
                + "$strata$";
    }
}
