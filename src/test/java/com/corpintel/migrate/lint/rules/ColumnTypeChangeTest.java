package com.corpintel.migrate.lint.rules;

import com.corpintel.migrate.lint.RuleExamplesTest;

/** ColumnTypeChange: its docs/LINT.md examples, found, clean and suppressed (see RuleExamplesTest). */
class ColumnTypeChangeTest extends RuleExamplesTest {

    ColumnTypeChangeTest() {
        super(new ColumnTypeChange());
    }
}
