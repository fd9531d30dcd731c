package org.spuriouslab.tables;

import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

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
}
