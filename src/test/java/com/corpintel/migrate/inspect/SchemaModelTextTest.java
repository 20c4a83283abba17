package com.corpintel.migrate.inspect;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaModelTextTest {

    @Test
    void readingWhatWasWrittenGivesTheSameModel() {
        for (SchemaModel model : List.of(SampleModels.platform(), SampleModels.platformCommunity(),
                SampleModels.everything(), SchemaModel.EMPTY)) {
            assertThat(SchemaModelText.read(SchemaModelText.write(model))).isEqualTo(model);
        }
    }

    @Test
    void writingWhatWasReadGivesTheSameText() {
        for (SchemaModel model : List.of(SampleModels.platform(), SampleModels.platformCommunity(),
                SampleModels.everything())) {
            String text = SchemaModelText.write(model);
            assertThat(SchemaModelText.write(SchemaModelText.read(text))).isEqualTo(text);
        }
    }

    @Test
    void theTextDoesNotDependOnTheOrderTheModelWasBuiltIn() {
        SchemaModel model = SampleModels.platform();
        List<Table> tables = new ArrayList<>(model.tables());
        Collections.reverse(tables);
        List<Table> shuffled = tables.stream().map(t -> {
            List<Index> indexes = new ArrayList<>(t.indexes());
            Collections.reverse(indexes);
            return new Table(t.name(), t.columns(), t.constraints(), indexes, t.triggers());
        }).toList();
        SchemaModel reordered = new SchemaModel(model.extensions(), model.functions(), shuffled, model.views(),
                model.hypertables(), model.continuousAggregates(), model.jobs());
        assertThat(SchemaModelText.write(reordered)).isEqualTo(SchemaModelText.write(model));
    }

    @Test
    void factsAreWrittenOneALineInThePlatformsWords() {
        String text = SchemaModelText.write(SampleModels.platform());
        assertThat(text.lines()).contains(
                "extension timescaledb",
                "extension uuid-ossp",
                "table companies",
                "column companies.ticker character varying(10) not null",
                "column companies.id uuid not null default uuid_generate_v4()",
                "column financial_metrics.id bigint not null identity by default",
                "constraint sec_filings.fk_filing_company FOREIGN KEY (company_id) REFERENCES companies(id)"
                        + " ON DELETE CASCADE",
                "index companies.companies_pkey unique btree (id) for constraint",
                "index documents.idx_document_embedding ivfflat (embedding vector_cosine_ops) with (lists=100)",
                "hypertable financial_metrics time metric_date interval 30 days compression off",
                "view daily_metrics_summary materialized: SELECT financial_metrics.company_id, count(*) AS data_points"
                        + " FROM financial_metrics GROUP BY financial_metrics.company_id;",
                "function set_updated_at() language plpgsql returns trigger:"
                        + " BEGIN NEW.updated_at := now(); RETURN NEW; END;");
        assertThat(SchemaModelText.write(SampleModels.platformCommunity()).lines()).contains(
                "hypertable financial_metrics time metric_date interval 30 days compression on"
                        + " segment by company_id, metric_type order by metric_date DESC, period_type",
                "job compression policy on financial_metrics every 12:00:00 with (compress_after=30 days)",
                "job refresh policy on daily_metrics_summary every 01:00:00"
                        + " with (end_offset=01:00:00, start_offset=3 days)",
                "continuous aggregate daily_metrics_summary materialized only: SELECT financial_metrics.company_id,"
                        + " count(*) AS data_points FROM financial_metrics GROUP BY financial_metrics.company_id;");
    }

    @Test
    void objectsAreGroupedAndSortedByName() {
        List<String> lines = SchemaModelText.write(SampleModels.platform()).lines().toList();
        List<String> tables = lines.stream().filter(l -> l.startsWith("table ")).toList();
        assertThat(tables).isSortedAccordingTo(String::compareTo);
        assertThat(lines.indexOf("table companies")).isLessThan(lines.indexOf("table sec_filings"));
        int companies = lines.indexOf("table companies");
        int end = lines.subList(companies, lines.size()).indexOf("") + companies;
        assertThat(lines.subList(companies, end)).allMatch(l -> l.equals("table companies")
                || l.matches("(column|constraint|index|trigger) companies\\..*"));
        // Columns keep their table order; the rest is sorted by name.
        assertThat(lines.stream().filter(l -> l.startsWith("column companies.")))
                .containsExactly("column companies.id uuid not null default uuid_generate_v4()",
                        "column companies.ticker character varying(10) not null",
                        "column companies.category character varying(50)");
    }

    @Test
    void extensionsAreWrittenWithoutTheirVersions() {
        SchemaModel model = SampleModels.platform();
        SchemaModel versioned = new SchemaModel(List.of(new Extension("timescaledb", "2.19.3"),
                new Extension("vector", "0.8.0"), new Extension("uuid-ossp", "1.1")), model.functions(), model.tables(),
                model.views(), model.hypertables(), model.continuousAggregates(), model.jobs());
        String text = SchemaModelText.write(versioned);
        assertThat(text).contains("extension timescaledb\n").doesNotContain("2.19.3");
        assertThat(SchemaModelText.read(text)).isEqualTo(versioned.withoutExtensionVersions()).isEqualTo(model);
    }

    @Test
    void namesThatAreNotPlainIdentifiersAreQuoted() {
        String text = SchemaModelText.write(SampleModels.everything());
        assertThat(text.lines()).contains(
                "table \"Odd Table\"",
                "column \"Odd Table\".\"Mixed Case\" text default 'a: default b'::text",
                "column \"Odd Table\".id integer not null identity always",
                "column \"Odd Table\".total numeric(10,2) generated (price * quantity)",
                "index \"Odd Table\".idx_partial btree (lower(\"Mixed Case\") text_pattern_ops DESC NULLS LAST,"
                        + " price NULLS FIRST) include (quantity, \"Mixed Case\") with (fillfactor=70)"
                        + " where quantity > 0 AND \"Mixed Case\" <> 'x, y'::text",
                "hypertable readings time \"recorded at\" interval 7 days compression on"
                        + " order by \"recorded at\" NULLS LAST",
                "job reorder policy on readings every 1 day paused with (index_name='idx, x')",
                "continuous aggregate hourly real-time: SELECT 1 AS n;",
                "function archive(p_before timestamp with time zone) language sql:"
                        + " DELETE FROM \"Odd Table\" WHERE false");
    }

    @Test
    void theFileStartsWithAHeaderSayingHowItIsMade() {
        assertThat(SchemaModelText.write(SchemaModel.EMPTY)).startsWith("# intel-migrate schema model")
                .contains("intel-migrate snapshot");
    }

    @Test
    void commentsAndBlankLinesAreIgnoredWhenReading() {
        SchemaModel model = SchemaModelText.read("""
                # a comment
                table t

                # columns
                column t.a integer not null
                \r
                """);
        assertThat(model.table("t").orElseThrow().columns()).containsExactly(Column.of("a", "integer", true));
    }

    @Test
    void freeTextIsFoldedOntoOneLine() {
        View view = new View("v", false, " SELECT 1 AS one\n   FROM t\n  WHERE  x;", List.of(), List.of());
        assertThat(view.definition()).isEqualTo("SELECT 1 AS one FROM t WHERE x;");
        assertThat(SchemaModelText.line(view)).doesNotContain("\n");
    }

    @Test
    void anUnreadableLineIsRefusedWithItsNumber() {
        assertThatThrownBy(() -> SchemaModelText.read("table t\nsequence t_seq\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2").hasMessageContaining("sequence t_seq");
        assertThatThrownBy(() -> SchemaModelText.read("table t\nindex t.i btree id\n"))
                .hasMessageContaining("line 2");
    }

    @Test
    void aColumnOfAnUndeclaredRelationIsRefused() {
        assertThatThrownBy(() -> SchemaModelText.read("column t.a integer\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 1").hasMessageContaining("t is not declared");
    }

    @Test
    void aRelationDeclaredTwiceIsRefused() {
        assertThatThrownBy(() -> SchemaModelText.read("table t\nview t: SELECT 1;\n"))
                .hasMessageContaining("line 2").hasMessageContaining("declared twice");
    }
}
