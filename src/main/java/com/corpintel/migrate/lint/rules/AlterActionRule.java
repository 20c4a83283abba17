package com.corpintel.migrate.lint.rules;

import com.corpintel.migrate.lint.Check;
import com.corpintel.migrate.lint.Ddl;
import com.corpintel.migrate.lint.Severity;
import com.corpintel.migrate.lint.Statement;

/**
 * A rule about the actions of an ALTER TABLE on a table that existed before the script:
 * a table the script creates has no readers to block and no rows to scan.
 */
abstract class AlterActionRule extends BaseRule {

    AlterActionRule(String id, Severity severity, String summary) {
        super(id, severity, summary);
    }

    @Override
    public final void statement(Check check) {
        String table = alteredExistingTable(check);
        if (table == null) {
            return;
        }
        Statement s = check.statement();
        for (int[] action : Ddl.alterActions(s)) {
            action(check, s, table, action);
        }
    }

    /**
     * @param table  the altered table
     * @param action the action's [start, end) token indexes in {@code s}
     */
    abstract void action(Check check, Statement s, String table, int[] action);
}
