package com.corpintel.migrate.lint.rules;

import com.corpintel.migrate.lint.Check;
import com.corpintel.migrate.lint.Ddl;
import com.corpintel.migrate.lint.Severity;
import com.corpintel.migrate.lint.Statement;

/** Renaming a column or table breaks the application version still running during the rollout. */
public final class RenameInUse extends BaseRule {

    public RenameInUse() {
        super("rename", Severity.WARNING, "column or table renamed (breaks the running application)");
    }

    @Override
    public void statement(Check check) {
        Statement s = check.statement();
        String table = alteredExistingTable(check);
        if (table == null) {
            return;
        }
        for (int[] action : Ddl.alterActions(s)) {
            if (!s.token(action[0]).is("RENAME") || s.matchesAt(action[0] + 1, "CONSTRAINT")) {
                continue;
            }
            boolean wholeTable = s.matchesAt(action[0] + 1, "TO");
            check.report(this, s.token(action[0]), "renaming " + (wholeTable ? "table " + table : "a column of "
                            + table) + " breaks every running instance of the application that still uses the old name",
                    "expand and contract: add the new " + (wholeTable ? "table or a view" : "column")
                            + ", write both, switch readers, drop the old one in a later release");
        }
    }
}
