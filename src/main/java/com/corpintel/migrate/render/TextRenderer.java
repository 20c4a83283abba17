package com.corpintel.migrate.render;

import com.corpintel.migrate.alembic.AdoptionResult;
import com.corpintel.migrate.alembic.LockEstimate;
import com.corpintel.migrate.baseline.BaselineResult;
import com.corpintel.migrate.repair.RepairItem;
import com.corpintel.migrate.repair.RepairReport;
import com.corpintel.migrate.migrate.HistoryReport;
import com.corpintel.migrate.migrate.OperationsLog;
import com.corpintel.migrate.migrate.Plan;
import com.corpintel.migrate.migrate.MigrationRecord;
import com.corpintel.migrate.migrate.StatusReport;
import com.corpintel.migrate.migrate.UpgradeResult;
import com.corpintel.migrate.report.Check;
import com.corpintel.migrate.report.CheckReport;
import com.corpintel.migrate.undo.DowngradeResult;
import com.corpintel.migrate.timescale.Edition;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Text for people: short, aligned, coloured only when {@link Style} allows. */
final class TextRenderer implements Renderer {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private static final int MAX_FINDINGS = 15;

    private final Style style;

    TextRenderer(Style style) {
        this.style = style;
    }

    @Override
    public String status(StatusReport status) {
        StringBuilder out = new StringBuilder();
        line(out, "Database", status.database() + " (schema " + status.schema() + ")");
        line(out, "Current version", status.current() == null ? "none (nothing applied)" : status.current().label());
        line(out, "Bundled head", status.head() == null ? "none" : "V" + status.head());
        line(out, "Scripts", status.scripts().migrations() + " migrations, " + status.scripts().undoScripts()
                + " undo scripts in " + status.scripts().where());
        line(out, "Applied", String.valueOf(status.appliedCount()));
        line(out, "Pending", status.pending().isEmpty() ? style.good("0")
                : style.warn(status.pending().size() + ": " + labels(status.pending())));
        if (!status.failed().isEmpty()) {
            line(out, "Failed", style.bad(status.failed().size() + ": " + labels(status.failed())));
        }
        for (StatusReport.Problem problem : status.problems()) {
            line(out, "Problem", style.bad("V" + problem.version() + " " + problem.description() + ": "
                    + problem.kind() + (problem.message().isEmpty() ? "" : " (" + problem.message() + ")")));
        }
        if (!status.future().isEmpty()) {
            line(out, "Newer than this binary", style.warn(labels(status.future())));
        }
        line(out, "State", status.upToDate()
                ? style.good("up to date")
                : status.failed().isEmpty() && status.problems().isEmpty()
                        ? style.warn("pending migrations") : style.bad("needs attention"));
        return out.toString();
    }

    @Override
    public String upgrade(UpgradeResult result) {
        StringBuilder out = new StringBuilder();
        if (result.applied().isEmpty()) {
            out.append(style.good("Nothing to apply: the schema is already at "
                    + (result.status().current() == null ? "no version" : "V" + result.status().currentVersion())
                    + (result.target() == null ? "" : " (target V" + result.target() + ")")
                    + "; nothing was changed.")).append('\n');
        } else {
            out.append("Applied ").append(result.applied().size()).append(" migration")
                    .append(result.applied().size() == 1 ? "" : "s").append(" (from ")
                    .append(result.before() == null ? "an empty history" : "V" + result.before()).append("):\n");
            for (UpgradeResult.Applied applied : result.applied()) {
                out.append("  ").append(style.good("✓")).append(" V").append(applied.version()).append(' ')
                        .append(applied.description()).append(style.dim("  " + applied.executionMillis() + " ms"))
                        .append('\n');
            }
        }
        if (!result.timescaleFeaturesApplied()) {
            // nothing license-dependent ran: nothing to say about the license
        } else if (result.edition() == Edition.APACHE) {
            out.append(style.warn("TimescaleDB license: apache — degraded: "
                    + String.join("; ", result.edition().skippedFeatures))).append('\n');
        } else if (result.edition() == Edition.COMMUNITY) {
            out.append("TimescaleDB license: timescale (community) — every feature enabled\n");
        }
        out.append('\n').append(status(result.status()));
        return out.toString();
    }

