package com.corpintel.migrate.lint.rules;

import com.corpintel.migrate.lint.Check;
import com.corpintel.migrate.lint.Ddl;
import com.corpintel.migrate.lint.Severity;

/** IVFFlat trains its lists on the rows present when it is built: on an empty table recall stays poor. */
public final class IvfflatOnEmptyTable extends BaseRule {

    public IvfflatOnEmptyTable() {
        super("ivfflat-on-empty-table", Severity.WARNING, "IVFFlat index created on a table that is empty then");
    }

    @Override
    public void statement(Check check) {
        Ddl.IndexDef index = Ddl.index(check.statement());
        if (index != null && index.method().equals("ivfflat") && check.createdInScript(index.table())
                && !check.loadedInScript(index.table())) {
            check.report(this, index.at(), index.table() + " is created by this script and still empty: IVFFlat"
                            + " picks its list centres from the rows present now, so with none recall stays poor"
                            + " until the index is rebuilt",
                    "use HNSW (USING hnsw, no training step), or create the IVFFlat index after the data is"
                            + " loaded (and REINDEX when the data has changed much)");
        }
    }
}
