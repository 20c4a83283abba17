package com.corpintel.migrate.lint.rules;

import com.corpintel.migrate.lint.Check;
import com.corpintel.migrate.lint.Ddl;
import com.corpintel.migrate.lint.Severity;

/** TimescaleDB rejects CREATE INDEX CONCURRENTLY on a hypertable ("hypertables do not support concurrent index creation"). */
public final class HypertableConcurrentIndex extends BaseRule {

    public HypertableConcurrentIndex() {
        super("hypertable-concurrent-index", Severity.ERROR, "CREATE INDEX CONCURRENTLY on a hypertable");
    }

    @Override
    public void statement(Check check) {
        Ddl.IndexDef index = Ddl.index(check.statement());
        if (index != null && index.concurrently() && check.now().isHypertable(index.table())) {
            check.report(this, check.statement().token(check.statement().find(0, "CONCURRENTLY")),
                    index.table() + " is a hypertable: TimescaleDB rejects CREATE INDEX CONCURRENTLY on it and the"
                            + " migration fails",
                    "CREATE INDEX … WITH (timescaledb.transaction_per_chunk) in a non-transactional script"
                            + " (a .conf with executeInTransaction=false)");
        }
    }
}
