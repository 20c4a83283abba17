package com.corpintel.migrate.lint;

/**
 * One thing lint has to say about a script.
 *
 * @param file   the script as the user named it (a path, or a bundled resource path)
 * @param line   1-based; 0 when it concerns the whole file
 * @param column 1-based; 0 when it concerns the whole file
 * @param fix    what to do instead, in one line
 */
public record Finding(String file, int line, int column, String rule, Severity severity, String message, String fix) {
}
