package com.corpintel.migrate.migrate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The checksum Flyway 12 records for a SQL script ({@code ChecksumCalculator}): the CRC-32 of its
 * lines in UTF-8, without line endings and without a leading byte-order mark, so that the same
 * script checked out with CRLF or LF has one checksum and empty lines count for nothing. Computed
 * here so that reading the history needs no Flyway instance, and equal to Flyway's so that the
 * databases stay readable by Flyway.
 */
public final class ScriptChecksum {

    private static final char BOM = '\ufeff';

    private ScriptChecksum() {
    }

    public static int of(String script) {
        return of(lines(script));
    }

    /** The checksum of lines as {@link #lines} gives them (possibly edited). */
    public static int of(List<String> lines) {
        CRC32 crc = new CRC32();
        for (String line : lines) {
            crc.update(line.getBytes(StandardCharsets.UTF_8));
        }
        return (int) crc.getValue();
    }

    /** The lines Flyway checksums: split at \n, \r and \r\n (BufferedReader's rule), a leading BOM left out. */
    public static List<String> lines(String script) {
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new StringReader(script))) {
            String line = reader.readLine();
            if (line != null && !line.isEmpty() && line.charAt(0) == BOM) {
                line = line.substring(1);
            }
            for (; line != null; line = reader.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }
}
