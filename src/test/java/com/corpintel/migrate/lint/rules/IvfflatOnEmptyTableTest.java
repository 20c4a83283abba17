package com.corpintel.migrate.lint.rules;

import com.corpintel.migrate.lint.RuleExamplesTest;

/** IvfflatOnEmptyTable: its docs/LINT.md examples, found, clean and suppressed (see RuleExamplesTest). */
class IvfflatOnEmptyTableTest extends RuleExamplesTest {

    IvfflatOnEmptyTableTest() {
        super(new IvfflatOnEmptyTable());
    }
}
