package com.corpintel.migrate.lint.rules;

import com.corpintel.migrate.lint.RuleExamplesTest;

/** NotNullColumnWithoutDefault: its docs/LINT.md examples, found, clean and suppressed (see RuleExamplesTest). */
class NotNullColumnWithoutDefaultTest extends RuleExamplesTest {

    NotNullColumnWithoutDefaultTest() {
        super(new NotNullColumnWithoutDefault());
    }
}
