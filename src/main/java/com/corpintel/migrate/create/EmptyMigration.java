package com.corpintel.migrate.create;

import java.time.LocalDate;
import java.util.Map;

/** {@code create-empty}: the next pair as templates for a migration written by hand. */
public final class EmptyMigration {

    private EmptyMigration() {
    }

    /**
     * The files of the pair, by path relative to the migrations directory.
     *
     * @param author from git config user.name; null leaves the line out
     */
    public static Map<String, String> pair(MigrationsDirectory directory, String message, String author,
                                           LocalDate date) {
        String slug = Slug.of(message);
        String version = directory.nextVersion();
        String forwardName = "V" + version + "__" + slug + ".sql";
        String undoName = "U" + version + "__" + slug + ".sql";
        String forward = header("V" + version + ": " + message, author, date)
                + "-- Forward migration, written by hand. " + undoName + " must undo it exactly.\n"
                + "-- To run outside a transaction (CREATE INDEX CONCURRENTLY; on a hypertable\n"
                + "-- CREATE INDEX ... WITH (timescaledb.transaction_per_chunk)), create " + forwardName + ".conf\n"
                + "-- next to this file with this line, uncommented:\n"
                + "-- executeInTransaction=false\n\n";
        String undo = header("U" + version + ": undoes V" + version + " (" + message + ")", author, date)
                + "-- Undo of " + forwardName + ": return the schema exactly to the state before it.\n"
                + "-- Declare what it destroys so that downgrade asks for --allow-data-loss, e.g.\n"
                + "-- -- data-loss: drops column users.nickname\n"
                + "-- To run outside a transaction, create " + undoName + ".conf with this line, uncommented:\n"
                + "-- executeInTransaction=false\n\n";
        return directory.pair(version, slug, forward, undo, true, true);
    }

    private static String header(String title, String author, LocalDate date) {
        return "-- " + title + "\n"
                + (author == null || author.isBlank() ? "" : "-- Author: " + author.strip() + "\n")
                + "-- Date: " + date + "\n"
                + "--\n";
    }
}
