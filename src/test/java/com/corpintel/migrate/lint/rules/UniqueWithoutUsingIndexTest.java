package com.corpintel.migrate.lint.rules;

import com.corpintel.migrate.lint.RuleExamplesTest;

/** UniqueWithoutUsingIndex: its docs/LINT.md examples, found, clean and suppressed (see RuleExamplesTest). */
class UniqueWithoutUsingIndexTest extends RuleExamplesTest {

    UniqueWithoutUsingIndexTest() {
        super(new UniqueWithoutUsingIndex());
    }
}
