package com.corpintel.migrate.it;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A database as the platform's Alembic revision 001 left it (src/test/resources/alembic):
 * its shape on the test server's TimescaleDB edition, rows in every table, optionally the bad
 * values a real one can hold. On a community-licensed server its old chunks are compressed,
 * as the compression policy would have left them.
 */
final class AlembicFixture {

    /** The twelve tables of revision 001. */
    static final List<String> TABLES = List.of("companies", "sec_filings", "financial_metrics", "documents",
            "document_chunks", "analysis_reports", "market_intelligence", "users", "permissions", "user_permissions",
            "api_keys", "user_sessions");

    private AlembicFixture() {
    }

    static TestDatabase create(boolean badRows) {
        TestDatabase db = TestServer.createDatabase();
        db.execute(resource("revision-001.sql"));
        boolean community = TestServer.edition() == TimescaleEdition.COMMUNITY;
        if (community) {
            db.execute(resource("revision-001.community.sql"));
        }
        db.execute(resource("rows.sql"));
        if (community) {
            db.execute("SELECT compress_chunk(c) FROM show_chunks('financial_metrics', older_than => INTERVAL '60 days') c");
        }
        if (badRows) {
            db.execute(resource("bad-rows.sql"));
        }
        db.execute("ANALYZE");
        return db;
    }

    static String resource(String name) {
        try (InputStream in = AlembicFixture.class.getResourceAsStream("/alembic/" + name)) {
            if (in == null) {
                throw new AssertionError("no test resource alembic/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Per table, its row count and a checksum of its rows in a form both shapes print alike:
     * json and jsonb as jsonb text, timestamps as epoch seconds (those without time zone read
     * as UTC, as the bridge converts them), embeddings as vector text. {@code where} limits a
     * table's rows (null: all).
     */
    static Map<String, String> data(TestDatabase db, Map<String, String> where) {
        return data(db, where, false);
    }

    /** {@link #data} with every column as its own text: for rows that do not convert (yet). */
    static Map<String, String> rawData(TestDatabase db) {
        return data(db, Map.of(), true);
    }

    private static Map<String, String> data(TestDatabase db, Map<String, String> where, boolean raw) {
        Map<String, String> data = new LinkedHashMap<>();
        for (String table : TABLES) {
            List<String> expressions = db.rows("SELECT column_name || '|' || data_type FROM information_schema.columns"
                    + " WHERE table_schema = 'public' AND table_name = '" + table + "' ORDER BY column_name");
            StringBuilder row = new StringBuilder();
            for (String column : expressions) {
                String name = column.substring(0, column.indexOf('|'));
                String type = column.substring(column.indexOf('|') + 1);
                String expression = raw ? name + "::text" : switch (type) {
                    case "json", "jsonb" -> name + "::jsonb::text";
                    case "timestamp without time zone" -> "extract(epoch FROM " + name + " AT TIME ZONE 'UTC')::text";
                    case "timestamp with time zone" -> "extract(epoch FROM " + name + ")::text";
                    default -> name.equals("embedding") ? name + "::text::vector::text" : name + "::text";
                };
                row.append(row.isEmpty() ? "" : " || '|' || ").append("coalesce(").append(expression).append(", '∅')");
            }
            String filter = where.containsKey(table) ? " WHERE " + where.get(table) : "";
            data.put(table, db.value("SELECT count(*) || ' rows, md5 ' || coalesce(md5(string_agg(r, E'\\n' ORDER BY r)),"
                    + " '-') FROM (SELECT " + row + " AS r FROM " + table + filter + ") x"));
        }
        return data;
    }
}
