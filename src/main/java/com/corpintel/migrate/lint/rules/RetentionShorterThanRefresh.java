package com.corpintel.migrate.lint.rules;

import com.corpintel.migrate.lint.Calls;
import com.corpintel.migrate.lint.Check;
import com.corpintel.migrate.lint.Replay;
import com.corpintel.migrate.lint.Severity;
import com.corpintel.migrate.lint.StaticSchema;

/**
 * A retention policy that drops raw chunks inside a continuous aggregate's refresh window makes the
 * next refresh see no rows there and empty those buckets: the aggregate loses its source.
 */
public final class RetentionShorterThanRefresh extends BaseRule {

    public RetentionShorterThanRefresh() {
        super("retention-shorter-than-refresh", Severity.ERROR,
                "retention policy shorter than a continuous aggregate's refresh window");
    }

    @Override
    public void statement(Check check) {
        for (Calls.Call call : Calls.of(check.statement(), "add_retention_policy")) {
            String table = Replay.tableArgument(call);
            Calls.Argument dropAfter = call.argument("drop_after", 1);
            Long retention = dropAfter == null ? null : dropAfter.seconds();
            if (table == null || retention == null) {
                continue;
            }
            for (StaticSchema.View view : check.now().continuousAggregatesOn(table)) {
                compare(check, call, table, retention, view.name(), view.refreshStartSeconds());
            }
        }
        for (Calls.Call call : Calls.of(check.statement(), "add_continuous_aggregate_policy")) {
            StaticSchema.View view = check.now().view(Replay.tableArgument(call));
            Calls.Argument start = call.argument("start_offset", 1);
            StaticSchema.Table source = view == null ? null : check.now().table(view.source());
            if (source != null && source.retentionSeconds != null && start != null) {
                compare(check, call, view.source(), source.retentionSeconds, view.name(), start.seconds());
            }
        }
    }

    private void compare(Check check, Calls.Call call, String table, long retention, String view, Long refreshStart) {
        if (refreshStart != null && retention < refreshStart) {
            check.report(this, call.at(), "the retention policy of " + table + " drops chunks older than "
                            + retention / 86_400 + " days, inside the " + refreshStart / 86_400 + "-day refresh window"
                            + " of " + view + ": refreshes then find no rows there and empty the aggregate's buckets",
                    "keep drop_after longer than the aggregate's start_offset, or shorten start_offset");
        }
    }
}
