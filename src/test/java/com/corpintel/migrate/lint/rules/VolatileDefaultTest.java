package com.corpintel.migrate.lint.rules;

import com.corpintel.migrate.lint.RuleExamplesTest;

/** VolatileDefault: its docs/LINT.md examples, found, clean and suppressed (see RuleExamplesTest). */
class VolatileDefaultTest extends RuleExamplesTest {

    VolatileDefaultTest() {
        super(new VolatileDefault());
    }
}
