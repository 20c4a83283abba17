package com.corpintel.migrate.migrate;

import com.corpintel.migrate.Failure;
import com.corpintel.migrate.db.Database;
import com.corpintel.migrate.db.Extensions;
import com.corpintel.migrate.db.ServerInfo;
import com.corpintel.migrate.db.SqlFailures;
import com.corpintel.migrate.timescale.Edition;
import com.corpintel.migrate.timescale.FeatureMode;
import com.corpintel.migrate.timescale.TimescaleLicense;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The upgrade --dry-run: every pending step up to the target with the exact script it
 * would run on this server, including the TimescaleDB branch, decided by the upgrade's
 * own rule. Reads only; the license probe runs in a transaction that is rolled back.
 */
final class UpgradeDryRun {

    private final Database database;
    private final MigrationSource source;
    private final FeatureMode featureMode;
    private final Consumer<String> progress;

    UpgradeDryRun(Database database, MigrationSource source, FeatureMode featureMode, Consumer<String> progress) {
        this.database = database;
        this.source = source;
        this.featureMode = featureMode;
        this.progress = progress;
    }

    Plan plan(ServerInfo server, StatusReport before, String target, Optional<InitialRefresh> initialRefresh) {
        List<MigrationRecord> pending = UpgradeChecks.pending(before, target);
        String license = null;
        Edition edition = null;
        try (Connection connection = database.connect()) {
            if (!pending.isEmpty()) {
                Preflight.requireExtensions(Extensions.read(connection));
                license = UpgradeChecks.licenseNeeded(source, featureMode, pending)
                        ? license(connection, server) : TimescaleLicense.ofLoaded(connection).orElse(null);
            } else {
                license = TimescaleLicense.ofInstalled(connection).orElse(null);
            }
            // A license that could not be told leaves the branch open; the steps say so.
            boolean needed = UpgradeChecks.licenseNeeded(source, featureMode, pending);
            if (license != null || !needed) {
                edition = UpgradeChecks.edition(connection, source, featureMode, database.schema(), before,
                        needed, license);
            }
        } catch (SQLException e) {
            throw SqlFailures.whilePreparing(e, "cannot plan the upgrade", "grant this role that privilege");
        }
        List<Plan.Step> steps = new ArrayList<>();
        for (MigrationRecord record : pending) {
            String unknown = edition == null ? ": it depends on TimescaleDB's license, which could not be told" : "";
            Script script = source.forward(record, edition).orElseThrow(() -> Failure.refused(
                    "cannot show the script of " + record.label() + unknown));
            steps.add(new Plan.Step("upgrade", record.version(), record.description(), script));
        }
        Edition branch = edition;
        initialRefresh.flatMap(refresh -> refresh.plan(steps, branch)).ifPresent(steps::add);
        // An up-to-date schema shows no branch: nothing would run.
        return pending.isEmpty()
                ? new Plan("upgrade", database.connection().describe(), database.schema(), null, null, steps)
                : new Plan("upgrade", database.connection().describe(), database.schema(), license, edition, steps);
    }

    /** What the server's TimescaleDB says, probing a rolled-back CREATE EXTENSION where it is not installed yet. */
    private String license(Connection connection, ServerInfo server) {
        try {
            return server.readOnly() || server.inRecovery()
                    ? TimescaleLicense.ofInstalled(connection).orElse(null)
                    : TimescaleLicense.probe(connection);
        } catch (SQLException e) {
            progress.accept("cannot tell TimescaleDB's license: " + SqlFailures.serverMessage(e));
            return null;
        }
    }
}
