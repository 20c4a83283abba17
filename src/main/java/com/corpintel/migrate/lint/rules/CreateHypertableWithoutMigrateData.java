package com.corpintel.migrate.lint.rules;

import com.corpintel.migrate.lint.Calls;
import com.corpintel.migrate.lint.Check;
import com.corpintel.migrate.lint.Replay;
import com.corpintel.migrate.lint.Severity;

/** create_hypertable fails on a table that holds rows unless migrate_data => true. */
public final class CreateHypertableWithoutMigrateData extends BaseRule {

    public CreateHypertableWithoutMigrateData() {
        super("create-hypertable-without-migrate-data", Severity.ERROR,
                "create_hypertable on a table that may hold rows, without migrate_data => true");
    }

    @Override
    public void statement(Check check) {
        for (Calls.Call call : Calls.of(check.statement(), "create_hypertable")) {
            String table = Replay.tableArgument(call);
            if (table == null || !(check.existedBefore(table) || check.loadedInScript(table))) {
                continue;
            }
            Calls.Argument migrate = call.named("migrate_data");
            if (migrate == null || !migrate.isTrue()) {
                check.report(this, call.at(), table + " may hold rows (it "
                                + (check.existedBefore(table) ? "exists before this script" : "is loaded above")
                                + "): create_hypertable fails on a table that is not empty",
                        "pass migrate_data => true (it copies every row into chunks under an ACCESS EXCLUSIVE"
                                + " lock: plan the time), or create a new hypertable and copy in batches");
            }
        }
    }
}
