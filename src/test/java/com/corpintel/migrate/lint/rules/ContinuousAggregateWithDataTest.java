package com.corpintel.migrate.lint.rules;

import com.corpintel.migrate.lint.RuleExamplesTest;

/** ContinuousAggregateWithData: its docs/LINT.md examples, found, clean and suppressed (see RuleExamplesTest). */
class ContinuousAggregateWithDataTest extends RuleExamplesTest {

    ContinuousAggregateWithDataTest() {
        super(new ContinuousAggregateWithData());
    }
}
