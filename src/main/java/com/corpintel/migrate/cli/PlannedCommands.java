package com.corpintel.migrate.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Commands the product specifies but this version does not have yet. Naming one is a
 * usage error that says so, instead of picocli's "unexpected argument" and a suggestion
 * of some other command. The top command's help lists them from the same constant.
 */
final class PlannedCommands {

    /** Drop a name here when its command lands. */
    static final String NAMES = "repair, baseline, completion";
    static final String SPECIFIED_IN = "docs/CLI.md#planned-commands";

    private static final List<String> LIST = List.of(NAMES.split(", "));

    private PlannedCommands() {
    }

    /** The planned command named in the command position ({@code repair …} or {@code help repair}), if any. */
    static Optional<String> named(String... args) {
        List<String> words = Arrays.stream(args).filter(arg -> !arg.startsWith("-")).limit(2).toList();
        if (words.isEmpty()) {
            return Optional.empty();
        }
        String command = words.get(0).equals("help") && words.size() > 1 ? words.get(1) : words.get(0);
        return LIST.contains(command) ? Optional.of(command) : Optional.empty();
    }

    static String message(String name) {
        return "'" + name + "' is planned but not in this version: see " + SPECIFIED_IN;
    }
}
