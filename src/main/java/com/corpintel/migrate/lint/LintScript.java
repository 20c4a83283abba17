package com.corpintel.migrate.lint;

/**
 * A script handed to lint.
 *
 * @param path          as it is shown in findings: the path the user gave, or the bundled resource path
 * @param transactional false when its {@code .conf} says {@code executeInTransaction=false}
 */
public record LintScript(String path, String sql, boolean transactional) {

    public String fileName() {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(slash + 1);
    }
}
