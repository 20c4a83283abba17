package com.corpintel.migrate.lint.rules;

import com.corpintel.migrate.lint.RuleExamplesTest;

/** VectorIndexMaintenanceWorkMem: its docs/LINT.md examples, found, clean and suppressed (see RuleExamplesTest). */
class VectorIndexMaintenanceWorkMemTest extends RuleExamplesTest {

    VectorIndexMaintenanceWorkMemTest() {
        super(new VectorIndexMaintenanceWorkMem());
    }
}
