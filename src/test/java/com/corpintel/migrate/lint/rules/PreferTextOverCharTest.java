package com.corpintel.migrate.lint.rules;

import com.corpintel.migrate.lint.RuleExamplesTest;

/** PreferTextOverChar: its docs/LINT.md examples, found, clean and suppressed (see RuleExamplesTest). */
class PreferTextOverCharTest extends RuleExamplesTest {

    PreferTextOverCharTest() {
        super(new PreferTextOverChar());
    }
}
