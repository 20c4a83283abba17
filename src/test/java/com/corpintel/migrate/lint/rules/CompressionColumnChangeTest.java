package com.corpintel.migrate.lint.rules;

import com.corpintel.migrate.lint.RuleExamplesTest;

/** CompressionColumnChange: its docs/LINT.md examples, found, clean and suppressed (see RuleExamplesTest). */
class CompressionColumnChangeTest extends RuleExamplesTest {

    CompressionColumnChangeTest() {
        super(new CompressionColumnChange());
    }
}
