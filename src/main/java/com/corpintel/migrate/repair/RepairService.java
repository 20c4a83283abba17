package com.corpintel.migrate.repair;

import com.corpintel.migrate.Failure;
import com.corpintel.migrate.db.Database;
import com.corpintel.migrate.db.MigrationLock;
import com.corpintel.migrate.db.ServerInfo;
import com.corpintel.migrate.db.SqlFailures;
import com.corpintel.migrate.db.SqlStatements;
import com.corpintel.migrate.migrate.FollowedBranch;
import com.corpintel.migrate.migrate.MigrationRecord;
import com.corpintel.migrate.migrate.MigrationService;
import com.corpintel.migrate.migrate.OperationsLog;
import com.corpintel.migrate.migrate.Patience;
import com.corpintel.migrate.migrate.Preflight;
import com.corpintel.migrate.migrate.Script;
import com.corpintel.migrate.migrate.StatusReport;
import com.corpintel.migrate.timescale.Edition;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Finds what keeps the history from matching the schema and the scripts, and repairs what
 * it can prove: a failed non-transactional step (forward or undo) whose effects the catalog
 * shows, and a checksum that changed only with whitespace or comment lines. Everything else
 * is refused with the reason and the SQL an operator would run. With --apply, all repairs
 * go in one transaction under the migration lock, each with its operations-log entry, and
 * only when nothing is refused.
 */
public final class RepairService {

    static final String CHECKSUM_MISMATCH = "checksum_mismatch";

    private final MigrationService migrations;
    private final Database database;
    private final Consumer<String> progress;

    public RepairService(MigrationService migrations, Consumer<String> progress) {
        this.migrations = migrations;
        this.database = migrations.database();
        this.progress = progress;
    }

    /** The listing (the default, and --dry-run): changes nothing. */
    public RepairReport list() {
        ServerInfo server = Preflight.reach(database);
        Preflight.requireSupportedServer(server);
        StatusReport state = migrations.status();
        return new RepairReport(false, false, find(state), state);
    }

    public RepairReport apply(Patience patience) {
        ServerInfo server = Preflight.reach(database);
        Preflight.requireSupportedServer(server);
        Preflight.requireWritable(server);
        try (MigrationLock lock = MigrationLock.acquire(database, patience.lockWait(), progress)) {
            StatusReport state = migrations.status();
            List<RepairItem> items = find(state);
            if (items.isEmpty() || items.stream().anyMatch(RepairItem::refused)) {
                return new RepairReport(true, false, items, state);
            }
            lock.requireHeld("repair");
            write(items);
            items.forEach(item -> progress.accept("repaired " + item.label() + ": " + item.action().words));
            return new RepairReport(true, true, items, migrations.status());
        }
    }

    private List<RepairItem> find(StatusReport state) {
        List<RepairItem> items = new ArrayList<>();
        try (Connection connection = database.connect()) {
            Edition edition = FollowedBranch.read(connection, migrations.source(), database.schema()).edition();
            for (MigrationRecord failed : state.failed()) {
                items.add(failedForward(connection, failed, edition));
            }
            for (MigrationRecord undone : failedUndos(connection, state)) {
                failedUndo(connection, undone, edition).ifPresent(items::add);
            }
            for (StatusReport.Problem problem : state.problems()) {
                if (state.failed().stream().anyMatch(f -> f.version() != null && f.version().equals(problem.version()))) {
                    continue; // the failed step is its own item
                }
                items.add(problem(state, problem, edition));
            }
        } catch (SQLException e) {
            throw new Failure(Failure.Kind.CONNECTION, "cannot inspect the schema: " + SqlFailures.serverMessage(e), e);
        }
        return items;
    }

    private RepairItem failedForward(Connection connection, MigrationRecord failed, Edition edition)
            throws SQLException {
        Optional<Script> script = failed.state().bundled() ? migrations.source().forward(failed, edition)
                : Optional.empty();
        if (script.isEmpty()) {
            return new RepairItem(failed.version(), failed.description(), RepairItem.Action.REFUSED, "its script is not"
                    + " in " + migrations.source().describe() + ", so what it should have built cannot be inspected;"
                    + " run repair with the binary or --migrations DIR that ran it", List.of(),
                    "DELETE FROM " + RepairPlanner.history(database.schema()) + " WHERE version = '" + failed.version()
                            + "' AND NOT success; -- only once nothing of it is left in the schema", null);
        }
        return RepairPlanner.failedForward(failed.version(), failed.description(), script.get().path(),
                script.get().transactional(), probe(connection, script.get()), database.schema());
    }

