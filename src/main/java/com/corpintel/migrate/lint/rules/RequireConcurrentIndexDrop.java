package com.corpintel.migrate.lint.rules;

import com.corpintel.migrate.lint.Check;
import com.corpintel.migrate.lint.Severity;
import com.corpintel.migrate.lint.Statement;

/** DROP INDEX without CONCURRENTLY takes ACCESS EXCLUSIVE on the index's table. */
public final class RequireConcurrentIndexDrop extends BaseRule {

    public RequireConcurrentIndexDrop() {
        super("require-concurrent-index-drop", Severity.WARNING, "index dropped without CONCURRENTLY");
    }

    @Override
    public void statement(Check check) {
        Statement s = check.statement();
        if (!s.startsWith("DROP", "INDEX") || s.matchesAt(2, "CONCURRENTLY")) {
            return;
        }
        Statement.Name name = s.nameAt(s.matchesAt(2, "IF", "EXISTS") ? 4 : 2);
        String table = name == null ? null : check.now().tableOfIndex(name.name());
        if (table != null && (!check.existedBefore(table) || check.now().isHypertable(table))) {
            return; // created in this script, or a hypertable's (which rejects CONCURRENTLY)
        }
        check.report(this, s.token(0), "DROP INDEX locks " + (table == null ? "its table" : table)
                        + " (ACCESS EXCLUSIVE) against reads and writes while it waits for running queries",
                "DROP INDEX CONCURRENTLY in a non-transactional script (a .conf with executeInTransaction=false)");
    }
}
