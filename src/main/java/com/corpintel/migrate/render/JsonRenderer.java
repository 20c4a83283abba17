package com.corpintel.migrate.render;

import com.corpintel.migrate.alembic.AdoptionResult;
import com.corpintel.migrate.baseline.BaselineResult;
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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One JSON document per command; field names and order are part of the interface. */
final class JsonRenderer implements Renderer {

    @Override
    public String status(StatusReport status) {
        Map<String, Object> doc = document("status");
        doc.putAll(statusFields(status));
        return Json.write(doc);
    }

    @Override
    public String upgrade(UpgradeResult result) {
        Map<String, Object> doc = document("upgrade");
        doc.put("before", result.before());
        doc.put("target", result.target());
        doc.put("applied", result.applied().stream().map(a -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("version", a.version());
            m.put("description", a.description());
            m.put("executionMillis", a.executionMillis());
            return (Object) m;
        }).toList());
        Map<String, Object> timescale = new LinkedHashMap<>();
        timescale.put("license", result.license());
        timescale.put("edition", result.edition());
        timescale.put("skippedFeatures", result.edition() == null ? List.of() : result.edition().skippedFeatures);
        timescale.put("featuresApplied", result.timescaleFeaturesApplied());
        doc.put("timescale", timescale);
        doc.put("status", statusFields(result.status()));
        return Json.write(doc);
    }

    @Override
    public String downgrade(DowngradeResult result) {
        Map<String, Object> doc = document(result.target() == null ? "downgrade" : "downgrade-to");
        doc.put("before", result.before());
        doc.put("target", result.target());
        doc.put("reverted", result.reverted().stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("version", r.version());
            m.put("description", r.description());
            m.put("script", r.script());
            m.put("executionMillis", r.executionMillis());
            return (Object) m;
        }).toList());
        doc.put("dataLoss", result.dataLoss());
        doc.put("status", statusFields(result.status()));
        return Json.write(doc);
    }

    @Override
    public String baseline(BaselineResult result) {
        Map<String, Object> doc = document("baseline");
        doc.put("version", result.version());
        doc.put("dryRun", result.dryRun());
        doc.put("edition", result.edition());
        doc.put("license", result.license());
        doc.put("comparedFacts", result.compared());
        doc.put("recorded", result.recorded().stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("version", r.version());
            m.put("description", r.description());
            m.put("type", r.type());
            m.put("script", r.script());
            m.put("checksum", r.checksum());
            return (Object) m;
        }).toList());
        doc.put("status", statusFields(result.status()));
        return Json.write(doc);
    }

    @Override
    public String adoption(AdoptionResult result) {
        Map<String, Object> doc = document("baseline");
        doc.put("fromAlembic", result.revision());
        doc.put("bridge", result.bridge());
        doc.put("version", result.reaches());
        doc.put("dryRun", result.dryRun());
        doc.put("edition", result.edition());
        doc.put("license", result.license());
        doc.put("shapeFacts", result.shapeFacts());
        doc.put("dataChecks", result.checks());
        doc.put("resumedAfter", result.resumedAfter());
        doc.put("steps", result.steps().stream().map(step -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("step", step.label());
            m.put("doneBefore", step.doneBefore());
            m.put("durationMillis", step.durationMillis() < 0 ? null : step.durationMillis());
            m.put("locks", step.locks().stream().map(l -> {
                Map<String, Object> lock = new LinkedHashMap<>();
                lock.put("table", l.table());
                lock.put("mode", l.mode());
                lock.put("why", l.why());
                return (Object) lock;
            }).toList());
            return (Object) m;
        }).toList());
        doc.put("tables", result.tables().stream().map(t -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("table", t.table());
            m.put("bytes", t.bytes());
            m.put("rows", t.rows());
            return (Object) m;
        }).toList());
        doc.put("bytesRewritten", result.bytesRewritten());
        doc.put("recorded", result.recorded().stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("version", r.version());
            m.put("description", r.description());
            m.put("type", r.type());
            m.put("script", r.script());
            m.put("checksum", r.checksum());
            return (Object) m;
        }).toList());
        doc.put("status", statusFields(result.status()));
        return Json.write(doc);
    }

    @Override
    public String repair(RepairReport report) {
        Map<String, Object> doc = document("repair");
        doc.put("apply", report.apply());
        doc.put("applied", report.applied());
        doc.put("items", report.items().stream().map(item -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("version", item.version());
            m.put("description", item.description());
            m.put("action", item.action().name().toLowerCase(java.util.Locale.ROOT));
            m.put("reason", item.reason());
            m.put("findings", item.findings());
            m.put("sql", item.sql().isEmpty() ? null : item.sql());
            m.put("newChecksum", item.newChecksum());
            return (Object) m;
        }).toList());
        doc.put("status", statusFields(report.status()));
        return Json.write(doc);
    }

    @Override
    public String plan(Plan plan) {
        Map<String, Object> doc = document(plan.command());
        doc.put("dryRun", true);
        doc.put("database", plan.database());
        doc.put("schema", plan.schema());
        Map<String, Object> timescale = new LinkedHashMap<>();
        timescale.put("license", plan.license());
        timescale.put("edition", plan.edition());
        doc.put("timescale", timescale);
        doc.put("preamble", plan.preamble());
        doc.put("steps", plan.steps().stream().map(step -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("direction", step.direction());
            m.put("version", step.version());
            m.put("description", step.description());
            m.put("script", step.script().path());
            m.put("transactional", step.script().transactional());
            m.put("dataLoss", step.script().dataLoss());
            m.put("sql", step.script().sql());
            return (Object) m;
        }).toList());
        return Json.write(doc);
    }

    @Override
    public String current(StatusReport status, boolean verbose) {
        Map<String, Object> doc = document("current");
        doc.put("database", status.database());
        doc.put("schema", status.schema());
        doc.put("version", status.currentVersion());
        doc.put("migration", status.current() == null ? null : migration(status.current()));
        return Json.write(doc);
    }

    @Override
    public String history(HistoryReport history, boolean verbose) {
        Map<String, Object> doc = document("history");
        doc.put("database", history.database());
        doc.put("schema", history.schema());
        doc.put("migrations", history.migrations().stream().map(m -> (Object) migration(m)).toList());
        doc.put("operations", history.operations().stream().map(JsonRenderer::operation).toList());
        return Json.write(doc);
    }

    @Override
    public String checks(CheckReport report) {
        Map<String, Object> doc = document(report.command());
        doc.put("database", report.database());
        doc.put("ok", !report.anyFailed());
        doc.put("checks", report.checks().stream().map(JsonRenderer::check).toList());
        return Json.write(doc);
    }

    @Override
    public String failure(String command, int exitCode, String kind, String message) {
        Map<String, Object> doc = document(command);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("exitCode", exitCode);
        error.put("kind", kind);
        error.put("message", message);
        doc.put("error", error);
        return Json.write(doc);
    }

    private static Map<String, Object> document(String command) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("command", command);
        return doc;
    }

    private static Map<String, Object> statusFields(StatusReport status) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("database", status.database());
        doc.put("schema", status.schema());
        doc.put("current", status.currentVersion());
        doc.put("head", status.head());
        Map<String, Object> scripts = new LinkedHashMap<>();
        scripts.put("where", status.scripts().where());
        scripts.put("migrations", status.scripts().migrations());
        scripts.put("undoScripts", status.scripts().undoScripts());
        doc.put("scripts", scripts);
        doc.put("upToDate", status.upToDate());
        doc.put("applied", status.appliedCount());
        doc.put("pending", status.pending().stream().map(m -> (Object) brief(m)).toList());
        doc.put("failed", status.failed().stream().map(m -> (Object) brief(m)).toList());
        doc.put("problems", status.problems().stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("version", p.version());
            m.put("description", p.description());
            m.put("kind", p.kind());
            m.put("message", p.message());
            return (Object) m;
        }).toList());
        doc.put("future", status.future().stream().map(m -> (Object) brief(m)).toList());
        return doc;
    }

    private static Map<String, Object> brief(MigrationRecord m) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("version", m.version());
        doc.put("description", m.description());
        return doc;
    }

    private static Map<String, Object> migration(MigrationRecord m) {
        Map<String, Object> doc = brief(m);
        doc.put("type", m.type());
        doc.put("state", m.state().label());
        doc.put("script", m.script());
        doc.put("installedRank", m.installedRank());
        doc.put("installedOn", m.installedOn());
        doc.put("installedBy", m.installedBy());
        doc.put("executionMillis", m.executionMillis());
        doc.put("checksum", m.checksum());
        return doc;
    }

    private static Object operation(OperationsLog.Entry e) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", e.id());
        doc.put("version", e.version());
        doc.put("description", e.description());
        doc.put("direction", e.direction());
        doc.put("outcome", e.outcome());
        doc.put("databaseUser", e.databaseUser());
        doc.put("applicationName", e.applicationName());
        doc.put("clientAddress", e.clientAddress());
        doc.put("startedAt", e.startedAt());
        doc.put("durationMillis", e.durationMillis());
        doc.put("detail", e.detail());
        return doc;
    }

    private static Object check(Check check) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("name", check.name());
        doc.put("status", check.status());
        doc.put("detail", check.detail());
        doc.put("nextStep", check.nextStep());
        doc.put("findings", check.findings());
        return doc;
    }
}