    private Optional<RepairItem> failedUndo(Connection connection, MigrationRecord applied, Edition edition)
            throws SQLException {
        Optional<Script> script = migrations.source().undo(applied, edition);
        if (script.isEmpty() || script.get().transactional()) {
            return Optional.empty(); // rolled back with its transaction: the history is right
        }
        return RepairPlanner.failedUndo(applied.version(), applied.description(), script.get().path(),
                probe(connection, script.get()), database.schema());
    }

    /** Applied versions whose newest operations-log entry is a failed downgrade. */
    private List<MigrationRecord> failedUndos(Connection connection, StatusReport state) throws SQLException {
        Map<String, OperationsLog.Entry> newest = new LinkedHashMap<>();
        for (OperationsLog.Entry entry : migrations.operationsLog().entries(connection)) {
            newest.put(entry.version(), entry);
        }
        return state.migrations().stream()
                .filter(m -> m.applied() && m.version() != null && !m.state().failed() && m.state().bundled())
                .filter(m -> {
                    OperationsLog.Entry entry = newest.get(m.version());
                    return entry != null && "downgrade".equals(entry.direction()) && "failed".equals(entry.outcome());
                })
                .toList();
    }

    private RepairItem problem(StatusReport state, StatusReport.Problem problem, Edition edition) {
        Optional<MigrationRecord> record = state.migrations().stream()
                .filter(m -> problem.version() != null && problem.version().equals(m.version()) && m.applied())
                .findFirst();
        if (CHECKSUM_MISMATCH.equals(problem.kind()) && record.isPresent()) {
            Optional<Script> script = migrations.source().forward(record.get(), edition);
            return RepairPlanner.checksumMismatch(problem.version(), problem.description(), record.get().type(),
                    script.map(Script::path).orElse("its script"), script.map(Script::sql).orElse(null),
                    record.get().checksum(), database.schema());
        }
        return new RepairItem(problem.version(), problem.description(), RepairItem.Action.REFUSED, problem.kind()
                + (problem.message().isEmpty() ? "" : " (" + problem.message() + ")") + ": repair changes no history"
                + " for this; restore the script in the source, or run the binary that applied it", List.of(), "", null);
    }

    private List<RepairPlanner.Probed> probe(Connection connection, Script script) throws SQLException {
        List<RepairPlanner.Probed> probed = new ArrayList<>();
        for (String statement : SqlStatements.split(script.sql())) {
            StatementEffect effect = StatementEffect.of(statement);
            probed.add(new RepairPlanner.Probed(effect, CatalogPresence.of(connection, database.schema(), effect)));
        }
        return probed;
    }

    /** Every repair and its log entry in one transaction: all or none. */
    private void write(List<RepairItem> items) {
        String history = RepairPlanner.history(database.schema());
        OperationsLog log = migrations.operationsLog();
        Instant now = Instant.now();
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            try {
                log.ensureExists(connection);
                for (RepairItem item : items) {
                    String sql = switch (item.action()) {
                        case COMPLETE_FORWARD -> "UPDATE " + history + " SET success = true WHERE version = ? AND NOT success";
                        case REMOVE_FAILED_ROW -> "DELETE FROM " + history + " WHERE version = ? AND NOT success";
                        case COMPLETE_UNDO -> "DELETE FROM " + history + " WHERE version = ? AND success";
                        case REALIGN_CHECKSUM -> "UPDATE " + history + " SET checksum = " + item.newChecksum()
                                + " WHERE version = ? AND success";
                        case REFUSED -> throw new IllegalStateException("a refused repair reached write");
                    };
                    try (PreparedStatement s = connection.prepareStatement(sql)) {
                        s.setString(1, item.version());
                        int rows = s.executeUpdate();
                        if (rows != 1) {
                            throw new SQLException("expected one history row of version " + item.version()
                                    + " to " + item.action().words + ", found " + rows);
                        }
                    }
                    log.record(connection, item.version(), item.description(),
                            item.action() == RepairItem.Action.COMPLETE_UNDO ? "downgrade" : "upgrade", true, now, 0,
                            "repair: " + item.action().words + ": " + item.reason());
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new Failure(Failure.Kind.MIGRATION, "repair failed, nothing was changed: "
                    + SqlFailures.serverMessage(e), e);
        }
    }
}
