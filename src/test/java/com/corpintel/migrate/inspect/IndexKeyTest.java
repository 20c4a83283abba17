package com.corpintel.migrate.inspect;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IndexKeyTest {

    @Test
    void theDefaultOrderIsNotWritten() {
        assertThat(IndexKey.of("metric_date").text()).isEqualTo("metric_date");
        assertThat(new IndexKey("metric_date", null, true, true).text()).isEqualTo("metric_date DESC");
    }

    @Test
    void nullsAreWrittenOnlyAgainstTheDefaultOfTheDirection() {
        assertThat(new IndexKey("a", null, false, true).text()).isEqualTo("a NULLS FIRST");
        assertThat(new IndexKey("a", null, true, false).text()).isEqualTo("a DESC NULLS LAST");
    }

    @Test
    void keysAreReadBackWithOperatorClassAndOrder() {
        for (IndexKey key : new IndexKey[] {
                IndexKey.of("embedding", "vector_cosine_ops"),
                new IndexKey("lower((email)::text)", "text_pattern_ops", true, false),
                new IndexKey("\"Odd Column\"", null, false, true),
                new IndexKey("(a + b)", null, true, true)}) {
            assertThat(IndexKey.parse(key.text())).isEqualTo(key);
        }
    }

    @Test
    void aKeyWithTooManyWordsIsRefused() {
        assertThatThrownBy(() -> IndexKey.parse("a b c")).isInstanceOf(IllegalArgumentException.class);
    }
}
