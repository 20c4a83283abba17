package com.corpintel.migrate.lint.rules;

import com.corpintel.migrate.lint.Check;
import com.corpintel.migrate.lint.Ddl;
import com.corpintel.migrate.lint.Severity;
import com.corpintel.migrate.lint.Statement;

/**
 * A plain CREATE INDEX on an existing hypertable blocks writes to every chunk until all are indexed.
 * The generic advice (CONCURRENTLY) would fail there; TimescaleDB's own is transaction_per_chunk.
 */
public final class HypertableBlockingIndex extends BaseRule {

    public HypertableBlockingIndex() {
        super("hypertable-blocking-index", Severity.WARNING,
                "index on an existing hypertable built in one transaction (blocks writes to every chunk)");
    }

    @Override
    public void statement(Check check) {
        Statement s = check.statement();
        Ddl.IndexDef index = Ddl.index(s);
        if (index == null || index.concurrently() || !check.existedBefore(index.table())
                || !check.now().isHypertable(index.table()) || s.has("TRANSACTION_PER_CHUNK")) {
            return;
        }
        check.report(this, index.at(), index.table() + " is a hypertable: this index is built on every chunk in"
                        + " one transaction, blocking writes to all of them until it is done (TimescaleDB rejects"
                        + " CONCURRENTLY on hypertables)",
                "CREATE INDEX … WITH (timescaledb.transaction_per_chunk) in a non-transactional script (a .conf"
                        + " with executeInTransaction=false): one chunk locked at a time");
    }
}
