package com.corpintel.migrate.render;

import com.corpintel.migrate.Failure;
import com.corpintel.migrate.health.HealthCheckResult;
import com.corpintel.migrate.health.HealthReport;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HealthJsonTest {

    @Test
    void aReportIsWrittenInTheMicroProfileHealthFormatWithDataInTheChecksOrder() {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("schema", "public");
        schema.put("current", "none");
        schema.put("pending", 3);
        schema.put("reason", "pending: V1 initial schema");
        HealthReport report = new HealthReport(List.of(
                HealthCheckResult.up("intel-migrate", Map.of("bundledMigrations", 3)),
                HealthCheckResult.down("schema", Failure.Kind.PENDING, schema)));

        assertThat(HealthJson.write(report)).isEqualTo("""
                {
                  "status": "DOWN",
                  "checks": [
                    {
                      "name": "intel-migrate",
                      "status": "UP",
                      "data": {
                        "bundledMigrations": 3
                      }
                    },
                    {
                      "name": "schema",
                      "status": "DOWN",
                      "data": {
                        "schema": "public",
                        "current": "none",
                        "pending": 3,
                        "reason": "pending: V1 initial schema"
                      }
                    }
                  ]
                }""");
    }

    @Test
    void statusesAreUpperCaseAsMicroProfileSpellsThem() {
        HealthReport up = new HealthReport(List.of(HealthCheckResult.up("database", Map.of("standby", false))));

        assertThat(HealthJson.write(up)).startsWith("{\n  \"status\": \"UP\",")
                .contains("\"status\": \"UP\"", "\"standby\": false");
    }

    @Test
    void aCheckWithoutDataHasNoDataMember() {
        HealthReport report = new HealthReport(List.of(HealthCheckResult.up("intel-migrate", Map.of())));

        assertThat(HealthJson.write(report)).doesNotContain("data")
                .contains("\"name\": \"intel-migrate\",\n      \"status\": \"UP\"\n    }");
    }

    @Test
    void aReportWithoutChecksIsUpWithAnEmptyList() {
        assertThat(HealthJson.write(new HealthReport(List.of())))
                .isEqualTo("{\n  \"status\": \"UP\",\n  \"checks\": []\n}");
    }

    @Test
    void reasonsAreEscaped() {
        HealthReport report = new HealthReport(List.of(HealthCheckResult.down("database", Failure.Kind.CONNECTION,
                Map.of("reason", "server said \"no\"\nbye"))));

        assertThat(HealthJson.write(report)).contains("\"reason\": \"server said \\\"no\\\"\\nbye\"");
    }
}
