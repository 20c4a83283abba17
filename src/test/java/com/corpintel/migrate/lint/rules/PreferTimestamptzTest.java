package com.corpintel.migrate.lint.rules;

import com.corpintel.migrate.lint.RuleExamplesTest;

/** PreferTimestamptz: its docs/LINT.md examples, found, clean and suppressed (see RuleExamplesTest). */
class PreferTimestamptzTest extends RuleExamplesTest {

    PreferTimestamptzTest() {
        super(new PreferTimestamptz());
    }
}
