package com.corpintel.migrate.inspect;

import com.corpintel.migrate.migrate.BundledResources;
import com.corpintel.migrate.timescale.Edition;


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
        return BundledResources.standard().require(resource(edition));
    }

    /** The expected model of the bundled head on a server of this edition (extension versions left out). */
    public static SchemaModel load(Edition edition) {
        return SchemaModelText.read(text(edition));
    }
}
