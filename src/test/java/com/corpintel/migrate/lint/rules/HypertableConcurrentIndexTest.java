package com.corpintel.migrate.lint.rules;

import com.corpintel.migrate.lint.RuleExamplesTest;

/** HypertableConcurrentIndex: its docs/LINT.md examples, found, clean and suppressed (see RuleExamplesTest). */
class HypertableConcurrentIndexTest extends RuleExamplesTest {

    HypertableConcurrentIndexTest() {
        super(new HypertableConcurrentIndex());
    }
}
