package com.corpintel.migrate.lint.rules;

import com.corpintel.migrate.lint.Check;
import com.corpintel.migrate.lint.Severity;
import com.corpintel.migrate.lint.Statement;

/** ADD UNIQUE / PRIMARY KEY builds its index under ACCESS EXCLUSIVE; USING INDEX adopts one built concurrently. */
public final class UniqueWithoutUsingIndex extends AlterActionRule {

    public UniqueWithoutUsingIndex() {
        super("unique-without-using-index", Severity.WARNING,
                "unique or primary key constraint added to an existing table without USING INDEX");
    }

    @Override
    void action(Check check, Statement s, String table, int[] action) {
        int kind = addedKind(s, action);
        if (kind < 0) {
            return;
        }
        boolean unique = s.matchesAt(kind, "UNIQUE") || s.matchesAt(kind, "PRIMARY", "KEY");
        int using = s.find(kind, "USING", "INDEX");
        if (unique && !(using >= 0 && using < action[1])) {
            check.report(this, s.token(kind), "adding a " + s.token(kind).name() + " constraint to " + table
                            + " builds its index under an ACCESS EXCLUSIVE lock (no reads, no writes)",
                    "CREATE UNIQUE INDEX CONCURRENTLY … in a non-transactional script, then ADD CONSTRAINT"
                            + " … UNIQUE USING INDEX …");
        }
    }
}
