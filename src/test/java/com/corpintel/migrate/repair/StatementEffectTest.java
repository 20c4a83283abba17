package com.corpintel.migrate.repair;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatementEffectTest {

    @Test
    void indexesTablesAndColumnsAreRecognisedWithTheirNamesAndWhetherTheyCanRunAgain() {
        assertThat(StatementEffect.of("-- first\nCREATE INDEX CONCURRENTLY idx_a ON public.t (a)"))
                .isEqualTo(new StatementEffect("-- first\nCREATE INDEX CONCURRENTLY idx_a ON public.t (a)",
                        StatementEffect.Kind.CREATE_INDEX, "t", "idx_a", false));
        StatementEffect unique = StatementEffect.of("create unique index concurrently if not exists \"Idx B\" on t (b);");
        assertThat(unique.kind()).isEqualTo(StatementEffect.Kind.CREATE_INDEX);
        assertThat(unique.name()).isEqualTo("Idx B");
        assertThat(unique.rerunnable()).isTrue();
        assertThat(StatementEffect.of("CREATE TABLE IF NOT EXISTS Notes (id int)").name()).isEqualTo("notes");
        assertThat(StatementEffect.of("ALTER TABLE t ADD COLUMN c text DEFAULT 'x'"))
                .extracting(StatementEffect::kind, StatementEffect::table, StatementEffect::name)
                .containsExactly(StatementEffect.Kind.ADD_COLUMN, "t", "c");
        assertThat(StatementEffect.of("DROP INDEX CONCURRENTLY IF EXISTS idx_a").kind())
                .isEqualTo(StatementEffect.Kind.DROP_INDEX);
        assertThat(StatementEffect.of("ALTER TABLE t DROP COLUMN c").kind()).isEqualTo(StatementEffect.Kind.DROP_COLUMN);
        assertThat(StatementEffect.of("DROP TABLE t CASCADE").kind()).isEqualTo(StatementEffect.Kind.DROP_TABLE);
    }

    @Test
    void whatTheCatalogCannotTellIsUnknown() {
        for (String sql : new String[] {"UPDATE t SET a = 1", "ALTER TABLE t ADD CONSTRAINT c UNIQUE (a)",
                "ALTER TABLE t ADD COLUMN a int, ADD COLUMN b int", "DROP INDEX a, b", "CRATE TABLE x (a int)",
                "SELECT add_compression_policy('t', INTERVAL '30 days')"}) {
            assertThat(StatementEffect.of(sql).kind()).as(sql).isEqualTo(StatementEffect.Kind.UNKNOWN);
        }
    }

    @Test
    void onlyEffectsWithoutDataHaveAQuietInverse() {
        assertThat(StatementEffect.of("CREATE INDEX CONCURRENTLY idx_a ON t (a)").inverse("public"))
                .contains("DROP INDEX CONCURRENTLY IF EXISTS \"public\".\"idx_a\";");
        assertThat(StatementEffect.of("CREATE TABLE x (a int)").inverse("public").orElseThrow())
                .contains("DROP TABLE IF EXISTS \"public\".\"x\"", "destroys its rows");
        assertThat(StatementEffect.of("DROP INDEX idx_a").inverse("public")).isEmpty();
    }
}
