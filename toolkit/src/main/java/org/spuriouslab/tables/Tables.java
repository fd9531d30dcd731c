package org.spuriouslab.tables;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;
import java.util.Map;

/**
 * Small helpers for Tablesaw tables in notebooks. A {@link Table} as a cell's last expression
 * prints as aligned text in every Java kernel; {@link #show(Table)} prints all rows, not only the
 * first twenty. (Avoid naming a column {@code group}: it breaks Tablesaw's {@code summarize().by()}.)
 */
public final class Tables {

    private Tables() {
    }

    /** A two-column table from ordered key/value pairs. */
    public static Table keyValue(String title, String keyHeader, String valueHeader, Map<String, String> rows) {
        return Table.create(title,
                StringColumn.create(keyHeader, rows.keySet().stream().toList()),
                StringColumn.create(valueHeader, rows.values().stream().toList()));
    }

    /** The whole table as aligned text, every row. */
    public static String show(Table table) {
        return table.printAll();
    }

    /**
     * Sets every double column of {@code table} to print compactly: 4 decimals, or 3 significant
     * digits in scientific notation for tiny non-zero values (e.g. {@code 1.21e-16}). Returns the table.
     */
    public static Table compact(Table table) {
        for (Column<?> col : table.columns()) {
            if (col instanceof DoubleColumn d) {
                d.setPrintFormatter(new NumberColumnFormatter(COMPACT));
            }
        }
        return table;
    }

    /** The number format behind {@link #compact(Table)}. */
    public static String compact(double v) {
        return v == 0 || Math.abs(v) >= 1e-4 || !Double.isFinite(v)
                ? String.format(Locale.ROOT, "%.4f", v) : String.format(Locale.ROOT, "%.2e", v);
    }

    private static final NumberFormat COMPACT = new NumberFormat() {
        @Override
        public StringBuffer format(double v, StringBuffer to, FieldPosition pos) {
            return to.append(compact(v));
        }

        @Override
        public StringBuffer format(long v, StringBuffer to, FieldPosition pos) {
            return to.append(v);
        }

        @Override
        public Number parse(String source, ParsePosition pos) {
            throw new UnsupportedOperationException("display only");
        }
    };
}
