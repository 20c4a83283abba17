package com.corpintel.migrate.migrate;

import com.corpintel.migrate.Failure;
import com.corpintel.migrate.db.Database;
import com.corpintel.migrate.db.SqlFailures;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.ErrorDetails;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.ValidateOutput;
import org.flywaydb.core.api.output.ValidateResult;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Reads where a schema stands: Flyway's view of history and scripts, as data. */
final class StatusReader {

    private final Database database;
    private final MigrationSource source;
    private final OperationsLog operationsLog;

    StatusReader(Database database, MigrationSource source, OperationsLog operationsLog) {
        this.database = database;
        this.source = source;
        this.operationsLog = operationsLog;
    }

    StatusReport of(Flyway flyway) {
        return of(flyway, PhaseTimings.off());
    }

    /** As {@link #of(Flyway)}, marking the history read and the validation in {@code phases}. */
    StatusReport of(Flyway flyway, PhaseTimings phases) {
        MigrationInfoService info = info(flyway);
        phases.mark("history");
        List<MigrationRecord> all = Arrays.stream(info.all()).map(StatusReader::record).toList();
        String head = all.stream()
                .filter(r -> r.state().bundled())
                .map(MigrationRecord::version)
                .reduce((a, b) -> b)
                .orElse(null);
        MigrationSource.Inventory inventory = source.inventory();
        long resolved = Arrays.stream(info.all())
                .filter(i -> i.getVersion() != null && i.getState().isResolved()).count();
        if (source instanceof BundledMigrations && resolved < inventory.migrations()) {
            throw BundledResources.missing("Flyway resolved " + resolved + " of the " + inventory.migrations()
                    + " bundled migrations");
        }
        List<StatusReport.Problem> problems = problems(flyway, info);
        phases.mark("validation");
        return new StatusReport(
                database.connection().describe(),
                database.schema(),
                inventory,
                current(all),
                head,
                (int) all.stream().filter(r -> r.version() != null && r.state() == MigrationState.SUCCESS).count(),
                all.stream().filter(r -> r.state() == MigrationState.PENDING).toList(),
                all.stream().filter(r -> r.state().failed()).toList(),
                problems,
                all.stream().filter(r -> r.state().future()).toList(),
                all);
    }

    HistoryReport history(Flyway flyway) {
        List<MigrationRecord> all = Arrays.stream(info(flyway).all()).map(StatusReader::record).toList();
        try (Connection connection = database.connect()) {
            return new HistoryReport(database.connection().describe(), database.schema(), all,
                    operationsLog.entries(connection));
        } catch (SQLException e) {
            throw new Failure(Failure.Kind.CONNECTION, "cannot read the operations log: " + SqlFailures.serverMessage(e), e);
        }
    }

    /**
     * What Flyway's validation reports, judged on the records {@code info} already holds
     * ({@link HistoryValidation}); Flyway's own second pass only where that port does not apply.
     */
    private List<StatusReport.Problem> problems(Flyway flyway, MigrationInfoService info) {
        List<StatusReport.Problem> problems = new ArrayList<>();
        MigrationInfo[] all = info.all();
        if (HistoryValidation.appliesTo(flyway.getConfiguration(), all)) {
            for (HistoryValidation.Invalid invalid : HistoryValidation.of(all)) {
                problems.add(problem(invalid.version(), invalid.info().getDescription(), invalid.error()));
            }
            return problems;
        }
        ValidateResult validation;
        try {
            validation = flyway.validateWithResult();
        } catch (FlywayException e) {
            throw FlywayFailures.translate(e, "cannot validate the migration history", database.connection());
        }
        if (!validation.validationSuccessful && validation.invalidMigrations != null) {
            for (ValidateOutput invalid : validation.invalidMigrations) {
                problems.add(problem(invalid.version, invalid.description, invalid.errorDetails));
            }
        }
        return problems;
    }

    private static StatusReport.Problem problem(String version, String description, ErrorDetails error) {
        String kind = error == null || error.errorCode == null
                ? "invalid" : error.errorCode.toString().toLowerCase(Locale.ROOT);
        String message = error == null ? "" : SqlFailures.firstLine(error.errorMessage);
        return new StatusReport.Problem(version, description, kind, message);
    }

    private MigrationInfoService info(Flyway flyway) {
        try {
            return flyway.info();
        } catch (FlywayException e) {
            throw FlywayFailures.translate(e, "cannot read the migration history", database.connection());
        }
    }

    /**
     * The newest applied version. Not Flyway's info.current(): that can be the
     * "<< Flyway Schema Creation >>" marker row, which has no version.
     */
    static MigrationRecord current(List<MigrationRecord> all) {
        return all.stream()
                .filter(r -> r.applied() && r.version() != null && r.state().countsAsCurrent())
                .max(Comparator.comparing(r -> MigrationVersion.fromVersion(r.version())))
                .orElse(null);
    }

    static MigrationRecord record(MigrationInfo info) {
        return new MigrationRecord(
                info.getVersion() == null ? null : info.getVersion().getVersion(),
                info.getDescription(),
                info.getType() == null ? null : info.getType().name(),
                MigrationState.of(info.getState()),
                info.getScript(),
                info.getInstalledOn() == null ? null : info.getInstalledOn().toInstant(),
                info.getInstalledBy(),
                info.getInstalledOn() == null ? null : info.getExecutionTime(),
                info.getChecksum(),
                info.getInstalledRank());
    }
}
