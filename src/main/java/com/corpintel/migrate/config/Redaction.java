package com.corpintel.migrate.config;

import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.regex.Pattern;

/**
 * The last line of defence for "a password never appears in any output": every
 * message the command line prints passes through {@link #redact}. Known secrets are
 * masked wherever they occur, and so is anything shaped like URL credentials or a
 * password parameter, in case a library echoes a URL we never saw.
 */
public final class Redaction {

    static final String MASK = "****";
    static final int MIN_SECRET_LENGTH = 4;
    private static final Set<String> SECRETS = new CopyOnWriteArraySet<>();
    /** Up to the last '@' of the authority, as {@link DatabaseUrl} reads it: passwords may hold a bare '@'. */
    private static final Pattern URL_CREDENTIALS = Pattern.compile("(://[^:/?#@\\s]*):[^\\s/?]*@");
    private static final Pattern PASSWORD_PARAMETER =
            Pattern.compile("(?i)(password\\s*[=:]\\s*)('[^']*'|\"[^\"]*\"|[^&\\s,;]+)");

    private Redaction() {
    }

    public static void register(Secret secret) {
        // Shorter ones would mask ordinary words and values everywhere; such a password is no secret anyway.
        if (secret != null && secret.reveal().length() >= MIN_SECRET_LENGTH) {
            SECRETS.add(secret.reveal());
            // As it appears inside a JSON string, where quotes and backslashes are escaped.
            SECRETS.add(secret.reveal().replace("\\", "\\\\").replace("\"", "\\\""));
        }
    }

    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        // Longest first, so a secret that extends another one is masked whole.
        for (String secret : SECRETS.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
            result = result.replace(secret, MASK);
        }
        result = URL_CREDENTIALS.matcher(result).replaceAll("$1:" + MASK + "@");
        return PASSWORD_PARAMETER.matcher(result).replaceAll("$1" + MASK);
    }
}
