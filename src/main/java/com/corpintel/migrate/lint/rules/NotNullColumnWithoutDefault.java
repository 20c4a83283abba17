package com.corpintel.migrate.lint.rules;

import com.corpintel.migrate.lint.Check;
import com.corpintel.migrate.lint.Ddl;
import com.corpintel.migrate.lint.Severity;
import com.corpintel.migrate.lint.Statement;

/** ADD COLUMN … NOT NULL without a default fails as soon as the table holds a row. */
public final class NotNullColumnWithoutDefault extends BaseRule {

    public NotNullColumnWithoutDefault() {
        super("not-null-column-without-default", Severity.ERROR,
                "NOT NULL column added to an existing table without a default");
    }

    @Override
    public void statement(Check check) {
        Statement s = check.statement();
        for (Ddl.ColumnDef column : Ddl.columns(s)) {
            if (column.how() != Ddl.ColumnDef.How.ADDED || !check.existedBefore(column.table())) {
                continue;
            }
            int notNull = s.find(column.start(), "NOT", "NULL");
            int dflt = s.find(column.start(), "DEFAULT");
            int generated = s.find(column.start(), "GENERATED");
            if (notNull >= 0 && notNull < column.end() && !(dflt >= 0 && dflt < column.end())
                    && !(generated >= 0 && generated < column.end())) {
                check.report(this, column.column(), "adding NOT NULL column " + column.column().name() + " to "
                                + column.table() + " without a default fails when the table holds any row",
                        "add it with a DEFAULT (a constant is not a rewrite), or nullable, backfill, then"
                                + " enforce NOT NULL with a NOT VALID check");
            }
        }
    }
}
