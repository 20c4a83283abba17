package com.corpintel.migrate.lint.rules;

import com.corpintel.migrate.lint.RuleExamplesTest;

/** DisableCompression: its docs/LINT.md examples, found, clean and suppressed (see RuleExamplesTest). */
class DisableCompressionTest extends RuleExamplesTest {

    DisableCompressionTest() {
        super(new DisableCompression());
    }
}
