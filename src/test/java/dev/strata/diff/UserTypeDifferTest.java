package dev.strata.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import dev.strata.model.Column;
import dev.strata.model.ColumnType;
import dev.strata.model.CompositeType;
import dev.strata.model.Domain;
import dev.strata.model.Hints;
import dev.strata.model.QualifiedName;
import dev.strata.model.Schema;
import dev.strata.model.Table;
import dev.strata.sql.Rendered;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Domains and composite types: change in, exact up and down SQL out, and the refusals. */
class UserTypeDifferTest {
    private static final QualifiedName YEAR = QualifiedName.of("year");
    private static final Domain.Check RANGE = new Domain.Check("year_check", "CHECK (VALUE >= 1901)");

    private static Domain year(String base, boolean notNull, String defaultExpr, List<Domain.Check> checks, String comment) {
        return new Domain(YEAR, ColumnType.builtin(base), null, notNull, defaultExpr, checks, comment);
    }

    private static Schema schema(List<Domain> domains, List<CompositeType> types, List<Table> tables) {
        return new Schema(List.of(), List.of(), List.of(), tables, List.of(), List.of(), List.of(), List.of(),
                domains, types);
    }

    private static Table film() {
        return new Table(QualifiedName.of("film"), List.of(new Column("release_year", new ColumnType("year", YEAR),
                false, null, null, null, null, null)), List.of(), List.of(), false, null);
    }

    @Test
    void domainPropertiesAlterInPlaceWithExactDowns() {
        Domain from = year("integer", false, null, List.of(RANGE), null);
        Domain to = year("integer", true, "2000", List.of(new Domain.Check("year_check", "CHECK (VALUE >= 1900)")), "y");
        List<Change> changes = Differ.diff(schema(List.of(from), List.of(), List.of()),
                schema(List.of(to), List.of(), List.of()), Hints.none());
        assertEquals(List.of(new Change.AlterDomain(from, to, EnumSet.of(DomainChange.DEFAULT, DomainChange.NOT_NULL, DomainChange.COMMENT)),
                new Change.DropDomainCheck(YEAR, RANGE), new Change.AddDomainCheck(YEAR, to.checks().get(0))), changes);
        Rendered r = dev.strata.sql.ChangeRenderer.renderAll(changes);
        assertEquals(List.of("ALTER DOMAIN year SET DEFAULT 2000", "ALTER DOMAIN year SET NOT NULL",
                "COMMENT ON DOMAIN year IS 'y'", "ALTER DOMAIN year DROP CONSTRAINT year_check",
                "ALTER DOMAIN year ADD CONSTRAINT year_check CHECK (VALUE >= 1900)"), Pipeline.up(r));
        assertEquals(List.of("ALTER DOMAIN year DROP CONSTRAINT year_check",
                "ALTER DOMAIN year ADD CONSTRAINT year_check CHECK (VALUE >= 1901)",
                "ALTER DOMAIN year DROP DEFAULT", "ALTER DOMAIN year DROP NOT NULL", "COMMENT ON DOMAIN year IS NULL"),
                Pipeline.down(r));
    }

    @Test
    void baseTypeChangeOfAUsedDomainIsRefused() {
        Schema current = schema(List.of(year("integer", false, null, List.of(), null)), List.of(), List.of(film()));
        Schema desired = schema(List.of(year("bigint", false, null, List.of(), null)), List.of(), List.of(film()));
        StrataException e = assertThrows(StrataException.class, () -> Differ.diff(current, desired, Hints.none()));
        assertEquals(ErrorCode.REFUSED_CHANGE, e.code());
        assertTrue(e.getMessage().startsWith("Refusing to change the base type of domain year from integer to bigint.\n"
                + "  ALTER DOMAIN cannot change a domain's base type or collation, so the domain would have to be"
                + " dropped and re-created,\n  and it is in use: column film.release_year.\n"), e.getMessage());
    }

    @Test
    void baseTypeChangeOfAnUnusedDomainRecreatesIt() {
        Domain from = year("integer", false, null, List.of(), null);
        Domain to = year("bigint", false, null, List.of(), null);
        List<Change> changes = Pipeline.planned(schema(List.of(from), List.of(), List.of()),
                schema(List.of(to), List.of(), List.of(film())), Hints.none());
        assertEquals(List.of(new Change.DropDomain(from), new Change.CreateDomain(to)), changes.subList(0, 2));
        assertTrue(changes.get(2) instanceof Change.CreateTable, changes.toString());
    }

    @Test
    void compositeAttributesAlterOnlyWhenTheDownRestoresTheOrder() {
        CompositeType.Attribute a = new CompositeType.Attribute("a", ColumnType.builtin("integer"), null);
        CompositeType.Attribute b = new CompositeType.Attribute("b", ColumnType.builtin("text"), null);
        CompositeType.Attribute c = new CompositeType.Attribute("c", ColumnType.builtin("text"), null);
        QualifiedName t = QualifiedName.of("t");
        assertTrue(UserTypeDiffer.alterable(new CompositeType(t, List.of(a, b), null), new CompositeType(t, List.of(a, c), null)));
        assertTrue(UserTypeDiffer.alterable(new CompositeType(t, List.of(a, b), null), new CompositeType(t, List.of(a, b, c), null)));
        assertEquals(false, UserTypeDiffer.alterable(new CompositeType(t, List.of(a, b), null), new CompositeType(t, List.of(b), null)));
        assertEquals(false, UserTypeDiffer.alterable(new CompositeType(t, List.of(a, b), null), new CompositeType(t, List.of(b, a), null)));
        assertEquals(false, UserTypeDiffer.alterable(new CompositeType(t, List.of(a), null), new CompositeType(t, List.of(c, a), null)));

        CompositeType.Attribute wider = new CompositeType.Attribute("a", ColumnType.builtin("bigint"), "\"C\"");
        List<Change> changes = Differ.diff(schema(List.of(), List.of(new CompositeType(t, List.of(a, b), null)), List.of()),
                schema(List.of(), List.of(new CompositeType(t, List.of(wider, c), "x")), List.of()), Hints.none());
        Rendered r = dev.strata.sql.ChangeRenderer.renderAll(changes);
        assertEquals(List.of("ALTER TYPE t DROP ATTRIBUTE b", "ALTER TYPE t ALTER ATTRIBUTE a TYPE bigint COLLATE \"C\"",
                "ALTER TYPE t ADD ATTRIBUTE c text", "COMMENT ON TYPE t IS 'x'"), Pipeline.up(r));
        assertEquals(List.of("COMMENT ON TYPE t IS NULL", "ALTER TYPE t DROP ATTRIBUTE c",
                "ALTER TYPE t ALTER ATTRIBUTE a TYPE integer", "ALTER TYPE t ADD ATTRIBUTE b text"), Pipeline.down(r));
    }
}