    @Override
    public String downgrade(DowngradeResult result) {
        StringBuilder out = new StringBuilder();
        if (result.reverted().isEmpty()) {
            out.append(style.good("Nothing to revert: the schema is already at "
                    + (result.status().current() == null ? "no version" : "V" + result.status().currentVersion())
                    + "; nothing was changed.")).append('\n');
        } else {
            out.append("Reverted ").append(result.reverted().size()).append(" migration")
                    .append(result.reverted().size() == 1 ? "" : "s").append(" (from V").append(result.before())
                    .append("):\n");
            for (DowngradeResult.Reverted reverted : result.reverted()) {
                out.append("  ").append(style.good("✓")).append(" V").append(reverted.version()).append(' ')
                        .append(reverted.description()).append(style.dim("  " + reverted.script() + ", "
                                + reverted.executionMillis() + " ms")).append('\n');
            }
        }
        for (String loss : result.dataLoss()) {
            out.append(style.warn("Data destroyed: " + loss)).append('\n');
        }
        out.append('\n').append(status(result.status()));
        return out.toString();
    }

    @Override
    public String baseline(BaselineResult result) {
        StringBuilder out = new StringBuilder();
        int n = result.recorded().size();
        out.append(result.dryRun() ? "Dry run: baseline would record " : "Recorded ").append(n).append(" migration")
                .append(n == 1 ? "" : "s").append(" as applied without running them (baseline at V")
                .append(result.version()).append(")").append(result.dryRun() ? "; nothing was recorded" : "")
                .append(":\n");
        for (MigrationRecord migration : result.recorded()) {
            out.append("  ").append(style.good("✓")).append(" V").append(migration.version()).append(' ')
                    .append(migration.description()).append(style.dim("  " + migration.type() + " "
                            + migration.script() + ", checksum " + migration.checksum())).append('\n');
        }
        out.append("The schema matched the expected model of V").append(result.version()).append(" (")
                .append(result.edition().resourceName).append(" branch, ").append(result.compared())
                .append(" facts). Downgrades stop at V").append(result.version()).append(".\n");
        out.append('\n').append(status(result.status()));
        return out.toString();
    }

    @Override
    public String adoption(AdoptionResult result) {
        StringBuilder out = new StringBuilder();
        long remaining = result.steps().stream().filter(s -> !s.doneBefore()).count();
        out.append(result.dryRun() ? "Dry run: baseline --from-alembic would adopt" : "Adopted")
                .append(" Alembic revision ").append(result.revision()).append(" through the bundled bridge ")
                .append(result.bridge()).append(" (").append(result.edition().resourceName).append(" branch): ")
                .append(remaining).append(" step").append(remaining == 1 ? "" : "s")
                .append(result.dryRun() ? " to run" : " ran").append(result.resumedAfter() > 0 ? ", resuming after "
                        + result.resumedAfter() + " committed by an earlier run" : "")
                .append(", then V1 to V").append(result.reaches()).append(result.dryRun() ? " recorded as applied;"
                        + " nothing was changed" : " recorded as applied").append(":\n");
        Map<String, AdoptionResult.TableSize> sizes = new java.util.HashMap<>();
        result.tables().forEach(t -> sizes.put(t.table(), t));
        for (AdoptionResult.StepOutcome step : result.steps()) {
            String mark = step.doneBefore() ? style.dim("·") : result.dryRun() ? " " : style.good("✓");
            out.append("  ").append(mark).append(' ').append(step.label());
            if (step.doneBefore()) {
                out.append(style.dim("  committed by an earlier run"));
            } else if (step.durationMillis() >= 0) {
                out.append(style.dim("  (" + step.durationMillis() + " ms)"));
            }
            out.append('\n');
            if (result.dryRun() && !step.doneBefore()) {
                if (step.locks().isEmpty()) {
                    out.append("      ").append(style.dim("locks no table")).append('\n');
                }
                for (LockEstimate lock : step.locks()) {
                    AdoptionResult.TableSize size = sizes.get(lock.table());
                    out.append("      ").append(style.dim(lock.mode() + " on " + lock.table()
                            + (lock.why().isEmpty() ? "" : " (" + lock.why() + ")")
                            + (size == null ? "" : ": " + bytes(size.bytes()) + (size.rows() < 0 ? "" : ", about "
                                    + size.rows() + " rows"))))
                            .append('\n');
                }
            }
        }
        if (result.dryRun()) {
            out.append(result.shapeFacts() > 0 ? "The schema matched the shape revision " + result.revision()
                    + " left (" + result.shapeFacts() + " facts)" : "The shape was compared when the bridge began")
                    .append("; ").append(result.checks()).append(" data checks found no offending row.\n");
            out.append("Tables rewritten: ").append(bytes(result.bytesRewritten()))
                    .append(". Each step holds its locks until it commits: stop the application for the bridge.\n");
        } else {
            out.append("alembic_version is kept as intel_migrate_alembic_version. Downgrades stop at V")
                    .append(result.reaches()).append(".\n");
        }
        out.append('\n').append(status(result.status()));
        return out.toString();
    }

