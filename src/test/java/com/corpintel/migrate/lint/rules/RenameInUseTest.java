package com.corpintel.migrate.lint.rules;

import com.corpintel.migrate.lint.RuleExamplesTest;

/** RenameInUse: its docs/LINT.md examples, found, clean and suppressed (see RuleExamplesTest). */
class RenameInUseTest extends RuleExamplesTest {

    RenameInUseTest() {
        super(new RenameInUse());
    }
}
