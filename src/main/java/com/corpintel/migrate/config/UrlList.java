package com.corpintel.migrate.config;

import com.corpintel.migrate.Failure;

import java.util.List;

/**
 * A list of database URLs in a file, one per line, for a fleet of databases: a
 * Kubernetes Indexed Job mounts the list and each pod takes the entry of its
 * completion index, with no shell to pick it.
 */
public final class UrlList {

    private UrlList() {
    }

    /** The entries: lines without surrounding blanks; blank lines and {@code #} comments are not entries. */
    public static List<String> entries(String text) {
        return text.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    /**
     * Entry {@code index}, from 0. An index past the end is a usage error: the Job's
     * completions and the list disagree, which is the same mistake for every pod.
     */
    public static String entry(String text, int index, String origin) {
        List<String> entries = entries(text);
        if (index < 0 || index >= entries.size()) {
            throw Failure.usage("--url-index " + index + " is not an entry of " + origin + ", which has "
                    + entries.size() + (entries.size() == 1 ? " entry" : " entries") + " (counted from 0)");
        }
        return entries.get(index);
    }
}
