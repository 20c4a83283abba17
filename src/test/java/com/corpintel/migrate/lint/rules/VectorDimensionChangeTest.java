package com.corpintel.migrate.lint.rules;

import com.corpintel.migrate.lint.RuleExamplesTest;

/** VectorDimensionChange: its docs/LINT.md examples, found, clean and suppressed (see RuleExamplesTest). */
class VectorDimensionChangeTest extends RuleExamplesTest {

    VectorDimensionChangeTest() {
        super(new VectorDimensionChange());
    }
}
