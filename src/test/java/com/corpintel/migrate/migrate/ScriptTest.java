package com.corpintel.migrate.migrate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Data-loss declarations and the per-script transaction marker. */
class ScriptTest {

    private static Script script(String sql) {
        return new Script("db/undo/U9__x.sql", sql, true);
    }

    @Test
    void dataLossReturnsTheTextAfterEachMarkerLine() {
        Script script = script("""
                -- Reverts V9.
                -- data-loss: every row of companies
                DROP TABLE companies;
                -- data-loss:   the audit trail   \s
                DROP TABLE audit;
                """);

        assertThat(script.dataLoss()).containsExactly("every row of companies", "the audit trail");
    }

    @Test
    void dataLossMarkerIsCaseInsensitiveAndMayBeIndented() {
        Script script = script("""
                DO $$ BEGIN
                    -- DATA-LOSS: the archived filings
                \t-- Data-Loss: old sessions
                END $$;
                """);

        assertThat(script.dataLoss()).containsExactly("the archived filings", "old sessions");
    }

    @Test
    void dataLossIsEmptyWhenNoLineDeclaresIt() {
        Script script = script("""
                -- Reverts V9: nothing is lost, the data-loss check does not apply.
                -- data loss: spelled without the hyphen, not the marker
                DROP INDEX idx_x; -- data-loss: not at the start of the line
                """);

        assertThat(script.dataLoss()).isEmpty();
        assertThat(script("").dataLoss()).isEmpty();
    }

    @Test
    void markerConstantIsTheDocumentedSpelling() {
        assertThat(Script.DATA_LOSS_MARKER).isEqualTo("-- data-loss:");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "executeInTransaction=false",
            "executeInTransaction = false",
            "  executeInTransaction=  false  ",
            "EXECUTEINTRANSACTION=FALSE",
            "executeintransaction=False",
            "encoding=UTF-8\nexecuteInTransaction=false\n",
            "# not transactional: CREATE INDEX CONCURRENTLY\r\nexecuteInTransaction=false\r\n"})
    void transactionalIsFalseOnlyWhenExecuteInTransactionIsFalse(String configuration) {
        assertThat(Script.transactional(configuration)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "executeInTransaction=true",
            "encoding=UTF-8",
            "# executeInTransaction=false",
            "executeInTransaction=falsey",
            "otherKey=false",
            "   \n  "})
    void transactionalIsTrueWithoutAnExplicitFalse(String configuration) {
        assertThat(Script.transactional(configuration)).isTrue();
    }
}
