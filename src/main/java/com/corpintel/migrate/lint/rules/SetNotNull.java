package com.corpintel.migrate.lint.rules;

import com.corpintel.migrate.lint.Check;
import com.corpintel.migrate.lint.Severity;
import com.corpintel.migrate.lint.Statement;

/** SET NOT NULL scans the table under ACCESS EXCLUSIVE unless a validated check already proves it. */
public final class SetNotNull extends AlterActionRule {

    public SetNotNull() {
        super("set-not-null", Severity.WARNING, "SET NOT NULL on a column of an existing table");
    }

    @Override
    void action(Check check, Statement s, String table, int[] action) {
        int at = s.find(action[0], "SET", "NOT", "NULL");
        if (s.token(action[0]).is("ALTER") && at >= 0 && at < action[1]) {
            check.report(this, s.token(at), "SET NOT NULL scans all of " + table
                            + " under an ACCESS EXCLUSIVE lock (no reads, no writes)",
                    "first ADD CONSTRAINT … CHECK (col IS NOT NULL) NOT VALID and VALIDATE CONSTRAINT it;"
                            + " then SET NOT NULL skips the scan (PostgreSQL 12+) and the check can go");
        }
    }
}
