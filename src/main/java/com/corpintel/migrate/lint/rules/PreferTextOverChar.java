package com.corpintel.migrate.lint.rules;

import com.corpintel.migrate.lint.Check;
import com.corpintel.migrate.lint.Ddl;
import com.corpintel.migrate.lint.Severity;

/** char(n) pads with blanks and compares surprisingly; it is never faster than text. */
public final class PreferTextOverChar extends BaseRule {

    public PreferTextOverChar() {
        super("prefer-text-over-char", Severity.WARNING, "char(n) column");
    }

    @Override
    public void statement(Check check) {
        for (Ddl.ColumnDef column : Ddl.columns(check.statement())) {
            String type = column.type();
            if (type.equals("char") || type.startsWith("char(") || type.equals("character")
                    || type.startsWith("character(") || type.equals("bpchar")) {
                check.report(this, column.typeAt(), column.column().name() + " is " + type
                                + ": blank-padded, and no faster or smaller than text",
                        "text with a CHECK (length(" + column.column().name() + ") = n) or a pattern check");
            }
        }
    }
}
