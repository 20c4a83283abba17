package com.corpintel.migrate.migrate;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a step's operations-log entry says about the extensions it created; U1 reads this text. */
class CreatedExtensionsTest {

    @Test
    void namesTheExtensionsTheStepCreatedInCreationOrder() {
        assertThat(CreatedExtensions.detail("1", List.of("plpgsql"),
                List.of("plpgsql", "timescaledb", "vector", "uuid-ossp")))
                .isEqualTo("created extensions: timescaledb, vector, uuid-ossp");
    }

    @Test
    void leavesOutExtensionsThatExistedBefore() {
        assertThat(CreatedExtensions.detail("1", List.of("plpgsql", "vector", "timescaledb"),
                List.of("plpgsql", "vector", "timescaledb", "uuid-ossp")))
                .isEqualTo("created extensions: uuid-ossp");
    }

    @Test
    void versionOneSaysNoneSoItsUndoCanTellItFromAnOlderEntryWithoutARecord() {
        List<String> all = List.of("plpgsql", "timescaledb", "vector", "uuid-ossp");

        assertThat(CreatedExtensions.detail("1", all, all)).isEqualTo("created extensions: none");
    }

    @Test
    void otherStepsThatCreateNoExtensionHaveNoDetail() {
        List<String> all = List.of("plpgsql", "timescaledb");

        assertThat(CreatedExtensions.detail("3", all, all)).isNull();
        assertThat(CreatedExtensions.detail("4", List.of("plpgsql"), all)).isEqualTo("created extensions: timescaledb");
    }

    @Test
    void undoOfVersionOneMatchesTheRecordedText() {
        String undo = BundledResources.standard().require("db/undo/U1__initial_schema.sql");

        assertThat(undo).contains("'" + CreatedExtensions.DETAIL_PREFIX + "([^;]*)'").contains("= 'none'");
    }
}
