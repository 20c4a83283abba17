package com.corpintel.migrate.lint.rules;

import com.corpintel.migrate.lint.Check;
import com.corpintel.migrate.lint.Severity;
import com.corpintel.migrate.lint.Statement;

/** The runner owns the transaction: BEGIN / COMMIT in a script breaks its atomicity and its history row. */
public final class TransactionControl extends BaseRule {

    public TransactionControl() {
        super("transaction-control", Severity.ERROR, "BEGIN, COMMIT or ROLLBACK inside a script");
    }

    @Override
    public void statement(Check check) {
        Statement s = check.statement();
        if (s.startsWith("BEGIN") || s.startsWith("COMMIT") || s.startsWith("ROLLBACK") || s.startsWith("END")
                || s.startsWith("ABORT") || s.startsWith("START", "TRANSACTION") || s.startsWith("SAVEPOINT")
                || s.startsWith("RELEASE") || s.startsWith("PREPARE", "TRANSACTION")) {
            check.report(this, s.token(0), s.token(0).text() + " in a migration script: the runner opens and"
                            + " commits the script's transaction (with its history row); this breaks that",
                    "remove it; for statements that cannot run in a transaction, mark the script"
                            + " non-transactional with a .conf (executeInTransaction=false)");
        }
    }
}
