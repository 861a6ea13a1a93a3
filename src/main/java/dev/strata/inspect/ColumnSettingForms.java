package dev.strata.inspect;

import dev.strata.model.Column;
import dev.strata.model.IdentitySequence;
import dev.strata.model.Table;
import dev.strata.sql.SettingsDdl;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * ColumnSettingForms writes a column's settings as field options: {@code :identity} (a map when
 * its sequence has a name or options other than the defaults), {@code :statistics},
 * {@code :storage}, {@code :compression} and {@code :options}.
 */
final class ColumnSettingForms {
    private ColumnSettingForms() {
    }

    /** {@code :always}, {@code :by-default}, or {@code {:generated :always :sequence-name ... :start ...}}. */
    static Object identity(Table table, Column column) {
        Object generated = ModelNames.kw(column.identity() == Column.Identity.ALWAYS ? "always" : "by-default");
        IdentitySequence seq = column.identitySequence();
        String defaultName = SettingsDdl.defaultSequenceName(table.name(), column.name());
        if (seq == null || seq.name().equals(defaultName) && seq.defaultOptions(column.type())) {
            return generated;
        }
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put(ModelNames.kw("generated"), generated);
        if (!seq.name().equals(defaultName)) {
            m.put(ModelNames.kw("sequence-name"), ModelNames.key(seq.name()));
        }
        IdentitySequence d = IdentitySequence.of(seq.name(), column.type(), null, seq.increment(), null, null, null,
                null);
        if (seq.start() != d.start() || seq.minValue() != d.minValue() || seq.maxValue() != d.maxValue()) {
            // The default start follows min and max, so write it whenever they are written.
            m.put(ModelNames.kw("start"), seq.start());
        }
        if (seq.increment() != 1) {
            m.put(ModelNames.kw("increment"), seq.increment());
        }
        if (seq.minValue() != d.minValue()) {
            m.put(ModelNames.kw("min-value"), seq.minValue());
        }
        if (seq.maxValue() != d.maxValue()) {
            m.put(ModelNames.kw("max-value"), seq.maxValue());
        }
        if (seq.cache() != 1) {
            m.put(ModelNames.kw("cache"), seq.cache());
        }
        if (seq.cycle()) {
            m.put(ModelNames.kw("cycle"), true);
        }
        if (seq.persistence() != null) {
            m.put(ModelNames.kw("sequence-logged"), seq.persistence().equals("LOGGED"));
        }
        return m;
    }

    /** Puts {@code :statistics :storage :compression :options} into a field's spec when set. */
    static void put(Map<Object, Object> spec, Column column) {
        if (column.statistics() != null) {
            spec.put(ModelNames.kw("statistics"), (long) column.statistics());
        }
        if (column.storage() != null) {
            spec.put(ModelNames.kw("storage"), ModelNames.kw(column.storage().toLowerCase(Locale.ROOT)));
        }
        if (column.compression() != null) {
            spec.put(ModelNames.kw("compression"), ModelNames.kw(column.compression()));
        }
        if (!column.options().isEmpty()) {
            Map<Object, Object> options = new LinkedHashMap<>();
            TreeBuilder.storage(column.options()).forEach((k, v) -> options.put(k, v));
            spec.put(ModelNames.kw("options"), options);
        }
        if (!column.fdwOptions().isEmpty()) {
            spec.put(ModelNames.kw("fdw-options"), sqlMedOptions(column.fdwOptions()));
        }
    }

    /** SQL/MED options as a models.edn map: a plain snake_case name as a keyword, any other as a string. */
    static Map<Object, Object> sqlMedOptions(Map<String, String> options) {
        Map<Object, Object> out = new LinkedHashMap<>();
        options.forEach((k, v) -> out.put(k.matches("[a-z][a-z0-9_]*") && !k.contains("__") && !k.endsWith("_")
                ? ModelNames.key(k) : k, v));
        return out;
    }
}
