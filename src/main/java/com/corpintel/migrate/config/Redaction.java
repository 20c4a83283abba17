package com.corpintel.migrate.config;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last line of defence for "a password never appears in any output": every
 * message the command line prints passes through {@link #redact}. Known secrets are
 * masked wherever they occur, and so is anything shaped like URL credentials or a
 * password parameter, in case a library echoes a URL we never saw.
 *
 * <p>A password shorter than {@link #MIN_SECRET_LENGTH} characters is masked only
 * where it stands as the password: as the password of a URL's user info
 * ({@code ://user:PW@}) or as the value of a password key ({@code password=PW},
 * {@code password: 'PW'}, {@code "password":"PW"}). Replacing "ab" or "1" everywhere
 * would garble ordinary output (versions, counts, names) and, through the pattern of
 * the masks, give the password away all the same.
 */
public final class Redaction {

    static final String MASK = "****";
    static final int MIN_SECRET_LENGTH = 4;
    /** Masked wherever they occur: each form a password can take in text. */
    private static final Set<String> SECRETS = new CopyOnWriteArraySet<>();
    /** One pattern per short password, matching it only where it stands as a password. */
    private static final List<Pattern> SHORT_SECRETS = new CopyOnWriteArrayList<>();
    private static final Set<String> SHORT_SECRET_VALUES = new CopyOnWriteArraySet<>();
    /** Up to the last '@' of the authority, as {@link DatabaseUrl} reads it: passwords may hold a bare '@'. */
    private static final Pattern URL_CREDENTIALS = Pattern.compile("(://[^:/?#@\\s]*):[^\\s/?]*@");
    /**
     * The value of a password setting, also under a quoted JSON or YAML key. A value masked
     * already is skipped, or the bare-value branch would swallow the bracket after it.
     */
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile(
            "(?i)(password[\"']?\\s*[=:]\\s*)(?!\\*{4}(?:$|[\\s&,;)}\\]]))('[^']*'|\"[^\"]*\"|[^&\\s,;]+)");

    private Redaction() {
    }

    public static void register(Secret secret) {
        if (secret == null || secret.reveal().isEmpty()) {
            return;
        }
        String value = secret.reveal();
        if (value.length() >= MIN_SECRET_LENGTH) {
            SECRETS.addAll(forms(value));
        } else if (SHORT_SECRET_VALUES.add(value)) {
            SHORT_SECRETS.add(standingAsPassword(value));
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
        // Before the generic patterns, which stop at a space or '/' that a known password may contain.
        for (Pattern shortSecret : SHORT_SECRETS) {
            result = shortSecret.matcher(result).replaceAll(match -> Matcher.quoteReplacement(
                    (match.group(1) != null ? match.group(1) : match.group(2)) + MASK));
        }
        result = URL_CREDENTIALS.matcher(result).replaceAll("$1:" + MASK + "@");
        return PASSWORD_PARAMETER.matcher(result).replaceAll("$1" + MASK);
    }

    /** As typed, as a JSON string holds it, and percent-encoded as in a URL. */
    private static Set<String> forms(String value) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(value);
        forms.add(value.replace("\\", "\\\\").replace("\"", "\\\""));
        String encoded = percentEncoded(value);
        forms.add(encoded);
        forms.add(lowerCaseHex(encoded));
        return forms;
    }

    /** A URL's user-info password, or the value (bare or quoted) of a password key, and nothing else. */
    private static Pattern standingAsPassword(String value) {
        String any = "(?:" + String.join("|", forms(value).stream().map(Pattern::quote).toList()) + ")";
        // Group 1: the URL up to the password; group 2: the password key; group 3: an opening quote.
        return Pattern.compile("(://[^:/?#@\\s]*:)" + any + "(?=@)"
                + "|((?i:password)[\"']?\\s*[=:]\\s*)(?:(['\"])" + any + "\\3"
                + "|" + any + "(?=$|[\\s&,;)}\\]]))");
    }

    private static String percentEncoded(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (Character.isLetterOrDigit(c) && c < 128 || "-._~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
            }
        }
        return encoded.toString();
    }

    private static String lowerCaseHex(String encoded) {
        Matcher escape = Pattern.compile("%[0-9A-F]{2}").matcher(encoded);
        return escape.replaceAll(m -> m.group().toLowerCase(Locale.ROOT));
    }
}
