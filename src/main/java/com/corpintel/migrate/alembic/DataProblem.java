package com.corpintel.migrate.alembic;

import java.util.List;

/**
 * What one data check found: the rows, by key, that the bridge would fail on.
 *
 * @param check the check
 * @param rows  the first rows found, each "key: value"
 * @param count how many rows the check found in all
 */
public record DataProblem(DataCheck check, List<String> rows, long count) {
}
