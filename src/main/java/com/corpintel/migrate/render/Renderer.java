package com.corpintel.migrate.render;

import com.corpintel.migrate.alembic.AdoptionResult;
import com.corpintel.migrate.baseline.BaselineResult;
import com.corpintel.migrate.repair.RepairReport;
import com.corpintel.migrate.migrate.HistoryReport;
import com.corpintel.migrate.migrate.Plan;
import com.corpintel.migrate.migrate.StatusReport;
import com.corpintel.migrate.migrate.UpgradeResult;
import com.corpintel.migrate.report.CheckReport;
import com.corpintel.migrate.undo.DowngradeResult;

/** Turns a command's result into what it prints on stdout. */
public interface Renderer {

    String status(StatusReport status);

    String upgrade(UpgradeResult result);

    String downgrade(DowngradeResult result);

    /** What baseline recorded (or, with --dry-run, would record). */
    String baseline(BaselineResult result);

    /** What baseline --from-alembic did (or, with --dry-run, would do). */
    String adoption(AdoptionResult result);

    /** What repair found, and did or refused. */
    String repair(RepairReport report);

    /** A --dry-run: the exact SQL of every step, in execution order. */
    String plan(Plan plan);

    String current(StatusReport status, boolean verbose);

    String history(HistoryReport history, boolean verbose);

    String checks(CheckReport report);

    /** The stdout document of a failed command; text prints nothing there (the message goes to stderr). */
    String failure(String command, int exitCode, String kind, String message);

    static Renderer of(OutputFormat format, Style style) {
        return format == OutputFormat.JSON ? new JsonRenderer() : new TextRenderer(style);
    }
}
