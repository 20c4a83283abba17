package com.corpintel.migrate.cli;

/** lint --format: the CLI's text and json, plus GitHub workflow annotations and SARIF. */
enum LintFormat { TEXT, JSON, GITHUB, SARIF }
