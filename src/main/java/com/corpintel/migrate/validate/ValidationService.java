package com.corpintel.migrate.validate;

import com.corpintel.migrate.Failure;
import com.corpintel.migrate.db.Database;
import com.corpintel.migrate.db.Extensions;
import com.corpintel.migrate.db.ServerInfo;
import com.corpintel.migrate.db.SqlFailures;
import com.corpintel.migrate.migrate.FollowedBranch;
import com.corpintel.migrate.migrate.MigrationRecord;
import com.corpintel.migrate.migrate.MigrationService;
import com.corpintel.migrate.migrate.StatusReport;
import com.corpintel.migrate.report.Check;
import com.corpintel.migrate.report.CheckReport;
import com.corpintel.migrate.timescale.Edition;
import com.corpintel.migrate.timescale.FeatureMode;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The full report behind `validate`: named checks in a fixed order, each passed,
 * degraded, failed or skipped, with a one-line detail and the next step. The
 * schema checks compare the live catalog with the committed expected model of the
 * bundled head (see {@link SchemaChecks}).
 */
public final class ValidationService {

    public static final String CONNECTION = "connection";

    private final MigrationService migrations;
    private final FeatureMode featureMode;

    public ValidationService(MigrationService migrations, FeatureMode featureMode) {
        this.migrations = migrations;
        this.featureMode = featureMode;
    }

    public CheckReport validate() {
        Database database = migrations.database();
        List<Check> checks = new ArrayList<>();
        String where = database.connection().describe();
        try (Connection connection = database.connect()) {
            checks.add(Check.passed(CONNECTION, "connected to " + where + " (schema " + database.schema() + ")"));
            ServerInfo server = ServerInfo.read(connection);
            checks.add(serverVersion(server));
            Extensions extensions = Extensions.read(connection);
            checks.add(extensions(extensions));
            // The schema checks follow what V2 built, whatever the license says now.
            FollowedBranch branch = FollowedBranch.read(connection, migrations.source(), database.schema());
            Edition edition = branch.edition();
            checks.add(license(branch));

            StatusReport status = migrations.status();
            checks.add(migrationState(status));
            checks.add(pending(status));
            checks.addAll(new SchemaChecks(database.schema(), edition == null ? Edition.COMMUNITY : edition)
                    .run(connection));
        } catch (Failure e) {
            if (e.kind() != Failure.Kind.CONNECTION || !checks.isEmpty()) {
                throw e;
            }
            checks.add(Check.failed(CONNECTION, e.getMessage(),
                    "check host, port, credentials and sslmode; `intel-migrate check` shows more"));
        } catch (SQLException e) {
            throw new Failure(Failure.Kind.CONNECTION, "validation lost its session: " + SqlFailures.serverMessage(e), e);
        }
        return new CheckReport("validate", where, checks);
    }

    private static Check serverVersion(ServerInfo server) {
        if (server.versionNumber() < ServerInfo.MINIMUM_VERSION_NUMBER) {
            return Check.failed("server version", "PostgreSQL " + server.version() + " is older than 14",
                    "upgrade the server to PostgreSQL 14 or newer");
        }
        return Check.passed("server version", "PostgreSQL " + server.version()
                + (server.inRecovery() ? " (standby)" : ""));
    }

    private static Check extensions(Extensions extensions) {
        List<String> findings = new ArrayList<>();
        List<String> installed = new ArrayList<>();
        boolean notInstalledOnly = true;
        for (Extensions.Extension required : Extensions.REQUIRED) {
            Extensions.Available found = extensions.find(required.name());
            if (found == null) {
                findings.add(required.name() + ": not available on the server (" + required.packageHint() + ")");
                notInstalledOnly = false;
            } else if (!found.atLeast(required.minimumVersion())) {
                findings.add(required.name() + " " + found.effectiveVersion() + ": older than "
                        + required.minimumVersion());
                notInstalledOnly = false;
            } else if (found.installedVersion() == null) {
                findings.add(required.name() + " " + found.defaultVersion() + ": available but not installed in"
                        + " this database");
            } else {
                installed.add(required.name() + " " + found.installedVersion());
            }
        }
        if (findings.isEmpty()) {
            return Check.passed("extensions", String.join(", ", installed) + " installed");
        }
        return Check.failed("extensions", findings.size() + " of " + Extensions.REQUIRED.size()
                        + " required extensions missing" + (installed.isEmpty() ? "" : "; installed: "
                        + String.join(", ", installed)),
                notInstalledOnly ? "run `intel-migrate upgrade`, which creates them"
                        : "install the missing extensions on the database server (see MIGRATION_GUIDE)")
                .withFindings(findings);
    }

    private Check license(FollowedBranch branch) {
        String name = "timescaledb license";
        String license = branch.license();
        Edition edition = branch.live();
        Optional<String> mismatch = branch.disagreement();
        if (mismatch.isPresent() && branch.recorded().get().edition() == Edition.COMMUNITY) {
            return Check.failed(name, mismatch.get() + ": compression, compressed chunks, the policies and the"
                            + " continuous aggregate exist, but this server cannot run or read them",
                    "start the server with TimescaleDB's community license again");
        }
        if (mismatch.isPresent() && edition == Edition.COMMUNITY) {
            return Check.degraded(name, mismatch.get() + ": this database lacks compression, the policies and the"
                            + " continuous aggregate that this license allows",
                    "to build them, revert V2 and apply it again on this server (downgrade-to 1, then upgrade;"
                            + " see what reverting the later versions destroys with downgrade-to 1 --dry-run)");
        }
        if (license == null) {
            return Check.skipped(name, "timescaledb is not installed in this database");
        }
        if (edition == null) {
            return Check.failed(name, "unknown license '" + license + "'", "use TimescaleDB 2.x");
        }
        if (edition == Edition.COMMUNITY) {
            return Check.passed(name, "timescale (community): hypertables, compression, retention and continuous"
                    + " aggregates available");
        }
        String detail = "apache: hypertables only; unavailable: " + String.join("; ", edition.skippedFeatures);
        return featureMode == FeatureMode.REQUIRED
                ? Check.failed(name, detail, "use a TimescaleDB built with its community license")
                : Check.degraded(name, detail, "use a TimescaleDB with its community license for every feature");
    }

    private static Check migrationState(StatusReport status) {
        String name = "migration state";
        List<String> findings = new ArrayList<>();
        status.failed().forEach(m -> findings.add(m.label() + ": failed"));
        status.problems().forEach(p -> findings.add("V" + p.version() + " " + p.description() + ": " + p.kind()
                + (p.message().isEmpty() ? "" : " (" + p.message() + ")")));
        String current = status.current() == null ? "nothing applied" : "at " + status.current().label();
        if (!findings.isEmpty()) {
            return Check.failed(name, current + "; " + findings.size() + " problem" + (findings.size() == 1 ? "" : "s"),
                    "see MIGRATION_GUIDE, troubleshooting: migration state").withFindings(findings);
        }
        return Check.passed(name, current + ", " + status.appliedCount() + " applied, no failures, checksums match");
    }

    private static Check pending(StatusReport status) {
        if (status.pending().isEmpty()) {
            return Check.passed("pending migrations", "none: at the bundled head V" + status.head());
        }
        return Check.failed("pending migrations", status.pending().size() + " pending up to V" + status.head(),
                "run `intel-migrate upgrade`").withFindings(status.pending().stream().map(MigrationRecord::label).toList());
    }
}
