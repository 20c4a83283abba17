package com.corpintel.migrate.lint.rules;

import com.corpintel.migrate.lint.RuleExamplesTest;

/** RetentionShorterThanRefresh: its docs/LINT.md examples, found, clean and suppressed (see RuleExamplesTest). */
class RetentionShorterThanRefreshTest extends RuleExamplesTest {

    RetentionShorterThanRefreshTest() {
        super(new RetentionShorterThanRefresh());
    }
}
