package com.corpintel.migrate.lint.rules;

import com.corpintel.migrate.lint.Check;
import com.corpintel.migrate.lint.Ddl;
import com.corpintel.migrate.lint.Severity;

/** CREATE INDEX without CONCURRENTLY blocks writes to a table that is already in use. */
public final class RequireConcurrentIndex extends BaseRule {

    public RequireConcurrentIndex() {
        super("require-concurrent-index", Severity.WARNING,
                "index created without CONCURRENTLY on a table that exists before the script");
    }

    @Override
    public void statement(Check check) {
        Ddl.IndexDef index = Ddl.index(check.statement());
        // Hypertables reject CONCURRENTLY: hypertable-blocking-index gives their advice instead.
        if (index != null && !index.concurrently() && check.existedBefore(index.table())
                && !check.now().isHypertable(index.table())) {
            check.report(this, index.at(), "CREATE INDEX on " + index.table() + " blocks its writes (SHARE lock)"
                            + " until the index is built",
                    "CREATE INDEX CONCURRENTLY in a non-transactional script (a .conf next to it with"
                            + " executeInTransaction=false)");
        }
    }
}
