package com.corpintel.migrate.lint.rules;

import com.corpintel.migrate.lint.Check;
import com.corpintel.migrate.lint.Ddl;
import com.corpintel.migrate.lint.Severity;

/** timestamp without time zone loses the offset; the platform stores every time as timestamptz. */
public final class PreferTimestamptz extends BaseRule {

    public PreferTimestamptz() {
        super("prefer-timestamptz", Severity.WARNING, "timestamp without time zone");
    }

    @Override
    public void statement(Check check) {
        for (Ddl.ColumnDef column : Ddl.columns(check.statement())) {
            String type = column.type();
            if (type.equals("timestamp") || type.startsWith("timestamp(") && !type.contains("with time zone")
                    || type.startsWith("timestamp without time zone")) {
                check.report(this, column.typeAt(), column.column().name() + " is " + type
                                + ": the value means a different instant in each session time zone",
                        "timestamptz (timestamp with time zone)");
            }
        }
    }
}