    /** A size as PostgreSQL's pg_size_pretty writes it (powers of 1024). */
    static String bytes(long bytes) {
        String[] units = {"bytes", "kB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = 0;
        while (value >= 10 * 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return Math.round(value) + " " + units[unit];
    }

    @Override
    public String repair(RepairReport report) {
        StringBuilder out = new StringBuilder();
        int n = report.items().size();
        if (n == 0) {
            out.append(style.good("Nothing to repair: no failed step, no failed undo, no checksum mismatch."))
                    .append('\n');
        } else if (report.applied()) {
            out.append("Repaired ").append(n).append(" item").append(n == 1 ? "" : "s").append(":\n");
        } else if (report.apply()) {
            out.append(style.bad("Nothing was repaired: " + report.items().stream().filter(RepairItem::refused).count()
                    + " of " + n + " refused (repair changes nothing while anything is refused):")).append('\n');
        } else {
            out.append(n).append(" to repair").append(report.anyRefused() ? " (some refused)" : "")
                    .append("; nothing was changed, `repair --apply` does it:\n");
        }
        for (RepairItem item : report.items()) {
            out.append("  ").append(item.refused() ? style.bad("✗") : style.good("✓")).append(' ')
                    .append(item.label()).append(": ").append(item.action().words).append(" — ")
                    .append(item.reason()).append('\n');
            for (String finding : item.findings()) {
                out.append("      ").append(style.dim(finding)).append('\n');
            }
            if (!item.sql().isEmpty()) {
                item.sql().lines().forEach(line -> out.append("      ").append(line).append('\n'));
            }
        }
        out.append('\n').append(status(report.status()));
        return out.toString();
    }

    /** Valid SQL as a whole: headers are comments, so the output can be reviewed and fed to psql. */
    @Override
    public String plan(Plan plan) {
        StringBuilder out = new StringBuilder();
        String rule = "-- " + "-".repeat(72) + "\n";
        out.append("-- intel-migrate ").append(plan.command()).append(" --dry-run: nothing below has been executed.\n");
        out.append("-- Database: ").append(plan.database()).append(", schema ").append(plan.schema()).append('\n');
        if (plan.license() != null) {
            out.append("-- TimescaleDB license on this server: ").append(plan.license()).append(" (")
                    .append(plan.edition() == null ? "unknown" : plan.edition().resourceName).append(" branch)");
            if (plan.edition() == Edition.APACHE && plan.command().startsWith("upgrade")) {
                out.append("; skipped: ").append(String.join("; ", plan.edition().skippedFeatures));
            }
            out.append('\n');
        }
        if (plan.steps().isEmpty()) {
            out.append("-- Nothing to do: no step would run.\n");
            return out.toString();
        }
        out.append("-- ").append(plan.steps().size()).append(" step").append(plan.steps().size() == 1 ? "" : "s")
                .append(", in execution order. Each transactional step also updates flyway_schema_history and")
                .append(" appends to intel_migrate_operations inside its transaction.\n\n");
        out.append(plan.preamble()).append("\n\n");
        int number = 0;
        for (Plan.Step step : plan.steps()) {
            number++;
            out.append(rule);
            out.append("-- Step ").append(number).append(" of ").append(plan.steps().size()).append(": ")
                    .append(step.direction()).append(" ").append(step.label()).append('\n');
            out.append("-- Script: ").append(step.script().path())
                    .append(step.script().transactional() ? " (one transaction)" : " (not transactional: statement by statement)")
                    .append('\n');
            for (String loss : step.script().dataLoss()) {
                out.append("-- WARNING, destroys data: ").append(loss).append('\n');
            }
            out.append(rule);
            String sql = step.script().sql().strip();
            if (step.script().transactional()) {
                out.append("BEGIN;\n").append(sql).append("\nCOMMIT;\n\n");
            } else {
                out.append(sql).append("\n\n");
            }
        }
        return out.toString();
    }

    @Override
    public String current(StatusReport status, boolean verbose) {
        MigrationRecord current = status.current();
        if (!verbose) {
            return current == null ? "0\n" : current.version() + "\n";
        }
        if (current == null) {
            return "0 (nothing applied to " + status.database() + ", schema " + status.schema() + ")\n";
        }
        return current.version() + " " + current.description() + " — applied "
                + (current.installedOn() == null ? "?" : WHEN.format(current.installedOn()))
                + " by " + current.installedBy() + "\n";
    }

    @Override
    public String history(HistoryReport history, boolean verbose) {
        List<String[]> rows = new ArrayList<>();
        rows.add(verbose
                ? new String[] {"RANK", "VERSION", "DESCRIPTION", "TYPE", "STATE", "INSTALLED ON", "BY", "MS",
                        "CHECKSUM", "SCRIPT"}
                : new String[] {"VERSION", "DESCRIPTION", "STATE", "INSTALLED ON", "BY", "MS", "CHECKSUM"});
        for (MigrationRecord m : history.migrations()) {
            String when = m.installedOn() == null ? "-" : WHEN.format(m.installedOn());
            String by = m.installedBy() == null ? "-" : m.installedBy();
            String ms = m.executionMillis() == null ? "-" : String.valueOf(m.executionMillis());
            String checksum = m.checksum() == null ? "-" : String.valueOf(m.checksum());
            rows.add(verbose
                    ? new String[] {m.installedRank() == null ? "-" : String.valueOf(m.installedRank()),
                            m.version(), m.description(), m.type(), m.state().label(), when, by, ms, checksum, m.script()}
                    : new String[] {m.version(), m.description(), m.state().label(), when, by, ms, checksum});
        }
        String migrations = "History of " + history.database() + " (schema " + history.schema() + ")\n" + table(rows);
        if (!verbose) {
            return migrations;
        }
        List<String[]> log = new ArrayList<>();
        log.add(new String[] {"#", "STARTED", "DIRECTION", "VERSION", "DESCRIPTION", "OUTCOME", "MS", "USER",
                "APPLICATION", "CLIENT", "DETAIL"});
        for (OperationsLog.Entry e : history.operations()) {
            log.add(new String[] {String.valueOf(e.id()), WHEN.format(e.startedAt()), e.direction(), e.version(),
                    e.description(), e.outcome(), String.valueOf(e.durationMillis()), e.databaseUser(),
                    e.applicationName(), e.clientAddress() == null ? "-" : e.clientAddress(),
                    e.detail() == null ? "" : e.detail()});
        }
        return migrations + "\nOperations log (" + OperationsLog.TABLE + ")\n"
                + (history.operations().isEmpty() ? "(empty)\n" : table(log));
    }

    @Override
    public String checks(CheckReport report) {
        StringBuilder out = new StringBuilder();
        int width = report.checks().stream().mapToInt(c -> c.name().length()).max().orElse(0);
        for (Check check : report.checks()) {
            String mark = switch (check.status()) {
                case PASSED -> style.good("passed  ");
                case DEGRADED -> style.warn("degraded");
                case FAILED -> style.bad("failed  ");
                case SKIPPED -> style.dim("skipped ");
            };
            out.append(mark).append("  ").append(pad(check.name(), width)).append("  ").append(check.detail())
                    .append('\n');
            String indent = "          " + " ".repeat(width + 2);
            int shown = 0;
            for (String finding : check.findings()) {
                if (shown++ == MAX_FINDINGS) {
                    out.append(indent).append("… and ").append(check.findings().size() - MAX_FINDINGS)
                            .append(" more (--output json lists all)\n");
                    break;
                }
                out.append(indent).append("- ").append(finding).append('\n');
            }
            if (check.nextStep() != null) {
                out.append(indent).append("→ ").append(check.nextStep()).append('\n');
            }
        }
        return out.toString();
    }

    @Override
    public String failure(String command, int exitCode, String kind, String message) {
        return "";
    }

    private void line(StringBuilder out, String label, String value) {
        out.append(style.strong(pad(label + ":", 24))).append(value).append('\n');
    }

    private static String labels(List<MigrationRecord> records) {
        return String.join(", ", records.stream().map(MigrationRecord::label).toList());
    }

    private static String table(List<String[]> rows) {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], String.valueOf(row[i]).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                line.append(i == columns - 1 ? String.valueOf(row[i]) : pad(String.valueOf(row[i]), widths[i] + 2));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}
