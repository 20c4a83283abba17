package com.corpintel.migrate.lint.rules;

import com.corpintel.migrate.lint.RuleExamplesTest;

/** MissingUndo: its docs/LINT.md examples, found, clean and suppressed (see RuleExamplesTest). */
class MissingUndoTest extends RuleExamplesTest {

    MissingUndoTest() {
        super(new MissingUndo());
    }
}
