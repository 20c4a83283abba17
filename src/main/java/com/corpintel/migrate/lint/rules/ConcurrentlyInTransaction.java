package com.corpintel.migrate.lint.rules;

import com.corpintel.migrate.lint.Check;
import com.corpintel.migrate.lint.Ddl;
import com.corpintel.migrate.lint.Severity;
import com.corpintel.migrate.lint.Statement;
import com.corpintel.migrate.lint.Token;

/**
 * CONCURRENTLY (and TimescaleDB's transaction_per_chunk) cannot run inside a transaction block;
 * in a transactional script the migration fails at run time.
 */
public final class ConcurrentlyInTransaction extends BaseRule {

    public ConcurrentlyInTransaction() {
        super("concurrently-in-transaction", Severity.ERROR,
                "CONCURRENTLY or transaction_per_chunk inside a transactional script");
    }

    @Override
    public void statement(Check check) {
        if (!check.transactional()) {
            return;
        }
        Statement s = check.statement();
        Ddl.IndexDef index = Ddl.index(s);
        if (index != null && index.concurrently() && check.now().isHypertable(index.table())) {
            return; // hypertable-concurrent-index: CONCURRENTLY is wrong there in any script
        }
        int at = s.find(0, "CONCURRENTLY");
        // REFRESH MATERIALIZED VIEW CONCURRENTLY may run in a transaction; these may not.
        boolean indexStatement = s.startsWith("CREATE") || s.startsWith("DROP", "INDEX") || s.startsWith("REINDEX");
        if (at >= 0 && indexStatement) {
            check.report(this, s.token(at), "CONCURRENTLY cannot run inside a transaction block, and this script"
                            + " runs in one: the migration fails",
                    "mark the script non-transactional: a file <script>.conf next to it containing"
                            + " executeInTransaction=false (keep it to the concurrent statements)");
            return;
        }
        for (int i = 0; i + 2 < s.size(); i++) {
            Token t = s.token(i);
            if (t.is("TIMESCALEDB") && s.token(i + 1).isSymbol(".") && s.token(i + 2).is("TRANSACTION_PER_CHUNK")) {
                check.report(this, t, "timescaledb.transaction_per_chunk commits once per chunk and cannot run"
                                + " inside a transaction block, and this script runs in one: the migration fails",
                        "mark the script non-transactional: a file <script>.conf next to it containing"
                                + " executeInTransaction=false");
                return;
            }
        }
    }
}
