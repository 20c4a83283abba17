package com.corpintel.migrate.validate;

import com.corpintel.migrate.diff.Difference;
import com.corpintel.migrate.diff.SchemaDiff;
import com.corpintel.migrate.inspect.CatalogInspector;
import com.corpintel.migrate.inspect.Column;
import com.corpintel.migrate.inspect.ExpectedSchema;
import com.corpintel.migrate.inspect.Index;
import com.corpintel.migrate.inspect.Job;
import com.corpintel.migrate.inspect.SchemaModel;
import com.corpintel.migrate.inspect.Table;
import com.corpintel.migrate.report.Check;
import com.corpintel.migrate.timescale.Edition;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The schema half of `validate`: inspect the live catalog, compare it with the
 * committed expected model of the bundled head for this server's TimescaleDB
 * edition, and sort the differences into named checks. Under the Apache license
 * the features schema.md lets it skip are reported degraded by name.
 */
final class SchemaChecks {

    static final String DRIFT_STEP = "compare with `intel-migrate snapshot`; revert the manual change or write a"
            + " migration for it (MIGRATION_GUIDE, troubleshooting)";
    private static final String APACHE_STEP = "use a TimescaleDB built with its community license to get it"
            + " (schema.md: Apache-license behaviour)";

    private final String schema;
    private final Edition edition;

    SchemaChecks(String schema, Edition edition) {
        this.schema = schema;
        this.edition = edition;
    }

    List<Check> run(Connection connection) throws SQLException {
        SchemaModel actual = new CatalogInspector().inspect(connection, schema);
        return evaluate(ExpectedSchema.load(edition), actual, edition);
    }

    /** Pure: from the two models to the checks, so every branch is testable without a database. */
    static List<Check> evaluate(SchemaModel expected, SchemaModel actual, Edition edition) {
        List<Difference> differences = SchemaDiff.compare(expected, actual);
        // A missing table hides the differences of its parts: name them, so no check passes by omission.
        List<Table> missingTables = expected.tables().stream()
                .filter(t -> actual.table(t.name()).isEmpty()).toList();
        Predicate<Difference> summary = d -> isSummary(expected, d.name())
                || (d.kind() == Difference.Kind.COLUMN && d.table() != null && isSummary(expected, d.table()));
        List<Check> checks = new ArrayList<>();
        checks.add(drift("tables", differences, kind(Difference.Kind.TABLE)
                        .or(kind(Difference.Kind.VIEW).and(summary.negate())), List.of(),
                expected.tables().size() + " tables as expected"));
        checks.add(drift("columns", differences, kind(Difference.Kind.COLUMN).and(summary.negate()),
                withTheTable(missingTables, "columns", t -> t.columns().size()),
                expected.tables().stream().mapToInt(t -> t.columns().size()).sum() + " columns as expected"));
        checks.add(drift("constraints", differences, kind(Difference.Kind.CONSTRAINT),
                withTheTable(missingTables, "constraints", t -> t.constraints().size()),
                expected.tables().stream().mapToInt(t -> t.constraints().size()).sum() + " constraints as expected"));
        checks.add(drift("indexes", differences, kind(Difference.Kind.INDEX),
                withTheTable(missingTables, "indexes", t -> t.indexes().size()),
                expected.tables().stream().mapToInt(t -> t.indexes().size()).sum() + " indexes as expected"));
        checks.add(drift("triggers and functions", differences,
                kind(Difference.Kind.TRIGGER).or(kind(Difference.Kind.FUNCTION)),
                withTheTable(missingTables, "triggers", t -> t.triggers().size()),
                expected.tables().stream().mapToInt(t -> t.triggers().size()).sum() + " triggers, "
                        + expected.functions().size() + " functions as expected"));
        checks.add(drift("hypertable", differences, kind(Difference.Kind.HYPERTABLE), List.of(),
                expected.hypertables().stream().map(h -> h.table() + " on " + h.timeColumn() + ", chunks of "
                        + h.chunkInterval()).reduce((a, b) -> a + "; " + b).orElse("no hypertables expected")));
        if (edition == Edition.APACHE) {
            checks.add(Check.degraded("compression", "compression of financial_metrics: not available under the"
                    + " Apache license, skipped", APACHE_STEP));
            checks.add(Check.degraded("compression policy", "compression policy of financial_metrics (after 30 days):"
                    + " not available under the Apache license, skipped", APACHE_STEP));
            checks.add(Check.degraded("retention policy", "retention policy of financial_metrics (2 years): not"
                    + " available under the Apache license, skipped", APACHE_STEP));
            Check view = drift("continuous aggregate", differences, summary, List.of(), "");
            checks.add(view.status() == Check.Status.PASSED
                    ? Check.degraded("continuous aggregate", "daily_metrics_summary is a plain materialized view with"
                    + " the aggregate's columns (continuous aggregates need the community license); refresh it by"
                    + " hand with REFRESH MATERIALIZED VIEW", APACHE_STEP)
                    : view);
            checks.add(Check.degraded("refresh policy", "refresh policy of daily_metrics_summary: not available under"
                    + " the Apache license, skipped", APACHE_STEP));
        } else {
            List<String> uncompressed = expected.hypertables().stream()
                    .filter(h -> h.compressionEnabled() && actual.hypertable(h.table()).isEmpty())
                    .map(h -> "compression on " + h.table() + ": missing with the hypertable").toList();
            checks.add(drift("compression", differences, kind(Difference.Kind.COMPRESSION), uncompressed,
                    "financial_metrics compressed, segment by and order by as expected"));
            checks.add(drift("compression policy", differences, job(Job.Kind.COMPRESSION), List.of(), "as expected"));
            checks.add(drift("retention policy", differences, job(Job.Kind.RETENTION), List.of(), "as expected"));
            checks.add(drift("continuous aggregate", differences,
                    kind(Difference.Kind.CONTINUOUS_AGGREGATE).or(summary), List.of(),
                    "daily_metrics_summary as expected"));
            checks.add(drift("refresh policy", differences, job(Job.Kind.REFRESH), List.of(), "as expected"));
        }
        checks.add(vectors(expected, differences, missingTables));
        return checks;
    }

