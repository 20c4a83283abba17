package com.corpintel.migrate.lint.rules;

import com.corpintel.migrate.lint.RuleExamplesTest;

/** RequireConcurrentIndex: its docs/LINT.md examples, found, clean and suppressed (see RuleExamplesTest). */
class RequireConcurrentIndexTest extends RuleExamplesTest {

    RequireConcurrentIndexTest() {
        super(new RequireConcurrentIndex());
    }
}
