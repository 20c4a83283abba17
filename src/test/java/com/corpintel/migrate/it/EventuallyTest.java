package com.corpintel.migrate.it;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The wait the integration tests use instead of sleeps: returns once the state is seen, fails naming what it awaited. */
class EventuallyTest {

    @Test
    void returnsAsSoonAsTheConditionHolds() {
        AtomicInteger polls = new AtomicInteger();
        Eventually.until("the third poll", Duration.ofMinutes(1), () -> polls.incrementAndGet() == 3);
        assertThat(polls).hasValue(3);
    }

    @Test
    void failsAfterTheDeadlineNamingWhatItAwaitedAndWhatItSaw() {
        assertThatThrownBy(() -> Eventually.until("the lock to be taken", Duration.ofMillis(50), () -> false,
                () -> "no session holds it"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("waiting for the lock to be taken")
                .hasMessageContaining("no session holds it");
    }
}
