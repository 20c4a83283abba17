package com.corpintel.migrate.lint.rules;

import com.corpintel.migrate.lint.Calls;
import com.corpintel.migrate.lint.Check;
import com.corpintel.migrate.lint.Replay;
import com.corpintel.migrate.lint.Severity;
import com.corpintel.migrate.lint.Statement;

/** A continuous aggregate created WITH DATA, or refreshed, cannot run inside a transaction block. */
public final class ContinuousAggregateWithData extends BaseRule {

    public ContinuousAggregateWithData() {
        super("cagg-with-data-in-transaction", Severity.ERROR,
                "continuous aggregate created WITH DATA (or refreshed) in a transactional script");
    }

    @Override
    public void statement(Check check) {
        Statement s = check.statement();
        if (!check.transactional()) {
            return;
        }
        if (s.startsWith("CREATE", "MATERIALIZED", "VIEW") && Replay.isContinuous(s) && !s.has("WITH", "NO", "DATA")) {
            check.report(this, s.token(0), "a continuous aggregate created WITH DATA (the default) cannot run"
                            + " inside a transaction block, and this script runs in one: the migration fails",
                    "create it WITH NO DATA here and run CALL refresh_continuous_aggregate(…) in a"
                            + " non-transactional script (or let its refresh policy fill it)");
        }
        for (Calls.Call call : Calls.of(s, "refresh_continuous_aggregate")) {
            check.report(this, call.at(), "refresh_continuous_aggregate cannot run inside a transaction block,"
                            + " and this script runs in one: the migration fails",
                    "move the CALL to a non-transactional script (a .conf with executeInTransaction=false)");
        }
    }
}
