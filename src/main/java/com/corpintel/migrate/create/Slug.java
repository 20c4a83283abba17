package com.corpintel.migrate.create;

import com.corpintel.migrate.Failure;

import java.text.Normalizer;
import java.util.Locale;

/** The description part of a migration's file name, made from the developer's message. */
public final class Slug {

    /** Long enough to say what a migration does, short enough for a file name. */
    static final int MAX_LENGTH = 60;

    private Slug() {
    }

    /**
     * "Add audit_log table!" gives {@code add_audit_log_table}: lower case ASCII letters,
     * digits and single underscores.
     *
     * @throws Failure a usage error when nothing is left (an empty or punctuation-only message)
     */
    public static String of(String message) {
        String ascii = Normalizer.normalize(message == null ? "" : message, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        String slug = ascii.replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("_+$", "");
        }
        if (slug.isEmpty()) {
            throw Failure.usage("the message '" + (message == null ? "" : message) + "' gives no file name: it needs"
                    + " at least one letter or digit, e.g. \"add audit log table\"");
        }
        return slug;
    }
}
