package com.corpintel.migrate.lint.rules;

import com.corpintel.migrate.lint.Check;
import com.corpintel.migrate.lint.Ddl;
import com.corpintel.migrate.lint.Severity;
import com.corpintel.migrate.lint.StaticSchema;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Changing a column's type rewrites the table under ACCESS EXCLUSIVE, unless the change is binary-compatible. */
public final class ColumnTypeChange extends BaseRule {

    private static final Pattern VARCHAR = Pattern.compile("(?:varchar|character varying)(?:\\((\\d+)\\))?");
    private static final Pattern NUMERIC = Pattern.compile("(?:numeric|decimal)(?:\\((\\d+)(?:,(\\d+))?\\))?");

    public ColumnTypeChange() {
        super("column-type-change", Severity.WARNING, "column type changed on an existing table (rewrite)");
    }

    @Override
    public void statement(Check check) {
        for (Ddl.ColumnDef column : Ddl.columns(check.statement())) {
            if (column.how() != Ddl.ColumnDef.How.RETYPED || !check.existedBefore(column.table())) {
                continue;
            }
            StaticSchema.Table table = check.now().table(column.table());
            String old = table == null ? null : table.columns.get(column.column().name());
            if (old != null && old.startsWith("vector") && column.type().startsWith("vector")) {
                continue; // vector-dimension-change says more
            }
            if (old != null && binaryCompatible(old, column.type())) {
                continue;
            }
            check.report(this, column.typeAt(), "changing " + column.table() + "." + column.column().name()
                            + (old == null ? "" : " from " + old) + " to " + column.type()
                            + " rewrites the table and its indexes under an ACCESS EXCLUSIVE lock",
                    "add a new column, backfill it in batches, switch the application, then drop the old one;"
                            + " or widen only (varchar(n) to varchar(m>n) or text is free)");
        }
    }

    /** The changes PostgreSQL makes without a rewrite. */
    static boolean binaryCompatible(String from, String to) {
        Matcher fromVarchar = VARCHAR.matcher(from);
        if (fromVarchar.matches() || from.equals("text")) {
            if (to.equals("text")) {
                return true;
            }
            Matcher toVarchar = VARCHAR.matcher(to);
            if (toVarchar.matches()) {
                if (toVarchar.group(1) == null) {
                    return true;
                }
                return fromVarchar.matches() && fromVarchar.group(1) != null
                        && Integer.parseInt(toVarchar.group(1)) >= Integer.parseInt(fromVarchar.group(1));
            }
        }
        Matcher fromNumeric = NUMERIC.matcher(from);
        Matcher toNumeric = NUMERIC.matcher(to);
        if (fromNumeric.matches() && toNumeric.matches()) {
            if (toNumeric.group(1) == null) {
                return true;
            }
            if (fromNumeric.group(1) == null) {
                return false;
            }
            String fromScale = fromNumeric.group(2) == null ? "0" : fromNumeric.group(2);
            String toScale = toNumeric.group(2) == null ? "0" : toNumeric.group(2);
            return fromScale.equals(toScale)
                    && Integer.parseInt(toNumeric.group(1)) >= Integer.parseInt(fromNumeric.group(1));
        }
        return from.equals(to);
    }
}
