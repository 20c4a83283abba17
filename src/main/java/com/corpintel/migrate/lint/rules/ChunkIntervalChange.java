package com.corpintel.migrate.lint.rules;

import com.corpintel.migrate.lint.Calls;
import com.corpintel.migrate.lint.Check;
import com.corpintel.migrate.lint.Severity;

/** set_chunk_time_interval applies to chunks created afterwards only. */
public final class ChunkIntervalChange extends BaseRule {

    public ChunkIntervalChange() {
        super("chunk-interval-change", Severity.INFO, "chunk interval changed (affects new chunks only)");
    }

    @Override
    public void statement(Check check) {
        for (Calls.Call call : Calls.of(check.statement(), "set_chunk_time_interval")) {
            check.report(this, call.at(), "the new chunk interval applies only to chunks created from now on;"
                            + " existing chunks keep their size",
                    "nothing to do if that is intended; to resize old chunks, copy them into a new hypertable");
        }
    }
}
