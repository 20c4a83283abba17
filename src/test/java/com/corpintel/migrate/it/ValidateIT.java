package com.corpintel.migrate.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * validate passes on a fresh schema (under the Apache license reporting what that
 * license lacks as degraded, by name), fails on each kind of drift naming exactly
 * the object, and uses the connection code when the server cannot be reached.
 */
class ValidateIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode validate(TestDatabase db, int expectedExit, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("validate", "-o", "json"));
        args.addAll(List.of(extra));
        Cli.Result result = Cli.run(db.env(), args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(expectedExit);
        return JSON.readTree(result.stdout());
    }

    private static JsonNode check(JsonNode report, String name) {
        for (JsonNode check : report.get("checks")) {
            if (check.get("name").asText().equals(name)) {
                return check;
            }
        }
        throw new AssertionError("no check named " + name + " in " + report);
    }

    private static List<String> failedFindings(JsonNode report) {
        List<String> findings = new ArrayList<>();
        for (JsonNode check : report.get("checks")) {
            if (check.get("status").asText().equals("failed")) {
                check.get("findings").forEach(f -> findings.add(check.get("name").asText() + ": " + f.asText()));
            }
        }
        return findings;
    }

    @Test
    void aFreshlyUpgradedDatabasePassesAndNamesWhatTheLicenseLacks() throws Exception {
        TimescaleEdition edition = TestServer.edition();
        try (TestDatabase db = TestServer.createDatabase()) {
            assertThat(Cli.run(db.env(), "upgrade").exitCode()).isZero();
            JsonNode report = validate(db, 0);
            assertThat(failedFindings(report)).isEmpty();
            List<String> names = new ArrayList<>();
            report.get("checks").forEach(c -> names.add(c.get("name").asText()));
            assertThat(names).startsWith("connection", "server version", "extensions", "timescaledb license",
                    "migration state", "pending migrations");
            // What the Apache license lacks is degraded there; under the community license it is all there.
            String licenseDependent = edition == TimescaleEdition.APACHE ? "degraded" : "passed";
            for (String check : List.of("timescaledb license", "compression", "compression policy",
                    "retention policy", "continuous aggregate", "refresh policy")) {
                assertThat(check(report, check).get("status").asText()).as(check).isEqualTo(licenseDependent);
            }
            for (String passed : List.of("tables", "columns", "constraints", "indexes", "hypertable", "vector columns")) {
                assertThat(check(report, passed).get("status").asText()).as(passed).isEqualTo("passed");
            }
            assertThat(check(report, "continuous aggregate").get("detail").asText()).contains("daily_metrics_summary");

            Cli.Result strict = Cli.run(db.env(), "validate", "--strict");
            if (edition == TimescaleEdition.APACHE) {
                assertThat(strict.exitCode()).as("degraded fails under --strict").isEqualTo(6);
                assertThat(strict.stdout()).contains("degraded", "compression policy");
            } else {
                assertThat(strict.exitCode()).as("nothing degraded: --strict passes too").isZero();
                assertThat(strict.stdout()).doesNotContain("degraded").contains("compression policy");
            }
        }
    }

    @Test
    void anEmptyDatabaseReportsPendingMigrationsAndMissingTables() throws Exception {
        try (TestDatabase db = TestServer.createDatabase()) {
            JsonNode report = validate(db, 6);
            assertThat(check(report, "pending migrations").get("status").asText()).isEqualTo("failed");
            assertThat(check(report, "tables").get("status").asText()).isEqualTo("failed");
            assertThat(check(report, "tables").get("findings").toString()).contains("table companies: missing");
        }
    }

    @Test
    void anUnreachableServerFailsTheConnectionCheckWithCode3() throws Exception {
        Cli.Result result = Cli.run(Map.of("DATABASE_URL", "postgresql://intel@127.0.0.1:1/intel"), "validate",
                "-o", "json", "--connect-timeout", "2s");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        JsonNode connection = check(JSON.readTree(result.stdout()), "connection");
        assertThat(connection.get("status").asText()).isEqualTo("failed");
        assertThat(connection.get("nextStep").asText()).isNotBlank();
    }

    /** Each kind of drift: the SQL that causes it, and the finding that must name it. */
    private record Drift(String sql, String check, String finding) {
    }

    @Test
    void everyKindOfDriftFailsValidationAndNamesTheObject() throws Exception {
        List<Drift> drifts = List.of(
                new Drift("DROP INDEX idx_company_category", "indexes", "index idx_company_category on companies: missing"),
                new Drift("CREATE INDEX idx_extra ON companies (website)", "indexes", "index idx_extra on companies: unexpected"),
                new Drift("ALTER TABLE companies ALTER COLUMN website TYPE text", "columns", "column companies.website"),
                new Drift("ALTER TABLE users ALTER COLUMN role SET DEFAULT 'analyst'", "columns", "column users.role"),
                new Drift("ALTER TABLE users ALTER COLUMN email DROP NOT NULL", "columns", "column users.email"),
                new Drift("ALTER TABLE sec_filings DROP CONSTRAINT fk_filing_company", "constraints",
                        "constraint fk_filing_company on sec_filings: missing"),
                new Drift("ALTER TABLE documents DROP CONSTRAINT fk_document_company, ADD CONSTRAINT fk_document_company"
                        + " FOREIGN KEY (company_id) REFERENCES companies (id) ON DELETE CASCADE", "constraints",
                        "constraint fk_document_company on documents"),
                new Drift("DROP TABLE user_sessions", "tables", "table user_sessions: missing"),
                new Drift("CREATE TABLE scratch (id int)", "tables", "table scratch: unexpected"),
                new Drift("DROP INDEX idx_chunk_embedding; CREATE INDEX idx_chunk_embedding ON document_chunks"
                        + " USING ivfflat (embedding vector_l2_ops) WITH (lists = 100)", "vector columns",
                        "idx_chunk_embedding"),
                new Drift("SELECT set_chunk_time_interval('financial_metrics', INTERVAL '7 days')", "hypertable",
                        "financial_metrics"));
        for (Drift drift : drifts) {
            try (TestDatabase db = DatabaseTemplate.upgraded().copy()) {
                db.execute(drift.sql());
                JsonNode report = validate(db, 6);
                JsonNode check = check(report, drift.check());
                assertThat(check.get("status").asText()).as(drift.sql()).isEqualTo("failed");
                assertThat(check.get("findings").toString()).as(drift.sql()).contains(drift.finding());
                assertThat(check.get("nextStep").asText()).as(drift.sql()).isNotBlank();
                if (drift.check().equals("vector columns")) {
                    assertThat(check.get("findings").toString()).contains("vector_cosine_ops");
                }
            }
        }
    }

    @Test
    void aRoleWithoutSuperuserRightsCanValidate() throws Exception {
        try (TestDatabase db = DatabaseTemplate.upgraded().copy()) {
            String role = "reader_" + db.name();
            db.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'reader-pw-1'");
            db.execute("GRANT USAGE ON SCHEMA public TO " + role);
            db.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + role);
            try {
                Cli.Result result = Cli.run(Map.of("DATABASE_URL", "postgresql://" + role + "@" + TestServer.host() + ":"
                        + TestServer.port() + "/" + db.name(), "PGPASSWORD", "reader-pw-1"), "validate", "-o", "json");
                assertThat(result.exitCode()).as(result.toString()).isZero();
                assertThat(failedFindings(JSON.readTree(result.stdout()))).isEmpty();
            } finally {
                db.execute("DROP OWNED BY " + role);
                db.execute("DROP ROLE " + role);
            }
        }
    }
}
