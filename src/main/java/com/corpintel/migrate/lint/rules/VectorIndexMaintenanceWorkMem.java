package com.corpintel.migrate.lint.rules;

import com.corpintel.migrate.lint.Check;
import com.corpintel.migrate.lint.Ddl;
import com.corpintel.migrate.lint.Severity;

/** HNSW and IVFFlat builds are much faster when the graph or lists fit in maintenance_work_mem. */
public final class VectorIndexMaintenanceWorkMem extends BaseRule {

    public VectorIndexMaintenanceWorkMem() {
        super("vector-index-maintenance-work-mem", Severity.INFO,
                "vector index built without raising maintenance_work_mem in the script");
    }

    @Override
    public void statement(Check check) {
        Ddl.IndexDef index = Ddl.index(check.statement());
        if (index != null && index.vector() && !check.maintenanceWorkMemRaised()
                && !check.createdInScript(index.table())) {
            check.report(this, index.at(), "the " + index.method() + " build on " + index.table() + " uses the"
                            + " server's default maintenance_work_mem (64MB): a build that does not fit is far slower",
                    "SET maintenance_work_mem = '1GB' (or what the server can spare) earlier in the script");
        }
    }
}
