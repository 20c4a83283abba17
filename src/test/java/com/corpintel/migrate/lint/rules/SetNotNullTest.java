package com.corpintel.migrate.lint.rules;

import com.corpintel.migrate.lint.RuleExamplesTest;

/** SetNotNull: its docs/LINT.md examples, found, clean and suppressed (see RuleExamplesTest). */
class SetNotNullTest extends RuleExamplesTest {

    SetNotNullTest() {
        super(new SetNotNull());
    }
}
