package com.corpintel.migrate.lint.rules;

import com.corpintel.migrate.lint.Check;
import com.corpintel.migrate.lint.Ddl;
import com.corpintel.migrate.lint.Severity;

/** varchar(n): changing n later is a rewrite unless widening; text with a CHECK changes with a NOT VALID check. */
public final class PreferTextOverVarchar extends BaseRule {

    public PreferTextOverVarchar() {
        super("prefer-text-over-varchar", Severity.INFO, "varchar(n) where text with a check fits");
    }

    @Override
    public void statement(Check check) {
        for (Ddl.ColumnDef column : Ddl.columns(check.statement())) {
            String type = column.type();
            if (type.startsWith("varchar(") || type.startsWith("character varying(")) {
                check.report(this, column.typeAt(), column.column().name() + " is " + type
                                + ": shrinking the limit later rewrites the table",
                        "text, with CHECK (length(" + column.column().name() + ") <= n) if the limit matters");
            }
        }
    }
}
