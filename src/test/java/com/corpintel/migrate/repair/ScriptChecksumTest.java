package com.corpintel.migrate.repair;

import org.flywaydb.core.internal.resolver.ChecksumCalculator;
import org.flywaydb.core.internal.resource.StringResource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScriptChecksumTest {

    private static final String APPLIED = "CREATE TABLE t (x int);\nCREATE INDEX idx_t ON t (x);\n";

    @Test
    void theChecksumIsFlywaysForTheSameText() {
        for (String script : List.of(APPLIED, "\uFEFF-- c\r\nSELECT 1;\r\n", "a\n\n  b  \n", "", "no newline")) {
            assertThat(ScriptChecksum.of(script)).as(script)
                    .isEqualTo(ChecksumCalculator.calculate(new StringResource(script)));
        }
    }

    @Test
    void addedCommentLinesBlankLinesAndTrailingSpaceAreOnlyLayout() {
        int recorded = ScriptChecksum.of(APPLIED);
        String edited = "-- Creates t and its index.\n\nCREATE TABLE t (x int);   \n\n-- the index\nCREATE INDEX idx_t ON t (x);\n";
        assertThat(ScriptChecksum.onlyLayoutDiffers(edited, recorded))
                .contains("trailing white space, comment lines");
        assertThat(ScriptChecksum.onlyLayoutDiffers("    CREATE TABLE t (x int);\n    CREATE INDEX idx_t ON t (x);\n",
                recorded)).contains("indentation");
        assertThat(ScriptChecksum.onlyLayoutDiffers(APPLIED.replace("\n", "\r\n"), recorded)).contains("line breaks");
    }

    @Test
    void aChangedStatementIsNotLayout() {
        int recorded = ScriptChecksum.of(APPLIED);
        assertThat(ScriptChecksum.onlyLayoutDiffers(APPLIED.replace("int", "bigint"), recorded)).isEmpty();
        assertThat(ScriptChecksum.onlyLayoutDiffers(APPLIED + "DROP TABLE t;\n", recorded)).isEmpty();
        // Removing a comment the applied script had cannot be told from the text at hand: not realigned.
        assertThat(ScriptChecksum.onlyLayoutDiffers(APPLIED, ScriptChecksum.of("-- old\n" + APPLIED))).isEmpty();
    }
}
