package com.corpintel.migrate.inspect;

import com.corpintel.migrate.migrate.BundledResources;
import com.corpintel.migrate.timescale.Edition;


/**
 * The schema the bundled migrations build at their head, per TimescaleDB edition,
 * committed next to the migrations in the text form ({@code db/expected/schema.<edition>.txt});
 * and at every older version ({@code db/expected/V<version>/schema.<edition>.txt}), which
 * {@code baseline} compares with.
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

    /**
     * The class-path resource of the model at a version: the head's is {@link #resource(Edition)},
     * an older version's lives in {@code db/expected/V<version>/}.
     */
    public static String resource(String version, String head, Edition edition) {
        return version.equals(head) ? resource(edition)
                : DIRECTORY + "V" + version + "/schema." + edition.resourceName + ".txt";
    }

    /** The model the bundled migrations build at {@code version}; empty when this binary carries none for it. */
    public static java.util.Optional<SchemaModel> loadAt(String version, String head, Edition edition) {
        return BundledResources.standard().text(resource(version, head, edition)).map(SchemaModelText::read);
    }

    /** The expected model of the bundled head on a server of this edition (extension versions left out). */
    public static SchemaModel load(Edition edition) {
        return SchemaModelText.read(text(edition));
    }
}
