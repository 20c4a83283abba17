package com.corpintel.migrate.lint.rules;

import com.corpintel.migrate.lint.RuleExamplesTest;

/** ConstraintWithoutNotValid: its docs/LINT.md examples, found, clean and suppressed (see RuleExamplesTest). */
class ConstraintWithoutNotValidTest extends RuleExamplesTest {

    ConstraintWithoutNotValidTest() {
        super(new ConstraintWithoutNotValid());
    }
}
