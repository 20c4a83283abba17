package com.corpintel.migrate.render;

import com.corpintel.migrate.lint.Finding;
import com.corpintel.migrate.lint.LintReport;
import com.corpintel.migrate.lint.Rules;
import com.corpintel.migrate.lint.Severity;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** lint's outputs, checked structurally: JSON shape, GitHub workflow commands, SARIF's required fields. */
class LintOutputTest {

    private static final LintReport REPORT = new LintReport(List.of("m/migration/V2__a.sql", "m/undo/U2__a.sql"),
            List.of(new Finding("m/migration/V2__a.sql", 3, 5, "hypertable-blocking-index", Severity.WARNING,
                            "financial_metrics is a hypertable: 50% slower, really", "use a, b: c"),
                    new Finding("m/migration/V2__a.sql", 0, 0, "missing-undo", Severity.ERROR, "no undo\nscript", "write it"),
                    new Finding("m/undo/U2__a.sql", 1, 1, "chunk-interval-change", Severity.INFO, "new chunks only", "none")),
            2);

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void jsonIsOneDocumentWithEveryFindingAndTheSummary() throws Exception {
        JsonNode doc = JSON.readTree(LintOutput.json(REPORT, true));

        assertThat(doc.get("command").asText()).isEqualTo("lint");
        assertThat(doc.get("scripts")).hasSize(2);
        assertThat(doc.get("findings")).hasSize(3);
        JsonNode first = doc.get("findings").get(0);
        assertThat(first.fieldNames()).toIterable()
                .containsExactly("file", "line", "column", "rule", "severity", "message", "fix");
        assertThat(first.get("line").asInt()).isEqualTo(3);
        assertThat(first.get("severity").asText()).isEqualTo("warning");
        assertThat(doc.get("summary").get("errors").asInt()).isEqualTo(1);
        assertThat(doc.get("summary").get("warnings").asInt()).isEqualTo(1);
        assertThat(doc.get("summary").get("info").asInt()).isEqualTo(1);
        assertThat(doc.get("summary").get("suppressed").asInt()).isEqualTo(2);
        assertThat(doc.get("failed").asBoolean()).isTrue();
    }

    @Test
    void githubFormatIsOneEscapedWorkflowCommandPerFinding() {
        List<String> lines = LintOutput.github(REPORT).lines().toList();

        Pattern command = Pattern.compile("::(error|warning|notice) file=[^,:]+(,line=\\d+,col=\\d+)?,title=[^,:]+::[^\\r\\n]+");
        assertThat(lines).hasSize(3).allSatisfy(line -> assertThat(line).matches(command));
        assertThat(lines.get(0)).startsWith("::warning file=m/migration/V2__a.sql,line=3,col=5,"
                + "title=intel-migrate lint%3A hypertable-blocking-index::")
                .contains("50%25 slower").contains("use a, b: c");
        assertThat(lines.get(1)).startsWith("::error file=m/migration/V2__a.sql,title=").contains("no undo%0Ascript");
        assertThat(lines.get(2)).startsWith("::notice ");
    }

    @Test
    void sarifHasTheRequiredFieldsOfItsSchema() throws Exception {
        JsonNode log = JSON.readTree(LintOutput.sarif(REPORT, Rules.ALL, "1.2.3"));

        // sarifLog: version and runs are required; run: tool; tool: driver; toolComponent: name.
        assertThat(log.get("version").asText()).isEqualTo("2.1.0");
        assertThat(log.get("$schema").asText()).contains("sarif-2.1.0");
        assertThat(log.get("runs")).hasSize(1);
        JsonNode driver = log.get("runs").get(0).get("tool").get("driver");
        assertThat(driver.get("name").asText()).isEqualTo("intel-migrate lint");
        assertThat(driver.get("version").asText()).isEqualTo("1.2.3");
        JsonNode rules = driver.get("rules");
        assertThat(rules).hasSize(Rules.ALL.size());
        rules.forEach(rule -> {
            assertThat(rule.get("id").asText()).isNotBlank();
            assertThat(rule.get("shortDescription").get("text").asText()).isNotBlank();
            assertThat(rule.get("defaultConfiguration").get("level").asText()).isIn("error", "warning", "note");
        });
        JsonNode results = log.get("runs").get(0).get("results");
        assertThat(results).hasSize(3);
        results.forEach(result -> {
            // result: message (with text) is required; ruleIndex points at the rule of ruleId.
            assertThat(result.get("message").get("text").asText()).isNotBlank();
            assertThat(rules.get(result.get("ruleIndex").asInt()).get("id").asText())
                    .isEqualTo(result.get("ruleId").asText());
            assertThat(result.get("level").asText()).isIn("error", "warning", "note");
            JsonNode physical = result.get("locations").get(0).get("physicalLocation");
            assertThat(physical.get("artifactLocation").get("uri").asText()).isNotBlank();
            if (physical.has("region")) {
                assertThat(physical.get("region").get("startLine").asInt()).isPositive();
                assertThat(physical.get("region").get("startColumn").asInt()).isPositive();
            }
        });
        assertThat(results.get(1).get("locations").get(0).get("physicalLocation").has("region"))
                .as("a whole-file finding has no region (SARIF lines start at 1)").isFalse();
        assertThat(results.get(2).get("level").asText()).isEqualTo("note");
    }

    @Test
    void textGroupsByFileAndEndsWithTheCounts() {
        String text = LintOutput.text(REPORT, new Style(false), false);

        assertThat(text).startsWith("m/migration/V2__a.sql\n  3:5  warning  hypertable-blocking-index  ");
        assertThat(text).contains("\nm/undo/U2__a.sql\n  1:1  info     chunk-interval-change  new chunks only\n");
        assertThat(text).contains("fix: use a, b: c");
        assertThat(text).endsWith("2 scripts checked, 2 with findings: 1 error, 1 warning, 1 info (2 suppressed) — failed\n");
    }
}
