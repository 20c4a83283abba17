package com.corpintel.migrate.lint.rules;

import com.corpintel.migrate.lint.RuleExamplesTest;

/** RequireConcurrentIndexDrop: its docs/LINT.md examples, found, clean and suppressed (see RuleExamplesTest). */
class RequireConcurrentIndexDropTest extends RuleExamplesTest {

    RequireConcurrentIndexDropTest() {
        super(new RequireConcurrentIndexDrop());
    }
}
