package com.corpintel.migrate.migrate;

import com.corpintel.migrate.Failure;
import com.corpintel.migrate.db.Database;
import com.corpintel.migrate.db.SqlFailures;
import com.corpintel.migrate.timescale.Edition;
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
import java.util.Objects;
import java.util.Optional;

/**
 * Reads where a schema stands, as Flyway 12 sees it, on a session the caller holds. The
 * migrations are resolved from the source ({@link MigrationSource#sqlMigrations}, the Java
 * migrations as Flyway is given them), the history is read with one query
 * ({@link HistoryTable#rows}), and the two are merged into Flyway's states ({@link MigrationStates})
 * and judged by Flyway's validation rules ({@link HistoryValidation}): without a Flyway instance,
 * whose {@code info()} costs seconds at thousands of migrations (it scans, parses, and prepares
 * callbacks and configuration that a read never uses). Where that port does not cover the source
 * or the history (repeatable or undo rows, misnamed scripts, …), Flyway's own {@code info()} and
 * validation read it instead, so nothing is guessed.
 */
final class StatusReader {

    private final Database database;
    private final MigrationSource source;
    private final OperationsLog operationsLog;
    private final FlywayFactory flyways;
    private final HistoryTable historyTable;

    StatusReader(Database database, MigrationSource source, OperationsLog operationsLog, FlywayFactory flyways) {
        this.database = database;
        this.source = source;
        this.operationsLog = operationsLog;
        this.flyways = flyways;
        this.historyTable = new HistoryTable(database.schema());
    }

    /**
     * @param connection a session of {@link #database}, left open
     * @param planned    the TimescaleDB branch a pending V2 would record (its checksum); null to resolve it
     *                   from what the database has, as every read does
     */
    StatusReport of(Connection connection, Edition planned, PhaseTimings phases) {
        View view = read(connection, planned);
        phases.mark("history");
        List<MigrationRecord> all = view.records();
        String head = all.stream()
                .filter(r -> r.state().bundled() && r.version() != null)
                .map(MigrationRecord::version)
                .reduce((a, b) -> b)
                .orElse(null);
        MigrationSource.Inventory inventory = source.inventory();
        long resolved = view.resolvedCount();
        if (source instanceof BundledMigrations && resolved < inventory.migrations()) {
            throw BundledResources.missing("resolved " + resolved + " of the " + inventory.migrations()
                    + " bundled migrations");
        }
        List<StatusReport.Problem> problems = view.problems();
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

    /** Every migration and the operations log, both read on {@code connection}. */
    HistoryReport history(Connection connection) {
        List<MigrationRecord> all = read(connection, null).records();
        try {
            return new HistoryReport(database.connection().describe(), database.schema(), all,
                    operationsLog.entries(connection));
        } catch (SQLException e) {
            throw new Failure(Failure.Kind.CONNECTION, "cannot read the operations log: " + SqlFailures.serverMessage(e), e);
        }
    }

    /** One read of the migrations: the records, how many the source resolved, and the problems, judged on demand. */
    private interface View {
        List<MigrationRecord> records();

        long resolvedCount();

        List<StatusReport.Problem> problems();
    }

    private View read(Connection connection, Edition planned) {
        return entries(connection, planned).<View>map(OwnView::new)
                .orElseGet(() -> new FlywayView(flyways.applying(null, planned)));
    }

    /**
     * The migrations as Flyway would list them, read without Flyway; empty where the source or the
     * history is one the port does not cover, so that Flyway reads it.
     */
    Optional<List<MigrationEntry>> entries(Connection connection, Edition planned) {
        Optional<List<LocalMigration>> scripts = source.sqlMigrations();
        if (scripts.isEmpty()) {
            return Optional.empty();
        }
        List<LocalMigration> resolved = new ArrayList<>(scripts.get());
        Arrays.stream(flyways.javaMigrations(connection, planned)).map(LocalMigration::ofJava).forEach(resolved::add);
        try {
            return MigrationStates.of(resolved, historyTable.rows(connection));
        } catch (SQLException e) {
            throw FlywayFailures.translate(e, "cannot read the migration history", database.connection());
        }
    }

    /** Our own reading: the port of Flyway's merge, and its validation. */
    private record OwnView(List<MigrationEntry> entries) implements View {

        @Override
        public List<MigrationRecord> records() {
            return entries.stream().map(MigrationEntry::record).toList();
        }

        /** Every resolved migration is in at least one entry (twice when a deleted row left it pending). */
        @Override
        public long resolvedCount() {
            return entries.stream().map(MigrationEntry::resolved).filter(Objects::nonNull).distinct().count();
        }

        @Override
        public List<StatusReport.Problem> problems() {
            return HistoryValidation.of(entries).stream()
                    .map(i -> problem(i.version(), i.entry().description(), i.error()))
                    .toList();
        }
    }

    /** Flyway's reading, for what the port does not cover: {@code info()}, and its validation as a second pass. */
    private final class FlywayView implements View {

        private final Flyway flyway;
        private final MigrationInfo[] all;

        FlywayView(Flyway flyway) {
            this.flyway = flyway;
            this.all = info(flyway).all();
        }

        @Override
        public List<MigrationRecord> records() {
            return Arrays.stream(all).map(StatusReader::record).toList();
        }

        @Override
        public long resolvedCount() {
            return Arrays.stream(all).filter(i -> i.getVersion() != null && i.getState().isResolved()).count();
        }

        @Override
        public List<StatusReport.Problem> problems() {
            ValidateResult validation;
            try {
                validation = flyway.validateWithResult();
            } catch (FlywayException e) {
                throw FlywayFailures.translate(e, "cannot validate the migration history", database.connection());
            }
            List<StatusReport.Problem> problems = new ArrayList<>();
            if (!validation.validationSuccessful && validation.invalidMigrations != null) {
                for (ValidateOutput invalid : validation.invalidMigrations) {
                    problems.add(problem(invalid.version, invalid.description, invalid.errorDetails));
                }
            }
            return problems;
        }
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
