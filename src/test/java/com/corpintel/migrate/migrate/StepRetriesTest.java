package com.corpintel.migrate.migrate;

import com.corpintel.migrate.Failure;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StepRetriesTest {

    private static final SQLException LOCK_TIMEOUT =
            new SQLException("ERROR: canceling statement due to lock timeout", "55P03");
    private static final SQLException SYNTAX = new SQLException("ERROR: syntax error at or near \"CRATE\"", "42601");

    private final List<String> said = new ArrayList<>();

    @Test
    void aLockTimeoutOfARolledBackStepRunsAgainWithADoublingPauseUpToTheBudget() {
        StepRetries retries = new Patience(Duration.ofSeconds(1), 2, Duration.ofMillis(1)).retries(said::add);
        // Flyway wraps the driver's exception: the rule looks through the causes.
        FlywayException wrapped = new FlywayException("Migration V3__x.sql failed", LOCK_TIMEOUT);

        assertThat(retries.again(wrapped, true, "applying V3 x")).isTrue();
        assertThat(retries.again(wrapped, true, "applying V3 x")).isTrue();
        assertThat(retries.again(wrapped, true, "applying V3 x")).isFalse();
        assertThat(said).containsExactly("lock_timeout while applying V3 x; retry 1 of 2 in 1 ms",
                "lock_timeout while applying V3 x; retry 2 of 2 in 2 ms");
    }

    @Test
    void aStepThatIsNotTransactionalOrFailedOtherwiseNeverRunsAgain() {
        StepRetries retries = new Patience(Duration.ofSeconds(1), 5, Duration.ofMillis(1)).retries(said::add);

        assertThat(retries.again(LOCK_TIMEOUT, false, "reverting V2 x")).isFalse();
        assertThat(retries.again(SYNTAX, true, "reverting V2 x")).isFalse();
        assertThat(said).isEmpty();
    }

    @Test
    void onlyALockTimeoutThatLeftNothingBehindIsExit4() {
        assertThat(StepRetries.kind(LOCK_TIMEOUT, true)).isEqualTo(Failure.Kind.LOCK);
        assertThat(StepRetries.kind(LOCK_TIMEOUT, false)).isEqualTo(Failure.Kind.MIGRATION);
        assertThat(StepRetries.kind(SYNTAX, true)).isEqualTo(Failure.Kind.MIGRATION);
    }

    @Test
    void theReasonIsTheServersFirstLineWithItsSqlState() {
        assertThat(StepRetries.reason(new FlywayException("wrapped", SYNTAX)))
                .isEqualTo("ERROR: syntax error at or near \"CRATE\" [SQLSTATE 42601]");
        assertThat(StepRetries.reason(new IllegalStateException("first\nsecond"))).isEqualTo("first");
    }
}
