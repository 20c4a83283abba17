package com.corpintel.migrate.inspect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The reviewable text form of a {@link SchemaModel}: one line per fact, grouped by
 * object and sorted, so that a change to the schema is a small, readable diff.
 * {@link #write} and {@link #read} are exact inverses for everything but extension
 * versions, which the text leaves out because they differ between servers.
 *
 * <pre>
 * extension vector
 * table companies
 * column companies.ticker character varying(10) not null
 * constraint sec_filings.fk_filing_company FOREIGN KEY (company_id) REFERENCES companies(id) ON DELETE CASCADE
 * index documents.idx_document_embedding ivfflat (embedding vector_cosine_ops) with (lists=100)
 * hypertable financial_metrics time metric_date interval 30 days compression off
 * job compression policy on financial_metrics every 12:00:00 with (compress_after=30 days)
 * </pre>
 *
 * Names are written bare when they are plain lower-case identifiers and double-quoted
 * otherwise. Free text (definitions, defaults, bodies) ends the line. Lines starting
 * with '#' are comments.
 */
public final class SchemaModelText {

    /** The header every generated file starts with. */
    public static final List<String> HEADER = List.of(
            "# intel-migrate schema model: one line per fact, grouped by object and sorted by name.",
            "# Generated with `intel-migrate snapshot` from a database migrated to the bundled head;",
            "# review a change to it like code. Extension versions are left out: they differ between servers.");

    private SchemaModelText() {
    }

    // ------------------------------------------------------------------ writing

    public static String write(SchemaModel model) {
        List<List<String>> groups = new ArrayList<>();
        groups.add(HEADER);
        groups.add(model.extensions().stream().map(SchemaModelText::line).toList());
        groups.add(model.functions().stream().map(SchemaModelText::line).toList());
        for (Table table : model.tables()) {
            List<String> lines = new ArrayList<>();
            lines.add(line(table));
            table.columns().forEach(c -> lines.add(line(table.name(), c)));
            table.constraints().forEach(c -> lines.add(line(table.name(), c)));
            table.indexes().forEach(i -> lines.add(line(table.name(), i)));
            table.triggers().forEach(t -> lines.add(line(table.name(), t)));
            groups.add(lines);
        }
        for (View view : model.views()) {
            List<String> lines = new ArrayList<>();
            lines.add(line(view));
            view.columns().forEach(c -> lines.add(line(view.name(), c)));
            view.indexes().forEach(i -> lines.add(line(view.name(), i)));
            groups.add(lines);
        }
        groups.add(model.hypertables().stream().map(SchemaModelText::line).toList());
        for (ContinuousAggregate aggregate : model.continuousAggregates()) {
            List<String> lines = new ArrayList<>();
            lines.add(line(aggregate));
            aggregate.columns().forEach(c -> lines.add(line(aggregate.name(), c)));
            groups.add(lines);
        }
        groups.add(model.jobs().stream().map(SchemaModelText::line).toList());

        StringBuilder out = new StringBuilder();
        for (List<String> group : groups) {
            if (group.isEmpty()) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append('\n');
            }
            for (String line : group) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    public static String line(Extension extension) {
        return "extension " + extension.name();
    }

    public static String line(SqlFunction function) {
        return "function " + SqlText.name(function.name()) + "(" + function.arguments() + ") language "
                + function.language() + (function.returns() == null ? "" : " returns " + function.returns())
                + ": " + function.body();
    }

    public static String line(Table table) {
        return "table " + SqlText.name(table.name());
    }

    /** A column of the named table, view or continuous aggregate. */
    public static String line(String relation, Column column) {
        StringBuilder line = new StringBuilder("column ").append(qualified(relation, column.name())).append(' ')
                .append(column.type());
        if (column.notNull()) {
            line.append(" not null");
        }
        if (column.identity() != null) {
            line.append(" identity ").append(column.identity().words);
        }
        if (column.defaultExpression() != null) {
            line.append(column.generated() ? " generated " : " default ").append(column.defaultExpression());
        }
        return line.toString();
    }

    public static String line(String table, Constraint constraint) {
        return "constraint " + qualified(table, constraint.name()) + " " + constraint.definition();
    }

    public static String line(String relation, Index index) {
        return "index " + qualified(relation, index.name()) + " " + indexDescription(index);
    }

    /** An index without its name: {@code unique btree (id) for constraint}. */
    public static String indexDescription(Index index) {
        StringBuilder line = new StringBuilder();
        if (index.unique()) {
            line.append("unique ");
        }
        line.append(index.method()).append(" (")
                .append(String.join(", ", index.keys().stream().map(IndexKey::text).toList())).append(')');
        if (!index.include().isEmpty()) {
            line.append(" include (").append(names(index.include())).append(')');
        }
        if (!index.parameters().isEmpty()) {
            line.append(" with (").append(String.join(", ", index.parameters())).append(')');
        }
        if (index.backsConstraint()) {
            line.append(" for constraint");
        }
        if (index.predicate() != null) {
            line.append(" where ").append(index.predicate());
        }
        return line.toString();
    }

    public static String line(String table, Trigger trigger) {
        return "trigger " + qualified(table, trigger.name()) + ": " + trigger.definition();
    }

    public static String line(View view) {
        return "view " + SqlText.name(view.name()) + (view.materialized() ? " materialized" : "") + ": "
                + view.definition();
    }

    public static String line(Hypertable hypertable) {
        return "hypertable " + SqlText.name(hypertable.table()) + " time " + SqlText.name(hypertable.timeColumn())
                + " interval " + hypertable.chunkInterval() + " " + compressionDescription(hypertable);
    }

    /** {@code compression on segment by company_id order by metric_date DESC}, or {@code compression off}. */
    public static String compressionDescription(Hypertable hypertable) {
        if (!hypertable.compressionEnabled()) {
            return "compression off";
        }
        return "compression on"
                + (hypertable.segmentBy().isEmpty() ? "" : " segment by " + String.join(", ", hypertable.segmentBy()))
                + (hypertable.orderBy().isEmpty() ? "" : " order by " + String.join(", ", hypertable.orderBy()));
    }

    public static String line(ContinuousAggregate aggregate) {
        return "continuous aggregate " + SqlText.name(aggregate.name())
                + (aggregate.materializedOnly() ? " materialized only" : " real-time") + ": " + aggregate.definition();
    }

    public static String line(Job job) {
        return "job " + job.kind().words + " on " + SqlText.name(job.target()) + " every " + job.scheduleInterval()
                + (job.scheduled() ? "" : " paused")
                + (job.config().isEmpty() ? "" : " with (" + String.join(", ", job.config().entrySet().stream()
                        .map(e -> e.getKey() + "=" + SqlText.value(e.getValue())).toList()) + ")");
    }

    private static String qualified(String relation, String name) {
        return SqlText.name(relation) + "." + SqlText.name(name);
    }

    private static String names(List<String> names) {
        return String.join(", ", names.stream().map(SqlText::name).toList());
    }

    // ------------------------------------------------------------------ reading

    /**
     * Reads the text form back.
     *
     * @throws IllegalArgumentException naming the line that cannot be read
     */
    public static SchemaModel read(String text) {
        return new Reader().read(text);
    }

    /** Collects lines into mutable parts, then builds the immutable model. */
    private static final class Reader {
        private final List<Extension> extensions = new ArrayList<>();
        private final List<SqlFunction> functions = new ArrayList<>();
        private final Map<String, Relation> relations = new LinkedHashMap<>();
        private final List<Hypertable> hypertables = new ArrayList<>();
        private final List<Job> jobs = new ArrayList<>();

        /** A table, view or continuous aggregate being read, and what belongs to it. */
        private static final class Relation {
            final String kind;
            final String header;
            final List<Column> columns = new ArrayList<>();
            final List<Constraint> constraints = new ArrayList<>();
            final List<Index> indexes = new ArrayList<>();
            final List<Trigger> triggers = new ArrayList<>();

            Relation(String kind, String header) {
                this.kind = kind;
                this.header = header;
            }
        }

        SchemaModel read(String text) {
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                try {
                    line(line);
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("line " + (i + 1) + ": cannot read '" + line + "': "
                            + e.getMessage(), e);
                }
            }
            return build();
        }

        private void line(String line) {
            if (line.startsWith("extension ")) {
                extensions.add(new Extension(line.substring("extension ".length()).strip(), null));
            } else if (line.startsWith("function ")) {
                functions.add(function(line.substring("function ".length())));
            } else if (line.startsWith("table ")) {
                declare(wholeName(line.substring("table ".length())), "table", "");
            } else if (line.startsWith("view ")) {
                Cursor c = new Cursor(line, "view ".length());
                String name = c.name();
                String rest = c.rest();
                if (!rest.startsWith(" materialized: ") && !rest.startsWith(": ")) {
                    throw new IllegalArgumentException("expected ': definition'");
                }
                declare(name, "view", rest);
            } else if (line.startsWith("continuous aggregate ")) {
                Cursor c = new Cursor(line, "continuous aggregate ".length());
                String name = c.name();
                String rest = c.rest();
                if (!rest.startsWith(" materialized only: ") && !rest.startsWith(" real-time: ")) {
                    throw new IllegalArgumentException("expected 'materialized only' or 'real-time'");
                }
                declare(name, "continuous aggregate", rest);
            } else if (line.startsWith("column ")) {
                Cursor c = new Cursor(line, "column ".length());
                String relation = c.name();
                c.expect(".");
                String name = c.name();
                c.expect(" ");
                owner(relation).columns.add(column(name, c.rest()));
            } else if (line.startsWith("constraint ")) {
                Cursor c = new Cursor(line, "constraint ".length());
                String table = c.name();
                c.expect(".");
                String name = c.name();
                c.expect(" ");
                owner(table).constraints.add(Constraint.of(name, c.rest()));
            } else if (line.startsWith("index ")) {
                Cursor c = new Cursor(line, "index ".length());
                String relation = c.name();
                c.expect(".");
                String name = c.name();
                c.expect(" ");
                owner(relation).indexes.add(index(name, c.rest()));
            } else if (line.startsWith("trigger ")) {
                Cursor c = new Cursor(line, "trigger ".length());
                String table = c.name();
                c.expect(".");
                String name = c.name();
                c.expect(": ");
                owner(table).triggers.add(new Trigger(name, c.rest()));
            } else if (line.startsWith("hypertable ")) {
                hypertables.add(hypertable(line));
            } else if (line.startsWith("job ")) {
                jobs.add(job(line));
            } else {
                throw new IllegalArgumentException("unknown kind of line");
            }
        }

        private void declare(String name, String kind, String header) {
            if (relations.containsKey(name)) {
                throw new IllegalArgumentException(name + " is declared twice");
            }
            relations.put(name, new Relation(kind, header));
        }

        private Relation owner(String name) {
            Relation relation = relations.get(name);
            if (relation == null) {
                throw new IllegalArgumentException(name + " is not declared above (table, view or continuous"
                        + " aggregate line)");
            }
            return relation;
        }

        private SchemaModel build() {
            List<Table> tables = new ArrayList<>();
            List<View> views = new ArrayList<>();
            List<ContinuousAggregate> aggregates = new ArrayList<>();
            relations.forEach((name, r) -> {
                switch (r.kind) {
                    case "table" -> tables.add(new Table(name, r.columns, r.constraints, r.indexes, r.triggers));
                    case "view" -> {
                        requireOnly(name, r, r.constraints.isEmpty() && r.triggers.isEmpty());
                        boolean materialized = r.header.startsWith(" materialized: ");
                        String definition = r.header.substring(r.header.indexOf(": ") + 2);
                        views.add(new View(name, materialized, definition, r.columns, r.indexes));
                    }
                    default -> {
                        requireOnly(name, r, r.constraints.isEmpty() && r.triggers.isEmpty() && r.indexes.isEmpty());
                        boolean materializedOnly = r.header.startsWith(" materialized only: ");
                        String definition = r.header.substring(r.header.indexOf(": ") + 2);
                        aggregates.add(new ContinuousAggregate(name, materializedOnly, definition, r.columns));
                    }
                }
            });
            return new SchemaModel(extensions, functions, tables, views, hypertables, aggregates, jobs);
        }

        private static void requireOnly(String name, Relation relation, boolean ok) {
            if (!ok) {
                throw new IllegalArgumentException(relation.kind + " " + name + " cannot have constraints, triggers"
                        + (relation.kind.equals("view") ? "" : " or indexes") + " in this model");
            }
        }

        private static String wholeName(String text) {
            Cursor c = new Cursor(text, 0);
            String name = c.name();
            if (!c.atEnd()) {
                throw new IllegalArgumentException("unexpected text after the name");
            }
            return name;
        }

        private static SqlFunction function(String text) {
            Cursor c = new Cursor(text, 0);
            String name = c.name();
            String arguments = c.parenthesised();
            c.expect(" language ");
            String language = c.word();
            String returns = null;
            String rest = c.rest();
            if (rest.startsWith(" returns ")) {
                int colon = rest.indexOf(": ");
                if (colon < 0) {
                    throw new IllegalArgumentException("expected ': body'");
                }
                returns = rest.substring(" returns ".length(), colon);
                rest = rest.substring(colon);
            }
            if (!rest.startsWith(": ")) {
                throw new IllegalArgumentException("expected ': body'");
            }
            return new SqlFunction(name, arguments, language, returns, rest.substring(2));
        }

        private static Column column(String name, String text) {
            String head = text;
            String expression = null;
            boolean generated = false;
            int defaultAt = text.indexOf(" default ");
            int generatedAt = text.indexOf(" generated ");
            if (defaultAt >= 0 && (generatedAt < 0 || defaultAt < generatedAt)) {
                head = text.substring(0, defaultAt);
                expression = text.substring(defaultAt + " default ".length());
            } else if (generatedAt >= 0) {
                head = text.substring(0, generatedAt);
                expression = text.substring(generatedAt + " generated ".length());
                generated = true;
            }
            Column.Identity identity = null;
            for (Column.Identity candidate : Column.Identity.values()) {
                if (head.endsWith(" identity " + candidate.words)) {
                    identity = candidate;
                    head = head.substring(0, head.length() - (" identity " + candidate.words).length());
                }
            }
            boolean notNull = head.endsWith(" not null");
            if (notNull) {
                head = head.substring(0, head.length() - " not null".length());
            }
            if (head.isBlank()) {
                throw new IllegalArgumentException("column " + name + " has no type");
            }
            return new Column(name, head, notNull, expression, identity, generated);
        }

        private static Index index(String name, String text) {
            Cursor c = new Cursor(text, 0);
            boolean unique = c.skip("unique ");
            String method = c.word();
            c.expect(" ");
            String keys = c.parenthesised();
            List<String> include = List.of();
            List<String> parameters = List.of();
            if (c.skip(" include ")) {
                include = SqlText.identifiers("(" + c.parenthesised() + ")");
            }
            if (c.skip(" with ")) {
                parameters = SqlText.split(c.parenthesised(), ',');
            }
            boolean backsConstraint = c.skip(" for constraint");
            String predicate = null;
            if (c.skip(" where ")) {
                predicate = c.rest();
            } else if (!c.atEnd()) {
                throw new IllegalArgumentException("unexpected text: " + c.rest());
            }
            return new Index(name, unique, method, SqlText.split(keys, ',').stream().map(IndexKey::parse).toList(),
                    include, parameters, predicate, backsConstraint);
        }

        private static Hypertable hypertable(String line) {
            Cursor c = new Cursor(line, "hypertable ".length());
            String table = c.name();
            c.expect(" time ");
            String timeColumn = c.name();
            c.expect(" interval ");
            String rest = c.rest();
            int compression = rest.indexOf(" compression ");
            if (compression < 0) {
                throw new IllegalArgumentException("expected 'compression on' or 'compression off'");
            }
            String interval = rest.substring(0, compression);
            String settings = rest.substring(compression + " compression ".length());
            if (settings.equals("off")) {
                return Hypertable.of(table, timeColumn, interval);
            }
            if (!settings.startsWith("on")) {
                throw new IllegalArgumentException("expected 'compression on' or 'compression off'");
            }
            settings = settings.substring(2);
            String orderBy = "";
            int order = settings.indexOf(" order by ");
            if (order >= 0) {
                orderBy = settings.substring(order + " order by ".length());
                settings = settings.substring(0, order);
            }
            String segmentBy = "";
            if (settings.startsWith(" segment by ")) {
                segmentBy = settings.substring(" segment by ".length());
            } else if (!settings.isEmpty()) {
                throw new IllegalArgumentException("unexpected text: " + settings);
            }
            return new Hypertable(table, timeColumn, interval, true, SqlText.split(segmentBy, ','),
                    SqlText.split(orderBy, ','));
        }

        private static Job job(String line) {
            String text = line.substring("job ".length());
            Job.Kind kind = null;
            for (Job.Kind candidate : Job.Kind.values()) {
                if (text.startsWith(candidate.words + " on ")) {
                    kind = candidate;
                }
            }
            if (kind == null) {
                throw new IllegalArgumentException("unknown kind of job");
            }
            Cursor c = new Cursor(text, (kind.words + " on ").length());
            String target = c.name();
            c.expect(" every ");
            String rest = c.rest();
            Map<String, String> config = new TreeMap<>();
            int with = rest.indexOf(" with (");
            if (with >= 0) {
                String list = rest.substring(with + " with ".length());
                if (!list.endsWith(")")) {
                    throw new IllegalArgumentException("expected ')' at the end");
                }
                for (String entry : SqlText.split(list.substring(1, list.length() - 1), ',')) {
                    int equals = entry.indexOf('=');
                    if (equals < 0) {
                        throw new IllegalArgumentException("expected key=value: " + entry);
                    }
                    config.put(entry.substring(0, equals), SqlText.readValue(entry.substring(equals + 1)));
                }
                rest = rest.substring(0, with);
            }
            boolean scheduled = !rest.endsWith(" paused");
            String interval = scheduled ? rest : rest.substring(0, rest.length() - " paused".length());
            return new Job(kind, target, interval, new TreeMap<>(config), scheduled);
        }
    }

    /** Reads names, words and bracketed parts from left to right. */
    private static final class Cursor {
        private final String text;
        private int at;

        Cursor(String text, int at) {
            this.text = text;
            this.at = at;
        }

        String name() {
            int end = SqlText.nameEnd(text, at);
            if (end == at) {
                throw new IllegalArgumentException("expected a name at: " + text.substring(at));
            }
            String name = SqlText.unquote(text.substring(at, end));
            at = end;
            return name;
        }

        String word() {
            int end = at;
            while (end < text.length() && text.charAt(end) != ' ' && text.charAt(end) != ':') {
                end++;
            }
            String word = text.substring(at, end);
            at = end;
            return word;
        }

        /** The inside of a bracketed part starting here. */
        String parenthesised() {
            if (at >= text.length() || text.charAt(at) != '(') {
                throw new IllegalArgumentException("expected '(' at: " + text.substring(Math.min(at, text.length())));
            }
            int end = SqlText.closing(text, at);
            String inner = text.substring(at + 1, end - 1);
            at = end;
            return inner;
        }

        void expect(String literal) {
            if (!skip(literal)) {
                throw new IllegalArgumentException("expected '" + literal + "' at: " + text.substring(at));
            }
        }

        boolean skip(String literal) {
            if (text.startsWith(literal, at)) {
                at += literal.length();
                return true;
            }
            return false;
        }

        String rest() {
            String rest = text.substring(at);
            at = text.length();
            return rest;
        }

        boolean atEnd() {
            return at >= text.length();
        }
    }
}
