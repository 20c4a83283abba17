package com.corpintel.migrate.config;

import com.corpintel.migrate.Failure;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UrlListTest {

    private static final String LIST = String.join("\n",
            "# tenants of eu-1",
            "postgresql://eu-1:5432/tenant_a",
            "",
            "  postgresql://eu-1:5432/tenant_b  ",
            "# us-1",
            "postgresql://us-1:5432/tenant_c",
            "");

    @Test
    void entriesSkipBlankLinesAndCommentsAndSurroundingBlanks() {
        assertThat(UrlList.entries(LIST)).containsExactly(
                "postgresql://eu-1:5432/tenant_a", "postgresql://eu-1:5432/tenant_b", "postgresql://us-1:5432/tenant_c");
    }

    @Test
    void theIndexCountsEntriesFromZeroNotLines() {
        assertThat(UrlList.entry(LIST, 0, "f")).isEqualTo("postgresql://eu-1:5432/tenant_a");
        assertThat(UrlList.entry(LIST, 2, "f")).isEqualTo("postgresql://us-1:5432/tenant_c");
    }

    @Test
    void anIndexPastTheLastEntryIsAUsageErrorThatCountsTheEntries() {
        assertThatThrownBy(() -> UrlList.entry(LIST, 3, "/etc/fleet/databases (--url-list)"))
                .isInstanceOfSatisfying(Failure.class, f -> assertThat(f.kind()).isEqualTo(Failure.Kind.USAGE))
                .hasMessage("--url-index 3 is not an entry of /etc/fleet/databases (--url-list), which has 3 entries"
                        + " (counted from 0)");
        assertThatThrownBy(() -> UrlList.entry("# nothing\n", 0, "f")).hasMessageContaining("which has 0 entries");
    }
}
