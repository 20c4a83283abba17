package com.corpintel.migrate.lint.rules;

import com.corpintel.migrate.lint.Check;
import com.corpintel.migrate.lint.Severity;
import com.corpintel.migrate.lint.Statement;

/** Renaming a column or table breaks the application version still running during the rollout. */
public final class RenameInUse extends AlterActionRule {

    public RenameInUse() {
        super("rename", Severity.WARNING, "column or table renamed (breaks the running application)");
    }

    @Override
    void action(Check check, Statement s, String table, int[] action) {
        if (!s.token(action[0]).is("RENAME") || s.matchesAt(action[0] + 1, "CONSTRAINT")) {
            return;
        }
        boolean wholeTable = s.matchesAt(action[0] + 1, "TO");
        check.report(this, s.token(action[0]), "renaming " + (wholeTable ? "table " + table : "a column of "
                        + table) + " breaks every running instance of the application that still uses the old name",
                "expand and contract: add the new " + (wholeTable ? "table or a view" : "column")
                        + ", write both, switch readers, drop the old one in a later release");
    }
}
