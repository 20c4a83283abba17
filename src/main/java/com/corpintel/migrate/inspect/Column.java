package com.corpintel.migrate.inspect;

import java.util.Objects;

/**
 * A column of a table, view or continuous aggregate.
 *
 * @param type              with its modifiers, as format_type gives it: {@code character varying(10)}
 * @param defaultExpression as pg_get_expr gives it ({@code 'viewer'::character varying}), or null;
 *                          for a generated column, its generation expression
 * @param identity          null unless an identity column
 * @param generated         a stored generated column, computed by {@code defaultExpression}
 */
public record Column(String name, String type, boolean notNull, String defaultExpression, Identity identity,
                     boolean generated) {

    /** GENERATED … AS IDENTITY. */
    public enum Identity {
        ALWAYS("always"),
        BY_DEFAULT("by default");

        public final String words;

        Identity(String words) {
            this.words = words;
        }

        /** From pg_attribute.attidentity: 'a', 'd' or empty. */
        public static Identity ofCatalog(String code) {
            return switch (code == null ? "" : code) {
                case "a" -> ALWAYS;
                case "d" -> BY_DEFAULT;
                default -> null;
            };
        }
    }

    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        defaultExpression = SqlText.oneLine(defaultExpression);
        if (generated && defaultExpression == null) {
            throw new IllegalArgumentException("generated column " + name + " needs its expression");
        }
    }

    /** An ordinary column: no default, no identity. */
    public static Column of(String name, String type, boolean notNull) {
        return new Column(name, type, notNull, null, null, false);
    }

    public Column withDefault(String expression) {
        return new Column(name, type, notNull, expression, identity, false);
    }
}
