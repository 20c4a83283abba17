package com.corpintel.migrate.lint.rules;

import com.corpintel.migrate.lint.RuleExamplesTest;

/** DestructiveDrop: its docs/LINT.md examples, found, clean and suppressed (see RuleExamplesTest). */
class DestructiveDropTest extends RuleExamplesTest {

    DestructiveDropTest() {
        super(new DestructiveDrop());
    }
}
