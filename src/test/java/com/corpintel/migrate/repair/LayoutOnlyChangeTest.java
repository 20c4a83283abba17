package com.corpintel.migrate.repair;

import com.corpintel.migrate.migrate.ScriptChecksum;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LayoutOnlyChangeTest {

    private static final String APPLIED = "CREATE TABLE t (x int);\nCREATE INDEX idx_t ON t (x);\n";

    @Test
    void addedCommentLinesBlankLinesAndTrailingSpaceAreOnlyLayout() {
        int recorded = ScriptChecksum.of(APPLIED);
        String edited = "-- Creates t and its index.\n\nCREATE TABLE t (x int);   \n\n-- the index\nCREATE INDEX idx_t ON t (x);\n";
        assertThat(LayoutOnlyChange.onlyLayoutDiffers(edited, recorded))
                .contains("trailing white space, comment lines");
        assertThat(LayoutOnlyChange.onlyLayoutDiffers("    CREATE TABLE t (x int);\n    CREATE INDEX idx_t ON t (x);\n",
                recorded)).contains("indentation");
        assertThat(LayoutOnlyChange.onlyLayoutDiffers(APPLIED.replace("\n", "\r\n"), recorded)).contains("line breaks");
    }

    @Test
    void aChangedStatementIsNotLayout() {
        int recorded = ScriptChecksum.of(APPLIED);
        assertThat(LayoutOnlyChange.onlyLayoutDiffers(APPLIED.replace("int", "bigint"), recorded)).isEmpty();
        assertThat(LayoutOnlyChange.onlyLayoutDiffers(APPLIED + "DROP TABLE t;\n", recorded)).isEmpty();
        // Removing a comment the applied script had cannot be told from the text at hand: not realigned.
        assertThat(LayoutOnlyChange.onlyLayoutDiffers(APPLIED, ScriptChecksum.of("-- old\n" + APPLIED))).isEmpty();
    }
}
