package com.corpintel.migrate.inspect;

import com.corpintel.migrate.timescale.Edition;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The schema the bundled migrations build at their head, per TimescaleDB edition,
 * committed next to the migrations in the text form ({@code db/expected/schema.<edition>.txt}).
 * The Apache file is generated with {@code intel-migrate snapshot}; ExpectedSchemaIT fails
 * when a migration changes the schema without it.
 */
public final class ExpectedSchema {

    public static final String DIRECTORY = "db/expected/";

    private ExpectedSchema() {
    }

    /** The class-path resource of an edition's expected model. */
    public static String resource(Edition edition) {
        return DIRECTORY + "schema." + edition.resourceName + ".txt";
    }

    public static String text(Edition edition) {
        String path = resource(edition);
        try (InputStream in = ExpectedSchema.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the expected schema " + path + " is missing from this build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the expected schema " + path, e);
        }
    }

    /** The expected model of the bundled head on a server of this edition (extension versions left out). */
    public static SchemaModel load(Edition edition) {
        return SchemaModelText.read(text(edition));
    }
}
