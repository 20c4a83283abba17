package com.corpintel.migrate.inspect;

import java.util.Objects;

/**
 * An extension installed in the database.
 *
 * @param version the installed version; null when read from the text form, which leaves
 *                versions out because they differ between servers
 */
public record Extension(String name, String version) {

    public Extension {
        Objects.requireNonNull(name, "name");
    }
}
