package com.corpintel.migrate.lint.rules;

import com.corpintel.migrate.lint.RuleExamplesTest;

/** TransactionControl: its docs/LINT.md examples, found, clean and suppressed (see RuleExamplesTest). */
class TransactionControlTest extends RuleExamplesTest {

    TransactionControlTest() {
        super(new TransactionControl());
    }
}
