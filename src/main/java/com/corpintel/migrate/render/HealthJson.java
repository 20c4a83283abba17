package com.corpintel.migrate.render;

import com.corpintel.migrate.health.HealthCheckResult;
import com.corpintel.migrate.health.HealthReport;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A health report in the MicroProfile Health format, which probes and monitors
 * read: {"status": "UP|DOWN", "checks": [{"name", "status", "data"}]}. The same
 * document whatever --format says; a check without data has no "data" member.
 */
public final class HealthJson {

    private HealthJson() {
    }

    public static String write(HealthReport report) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("status", report.status());
        doc.put("checks", report.checks().stream().map(HealthJson::check).toList());
        return Json.write(doc);
    }

    private static Object check(HealthCheckResult check) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("name", check.name());
        doc.put("status", check.up() ? "UP" : "DOWN");
        if (!check.data().isEmpty()) {
            doc.put("data", check.data());
        }
        return doc;
    }
}
