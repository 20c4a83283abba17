package com.corpintel.migrate.render;

import com.corpintel.migrate.lint.Finding;
import com.corpintel.migrate.lint.LintReport;
import com.corpintel.migrate.lint.Rule;
import com.corpintel.migrate.lint.Severity;
import com.corpintel.migrate.lint.ShadowReport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * lint's report in its four forms: text grouped by file, one JSON document, GitHub Actions workflow
 * commands (annotations on a pull request's diff) and a SARIF 2.1.0 log for code-scanning tools.
 * All written by hand (no reflection), like every other document of the command line.
 */
public final class LintOutput {

    /** Where each rule is explained; SARIF links every rule there. */
    public static final String RULE_HELP = "docs/LINT.md#";
    static final String SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private LintOutput() {
    }

    public static String text(LintReport report, Style style, boolean strict) {
        StringBuilder out = new StringBuilder();
        String file = null;
        int width = report.findings().stream().mapToInt(f -> position(f).length()).max().orElse(0);
        for (Finding f : report.findings()) {
            if (!f.file().equals(file)) {
                file = f.file();
                out.append(out.isEmpty() ? "" : "\n").append(style.strong(file)).append('\n');
            }
            String severity = switch (f.severity()) {
                case ERROR -> style.bad("error  ");
                case WARNING -> style.warn("warning");
                case INFO -> style.dim("info   ");
            };
            String pos = position(f);
            out.append("  ").append(pos).append(" ".repeat(width - pos.length())).append("  ").append(severity)
                    .append("  ").append(f.rule()).append("  ").append(f.message()).append('\n');
            out.append("  ").append(" ".repeat(width)).append("  ").append(style.dim("fix: ")).append(f.fix())
                    .append('\n');
        }
        long files = report.findings().stream().map(Finding::file).distinct().count();
        out.append(out.isEmpty() ? "" : "\n")
                .append(report.scripts().size()).append(report.scripts().size() == 1 ? " script" : " scripts")
                .append(" checked, ").append(files).append(files == 1 ? " with findings: " : " with findings: ")
                .append(count(report.count(Severity.ERROR), "error")).append(", ")
                .append(count(report.count(Severity.WARNING), "warning")).append(", ")
                .append(report.count(Severity.INFO)).append(" info")
                .append(report.suppressed() > 0 ? " (" + report.suppressed() + " suppressed)" : "")
                .append(report.failed(strict) ? " — " + style.bad("failed") : "")
                .append('\n');
        return out.toString();
    }

    /** One line per finding, for stderr (upgrade): file:line:column: severity rule: message (fix: …). */
    public static List<String> lines(LintReport report) {
        return report.findings().stream().map(f -> f.file() + ":" + f.line() + ":" + f.column() + ": "
                + f.severity().label() + " " + f.rule() + ": " + f.message() + " (fix: " + f.fix() + ")").toList();
    }

    private static String position(Finding f) {
        return f.line() + ":" + f.column();
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    public static String json(LintReport report, boolean strict) {
        return json(report, strict, null);
    }

    /** With --shadow: also what each statement did on the shadow database. */
    public static String json(LintReport report, boolean strict, ShadowReport shadow) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("command", "lint");
        doc.put("scripts", report.scripts());
        List<Object> findings = new ArrayList<>();
        for (Finding f : report.findings()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", f.file());
            m.put("line", f.line());
            m.put("column", f.column());
            m.put("rule", f.rule());
            m.put("severity", f.severity().label());
            m.put("message", f.message());
            m.put("fix", f.fix());
            findings.add(m);
        }
        doc.put("findings", findings);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("errors", report.count(Severity.ERROR));
        summary.put("warnings", report.count(Severity.WARNING));
        summary.put("info", report.count(Severity.INFO));
        summary.put("suppressed", report.suppressed());
        doc.put("summary", summary);
        if (shadow != null) {
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("database", shadow.database());
            List<Object> statements = new ArrayList<>();
            for (ShadowReport.Observation o : shadow.observations()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("file", o.file());
                m.put("line", o.line());
                m.put("statement", o.statement());
                m.put("locksObserved", o.locksObserved());
                m.put("locks", o.locks());
                m.put("rewritten", o.rewritten());
                m.put("millis", o.millis());
                m.put("failure", o.failure());
                statements.add(m);
            }
            run.put("statements", statements);
            run.put("notes", shadow.notes());
            doc.put("shadow", run);
        }
        doc.put("strict", strict);
        doc.put("failed", report.failed(strict));
        return Json.write(doc) + "\n";
    }

    /**
     * GitHub Actions workflow commands: {@code ::error file=F,line=L,col=C,title=T::MESSAGE}. Property
     * values escape %, CR, LF, ':' and ','; the message escapes %, CR and LF.
     */
    public static String github(LintReport report) {
        StringBuilder out = new StringBuilder();
        for (Finding f : report.findings()) {
            String command = switch (f.severity()) {
                case ERROR -> "error";
                case WARNING -> "warning";
                case INFO -> "notice";
            };
            out.append("::").append(command).append(" file=").append(property(f.file()));
            if (f.line() > 0) {
                out.append(",line=").append(f.line()).append(",col=").append(f.column());
            }
            out.append(",title=").append(property("intel-migrate lint: " + f.rule()))
                    .append("::").append(data(f.message() + ". Fix: " + f.fix())).append('\n');
        }
        return out.toString();
    }

    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }

    /** A SARIF 2.1.0 log with one run: the tool with every rule, and one result per finding. */
    public static String sarif(LintReport report, List<Rule> rules, String version) {
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", "intel-migrate lint");
        driver.put("version", version);
        List<Object> ruleList = new ArrayList<>();
        for (Rule rule : rules) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", rule.id());
            r.put("name", rule.id());
            r.put("shortDescription", Map.of("text", rule.summary()));
            r.put("help", Map.of("text", "See " + RULE_HELP + rule.id() + " (why, a bad and a good example, the fix)."));
            r.put("defaultConfiguration", Map.of("level", level(rule.severity())));
            ruleList.add(r);
        }
        driver.put("rules", ruleList);
        List<Object> results = new ArrayList<>();
        for (Finding f : report.findings()) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("ruleId", f.rule());
            int index = indexOf(rules, f.rule());
            if (index >= 0) {
                result.put("ruleIndex", index);
            }
            result.put("level", level(f.severity()));
            result.put("message", Map.of("text", f.message() + ". Fix: " + f.fix()));
            Map<String, Object> physical = new LinkedHashMap<>();
            physical.put("artifactLocation", Map.of("uri", f.file().replace('\\', '/')));
            if (f.line() > 0) {
                Map<String, Object> region = new LinkedHashMap<>();
                region.put("startLine", f.line());
                region.put("startColumn", f.column());
                physical.put("region", region);
            }
            result.put("locations", List.of(Map.of("physicalLocation", physical)));
            results.add(result);
        }
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Map.of("driver", driver));
        run.put("results", results);
        Map<String, Object> log = new LinkedHashMap<>();
        log.put("$schema", SARIF_SCHEMA);
        log.put("version", "2.1.0");
        log.put("runs", List.of(run));
        return Json.write(log) + "\n";
    }

    private static int indexOf(List<Rule> rules, String id) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** SARIF levels: error, warning, note. */
    private static String level(Severity severity) {
        return severity == Severity.INFO ? "note" : severity.name().toLowerCase(Locale.ROOT);
    }
}
