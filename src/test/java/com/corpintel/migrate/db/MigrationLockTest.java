package com.corpintel.migrate.db;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationLockTest {

    @Test
    void objectIdIsTheSameForTheSameSchemaSoEveryProcessContendsForOneLock() {
        assertThat(MigrationLock.objectId("public")).isEqualTo(MigrationLock.objectId("public"));
    }

    @Test
    void objectIdDiffersBetweenSchemasSoTheyLockIndependently() {
        assertThat(MigrationLock.objectId("public")).isNotEqualTo(MigrationLock.objectId("intel"));
    }

    @Test
    void objectIdIsTheCrc32OfTheSchemaNameWithoutTheSignBit() {
        CRC32 crc = new CRC32();
        crc.update("public".getBytes(StandardCharsets.UTF_8));

        assertThat(MigrationLock.objectId("public")).isEqualTo((int) (crc.getValue() & 0x7fffffff));
    }

    @Test
    void objectIdIsNeverNegative() {
        for (String schema : new String[] {"public", "intel", "", "ß", "a_very_long_schema_name_for_tests", "X"}) {
            assertThat(MigrationLock.objectId(schema)).as(schema).isNotNegative();
        }
    }
}
