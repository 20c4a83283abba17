package com.corpintel.migrate.lint.rules;

import com.corpintel.migrate.lint.RuleExamplesTest;

/** ChunkIntervalChange: its docs/LINT.md examples, found, clean and suppressed (see RuleExamplesTest). */
class ChunkIntervalChangeTest extends RuleExamplesTest {

    ChunkIntervalChangeTest() {
        super(new ChunkIntervalChange());
    }
}
