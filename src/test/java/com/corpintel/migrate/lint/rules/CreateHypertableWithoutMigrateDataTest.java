package com.corpintel.migrate.lint.rules;

import com.corpintel.migrate.lint.RuleExamplesTest;

/** CreateHypertableWithoutMigrateData: its docs/LINT.md examples, found, clean and suppressed (see RuleExamplesTest). */
class CreateHypertableWithoutMigrateDataTest extends RuleExamplesTest {

    CreateHypertableWithoutMigrateDataTest() {
        super(new CreateHypertableWithoutMigrateData());
    }
}
