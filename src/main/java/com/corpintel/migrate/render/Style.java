package com.corpintel.migrate.render;

/**
 * Colour for text output: only on a terminal and never when NO_COLOR is set
 * (https://no-color.org). Everything else gets plain text.
 */
public record Style(boolean colour) {

    private static final String RESET = "\u001b[0m";

    public static Style detect(boolean forceOff, java.util.Map<String, String> env) {
        String noColor = env.get("NO_COLOR");
        boolean terminal = System.console() != null && !"dumb".equals(env.get("TERM"));
        return new Style(!forceOff && terminal && (noColor == null || noColor.isEmpty()));
    }

    public String good(String text) {
        return paint("\u001b[32m", text);
    }

    public String warn(String text) {
        return paint("\u001b[33m", text);
    }

    public String bad(String text) {
        return paint("\u001b[31m", text);
    }

    public String strong(String text) {
        return paint("\u001b[1m", text);
    }

    public String dim(String text) {
        return paint("\u001b[2m", text);
    }

    private String paint(String code, String text) {
        return colour ? code + text + RESET : text;
    }
}
