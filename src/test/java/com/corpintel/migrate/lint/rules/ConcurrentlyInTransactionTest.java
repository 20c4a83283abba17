package com.corpintel.migrate.lint.rules;

import com.corpintel.migrate.lint.RuleExamplesTest;

/** ConcurrentlyInTransaction: its docs/LINT.md examples, found, clean and suppressed (see RuleExamplesTest). */
class ConcurrentlyInTransactionTest extends RuleExamplesTest {

    ConcurrentlyInTransactionTest() {
        super(new ConcurrentlyInTransaction());
    }
}
