package com.corpintel.migrate.lint.rules;

import com.corpintel.migrate.lint.RuleExamplesTest;

/** UndoDataLoss: its docs/LINT.md examples, found, clean and suppressed (see RuleExamplesTest). */
class UndoDataLossTest extends RuleExamplesTest {

    UndoDataLossTest() {
        super(new UndoDataLoss());
    }
}
