package com.corpintel.migrate.lint.rules;

import com.corpintel.migrate.lint.Check;
import com.corpintel.migrate.lint.Severity;
import com.corpintel.migrate.lint.Statement;

/** A new foreign key or check constraint scans the whole table under a lock unless added NOT VALID. */
public final class ConstraintWithoutNotValid extends AlterActionRule {

    public ConstraintWithoutNotValid() {
        super("constraint-without-not-valid", Severity.WARNING,
                "foreign key or check constraint added without NOT VALID to an existing table");
    }

    @Override
    void action(Check check, Statement s, String table, int[] action) {
        int kind = addedKind(s, action);
        if (kind < 0) {
            return;
        }
        boolean foreign = s.matchesAt(kind, "FOREIGN", "KEY");
        boolean checkConstraint = s.matchesAt(kind, "CHECK");
        boolean notValid = s.find(kind, "NOT", "VALID") >= 0 && s.find(kind, "NOT", "VALID") < action[1];
        if ((foreign || checkConstraint) && !notValid) {
            check.report(this, s.token(kind), "adding a " + (foreign ? "foreign key" : "check constraint")
                            + " to " + table + " checks every row while holding a lock that blocks writes"
                            + (foreign ? " to both tables" : ""),
                    "ADD … NOT VALID, then ALTER TABLE " + table + " VALIDATE CONSTRAINT … in a later"
                            + " statement (it takes only SHARE UPDATE EXCLUSIVE)");
        }
    }
}
