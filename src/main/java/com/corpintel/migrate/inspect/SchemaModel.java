package com.corpintel.migrate.inspect;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One schema as plain data: what {@link CatalogInspector} reads from a live database,
 * what {@link SchemaModelText} writes and reads, and what the expected model of the
 * bundled migrations is ({@link ExpectedSchema}). Every list is sorted by name (columns
 * keep their table order), so two models of the same schema are equal.
 *
 * <p>Left out on purpose: the tool's own tables (Flyway's history, the operations
 * log), TimescaleDB's internal schemas, chunks, materialization hypertables and
 * triggers, objects that extensions own, and sequences (identity columns say it).
 */
public record SchemaModel(
        List<Extension> extensions,
        List<SqlFunction> functions,
        List<Table> tables,
        List<View> views,
        List<Hypertable> hypertables,
        List<ContinuousAggregate> continuousAggregates,
        List<Job> jobs) {

    public static final SchemaModel EMPTY = new SchemaModel(List.of(), List.of(), List.of(), List.of(), List.of(),
            List.of(), List.of());

    public SchemaModel {
        extensions = extensions.stream().sorted(Comparator.comparing(Extension::name)).toList();
        functions = functions.stream().sorted(Comparator.comparing(SqlFunction::name)
                .thenComparing(SqlFunction::arguments)).toList();
        tables = tables.stream().sorted(Comparator.comparing(Table::name)).toList();
        views = views.stream().sorted(Comparator.comparing(View::name)).toList();
        hypertables = hypertables.stream().sorted(Comparator.comparing(Hypertable::table)).toList();
        continuousAggregates = continuousAggregates.stream()
                .sorted(Comparator.comparing(ContinuousAggregate::name)).toList();
        jobs = jobs.stream().sorted(Comparator.comparing(Job::target).thenComparing(Job::kind)).toList();
    }

    public boolean hasExtension(String name) {
        return extensions.stream().anyMatch(e -> e.name().equals(name));
    }

    public Optional<Extension> extension(String name) {
        return extensions.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    public Optional<Table> table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public Optional<View> view(String name) {
        return views.stream().filter(v -> v.name().equals(name)).findFirst();
    }

    public Optional<Hypertable> hypertable(String table) {
        return hypertables.stream().filter(h -> h.table().equals(table)).findFirst();
    }

    public Optional<ContinuousAggregate> continuousAggregate(String name) {
        return continuousAggregates.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The policy of this kind on a hypertable or continuous aggregate (TimescaleDB allows one). */
    public Optional<Job> job(Job.Kind kind, String target) {
        return jobs.stream().filter(j -> j.kind() == kind && j.target().equals(target)).findFirst();
    }

    /** The same model with extension versions dropped, as the text form keeps it. */
    public SchemaModel withoutExtensionVersions() {
        return new SchemaModel(extensions.stream().map(e -> new Extension(e.name(), null)).toList(), functions, tables,
                views, hypertables, continuousAggregates, jobs);
    }
}
