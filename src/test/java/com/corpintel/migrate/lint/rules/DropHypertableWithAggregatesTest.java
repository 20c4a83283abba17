package com.corpintel.migrate.lint.rules;

import com.corpintel.migrate.lint.RuleExamplesTest;

/** DropHypertableWithAggregates: its docs/LINT.md examples, found, clean and suppressed (see RuleExamplesTest). */
class DropHypertableWithAggregatesTest extends RuleExamplesTest {

    DropHypertableWithAggregatesTest() {
        super(new DropHypertableWithAggregates());
    }
}
