package com.corpintel.migrate.inspect;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A table constraint. Everything but the name is read from its definition as
 * pg_get_constraintdef prints it ({@link #of}), both when inspecting a database and
 * when reading the text form, so the two always agree on what the parts are.
 *
 * @param columns           the key columns (primary key, unique, foreign key) or the
 *                          elements of an exclusion constraint; empty for a check
 * @param referencedTable   foreign keys only, else null; schema-qualified only when the
 *                          table lies outside the inspected schema
 * @param referencedColumns foreign keys only, else empty
 * @param onDelete          foreign keys only, else null
 * @param onUpdate          foreign keys only, else null
 * @param definition        as pg_get_constraintdef gives it, on one line
 */
public record Constraint(String name, Kind kind, List<String> columns, String referencedTable,
                         List<String> referencedColumns, Action onDelete, Action onUpdate, String definition) {

    public enum Kind {
        PRIMARY_KEY("PRIMARY KEY"),
        UNIQUE("UNIQUE"),
        CHECK("CHECK"),
        FOREIGN_KEY("FOREIGN KEY"),
        EXCLUSION("EXCLUDE");

        /** The keyword that starts the definition. */
        public final String keyword;

        Kind(String keyword) {
            this.keyword = keyword;
        }

        /** In words, lower case: "primary key", "exclusion". */
        public String words() {
            return this == EXCLUSION ? "exclusion" : keyword.toLowerCase(Locale.ROOT);
        }
    }

    /** What a foreign key does when the referenced row goes away or changes. */
    public enum Action {
        CASCADE("CASCADE"),
        SET_NULL("SET NULL"),
        SET_DEFAULT("SET DEFAULT"),
        RESTRICT("RESTRICT"),
        NO_ACTION("NO ACTION");

        public final String keyword;

        Action(String keyword) {
            this.keyword = keyword;
        }

        /** In words, lower case: "set null". */
        public String words() {
            return keyword.toLowerCase(Locale.ROOT);
        }
    }

    public Constraint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        columns = List.copyOf(columns);
        referencedColumns = referencedColumns == null ? List.of() : List.copyOf(referencedColumns);
        definition = SqlText.oneLine(Objects.requireNonNull(definition, "definition"));
    }

    /**
     * The constraint a definition describes, e.g.
     * {@code FOREIGN KEY (company_id) REFERENCES companies(id) ON DELETE CASCADE}.
     *
     * @throws IllegalArgumentException when the definition is not one pg_get_constraintdef prints
     */
    public static Constraint of(String name, String definition) {
        String def = SqlText.oneLine(definition);
        if (def.startsWith("PRIMARY KEY (")) {
            return keyed(name, Kind.PRIMARY_KEY, def, "PRIMARY KEY ".length());
        }
        if (def.startsWith("UNIQUE NULLS NOT DISTINCT (")) {
            return keyed(name, Kind.UNIQUE, def, "UNIQUE NULLS NOT DISTINCT ".length());
        }
        if (def.startsWith("UNIQUE (")) {
            return keyed(name, Kind.UNIQUE, def, "UNIQUE ".length());
        }
        if (def.startsWith("CHECK ")) {
            return new Constraint(name, Kind.CHECK, List.of(), null, List.of(), null, null, def);
        }
        if (def.startsWith("FOREIGN KEY (")) {
            return foreignKey(name, def);
        }
        if (def.startsWith("EXCLUDE ")) {
            int open = def.indexOf('(');
            if (open < 0) {
                throw new IllegalArgumentException("cannot read exclusion constraint " + name + ": " + def);
            }
            String elements = def.substring(open + 1, SqlText.closing(def, open) - 1);
            List<String> columns = SqlText.split(elements, ',').stream()
                    .map(e -> e.contains(" WITH ") ? e.substring(0, e.lastIndexOf(" WITH ")).strip() : e)
                    .toList();
            return new Constraint(name, Kind.EXCLUSION, columns, null, List.of(), null, null, def);
        }
        throw new IllegalArgumentException("cannot read constraint " + name + ": " + def);
    }

    private static Constraint keyed(String name, Kind kind, String def, int open) {
        int close = SqlText.closing(def, open);
        return new Constraint(name, kind, SqlText.identifiers(def.substring(open, close)), null, List.of(), null, null,
                def);
    }

    private static Constraint foreignKey(String name, String def) {
        int open = "FOREIGN KEY ".length();
        int close = SqlText.closing(def, open);
        List<String> columns = SqlText.identifiers(def.substring(open, close));
        String rest = def.substring(close);
        if (!rest.startsWith(" REFERENCES ")) {
            throw new IllegalArgumentException("cannot read foreign key " + name + ": " + def);
        }
        int tableStart = " REFERENCES ".length();
        int tableEnd = tableStart;
        while (tableEnd < rest.length() && rest.charAt(tableEnd) != '(') {
            tableEnd = rest.charAt(tableEnd) == '"' ? SqlText.quoteEnd(rest, tableEnd) : tableEnd + 1;
        }
        String table = String.join(".", SqlText.split(rest.substring(tableStart, tableEnd), '.').stream()
                .map(SqlText::unquote).toList());
        int referencedClose = SqlText.closing(rest, tableEnd);
        List<String> referencedColumns = SqlText.identifiers(rest.substring(tableEnd, referencedClose));
        String actions = rest.substring(referencedClose);
        return new Constraint(name, Kind.FOREIGN_KEY, columns, table, referencedColumns,
                action(actions, " ON DELETE "), action(actions, " ON UPDATE "), def);
    }

    private static Action action(String clauses, String clause) {
        int at = clauses.indexOf(clause);
        if (at < 0) {
            return Action.NO_ACTION;
        }
        String after = clauses.substring(at + clause.length());
        for (Action action : Action.values()) {
            if (after.startsWith(action.keyword)) {
                return action;
            }
        }
        throw new IllegalArgumentException("unknown foreign key action in: " + clauses);
    }
}
