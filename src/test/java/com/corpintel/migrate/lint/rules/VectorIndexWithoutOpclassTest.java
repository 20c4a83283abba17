package com.corpintel.migrate.lint.rules;

import com.corpintel.migrate.lint.RuleExamplesTest;

/** VectorIndexWithoutOpclass: its docs/LINT.md examples, found, clean and suppressed (see RuleExamplesTest). */
class VectorIndexWithoutOpclassTest extends RuleExamplesTest {

    VectorIndexWithoutOpclassTest() {
        super(new VectorIndexWithoutOpclass());
    }
}
