package com.corpintel.migrate.lint.rules;

import com.corpintel.migrate.lint.RuleExamplesTest;

/** PreferTextOverVarchar: its docs/LINT.md examples, found, clean and suppressed (see RuleExamplesTest). */
class PreferTextOverVarcharTest extends RuleExamplesTest {

    PreferTextOverVarcharTest() {
        super(new PreferTextOverVarchar());
    }
}
