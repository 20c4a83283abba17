package com.corpintel.migrate.lint.rules;

import com.corpintel.migrate.lint.RuleExamplesTest;

/** PreferIdentity: its docs/LINT.md examples, found, clean and suppressed (see RuleExamplesTest). */
class PreferIdentityTest extends RuleExamplesTest {

    PreferIdentityTest() {
        super(new PreferIdentity());
    }
}