    private static List<String> withTheTable(List<Table> missing, String what, java.util.function.ToIntFunction<Table> count) {
        return missing.stream().filter(t -> count.applyAsInt(t) > 0)
                .map(t -> count.applyAsInt(t) + " " + what + " of table " + t.name() + ": missing with the table")
                .toList();
    }

    private static Check drift(String name, List<Difference> differences, Predicate<Difference> belongs,
                               List<String> hidden, String ok) {
        List<String> findings = new ArrayList<>(differences.stream().filter(belongs).map(Difference::message).toList());
        findings.addAll(hidden);
        if (findings.isEmpty()) {
            return Check.passed(name, ok);
        }
        long missing = differences.stream().filter(belongs).filter(d -> d.change() == Difference.Change.MISSING).count()
                + hidden.size();
        long unexpected = differences.stream().filter(belongs)
                .filter(d -> d.change() == Difference.Change.UNEXPECTED).count();
        return Check.failed(name, findings.size() + " difference" + (findings.size() == 1 ? "" : "s")
                + " from the expected schema (" + missing + " missing, " + unexpected + " unexpected, "
                + (findings.size() - missing - unexpected) + " changed)", DRIFT_STEP).withFindings(findings);
    }

    /** Vector columns keep their dimensions, and their indexes their method and operator class. */
    private static Check vectors(SchemaModel expected, List<Difference> differences, List<Table> missingTables) {
        List<String> columns = new ArrayList<>();
        List<String> indexes = new ArrayList<>();
        for (Table table : expected.tables()) {
            for (Column column : table.columns()) {
                if (column.type().startsWith("vector(")) {
                    columns.add(table.name() + "." + column.name());
                    for (Index index : table.indexes()) {
                        if (index.keys().stream().anyMatch(k -> k.expression().equals(column.name()))) {
                            indexes.add(index.name());
                        }
                    }
                }
            }
        }
        Set<String> vectorIndexes = Set.copyOf(indexes);
        Predicate<Difference> belongs = d -> (d.kind() == Difference.Kind.COLUMN
                && columns.contains(d.table() + "." + d.name()))
                || (d.kind() == Difference.Kind.INDEX && vectorIndexes.contains(d.name()));
        List<String> findings = new ArrayList<>();
        for (Difference d : differences.stream().filter(belongs).toList()) {
            String message = d.message();
            if (d.kind() == Difference.Kind.INDEX && d.change() == Difference.Change.UNEXPECTED) {
                message += expectedIndex(expected, d.name()).map(line -> " (expected " + line + ")").orElse("");
            }
            findings.add(message);
        }
        for (Table table : missingTables) {
            for (String column : columns) {
                if (column.startsWith(table.name() + ".")) {
                    findings.add("column " + column + ": missing with the table");
                }
            }
        }
        if (findings.isEmpty()) {
            return Check.passed("vector columns", String.join(", ", columns) + " as expected; indexes "
                    + String.join(", ", indexes) + " as expected");
        }
        return Check.failed("vector columns", findings.size() + " difference" + (findings.size() == 1 ? "" : "s")
                + " in vector columns or their indexes", "recreate the index as the expected schema has it (ivfflat,"
                + " vector_cosine_ops, lists = 100) or write a migration").withFindings(findings);
    }

    private static java.util.Optional<String> expectedIndex(SchemaModel expected, String name) {
        for (Table table : expected.tables()) {
            for (Index index : table.indexes()) {
                if (index.name().equals(name)) {
                    return java.util.Optional.of(index.method() + " " + index.keys().stream()
                            .map(k -> k.expression() + (k.operatorClass() == null ? "" : " " + k.operatorClass()))
                            .toList());
                }
            }
        }
        return java.util.Optional.empty();
    }

    private static Predicate<Difference> kind(Difference.Kind kind) {
        return d -> d.kind() == kind;
    }

    private static Predicate<Difference> job(Job.Kind kind) {
        return d -> d.kind() == Difference.Kind.JOB && d.name().equals(kind.words);
    }

    /** The summary (a view, or a continuous aggregate) and its columns belong to its own check, not the tables'. */
    private static boolean isSummary(SchemaModel expected, String name) {
        return expected.view(name).isPresent() || expected.continuousAggregate(name).isPresent();
    }
}
