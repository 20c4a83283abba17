package com.corpintel.migrate.cli;

import com.corpintel.migrate.Failure;
import com.corpintel.migrate.inspect.CatalogInspector;
import com.corpintel.migrate.inspect.SchemaModel;
import com.corpintel.migrate.inspect.SchemaModelText;
import com.corpintel.migrate.render.Json;
import com.corpintel.migrate.render.OutputFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

@Command(name = "snapshot", sortOptions = false,
        description = {"Print the schema model of the live database (--schema): one line per table, column,"
                + " constraint, index, trigger, view, hypertable, policy and continuous aggregate, sorted.",
                "For developers: the expected models next to the migrations"
                        + " (src/main/resources/db/expected/schema.<edition>.txt) are regenerated with it from a"
                        + " database migrated to the bundled head, e.g. `intel-migrate upgrade && intel-migrate"
                        + " snapshot --write src/main/resources/db/expected/schema.apache.txt`, and then reviewed"
                        + " like code."})
class SnapshotCommand extends DatabaseCommand {

    @Option(names = "--write", paramLabel = "FILE",
            description = "Write the model to FILE instead of stdout (replacing it).")
    Path file;

    @Override
    public Integer call() {
        SchemaModel model = new CatalogInspector().inspect(database());
        String text = SchemaModelText.write(model);
        if (file != null) {
            write(file, text);
            progress("wrote the model of schema " + connectionOptions.schema + " to " + file);
        } else if (outputFormat() == OutputFormat.JSON) {
            print(json(text));
        } else {
            print(text);
        }
        return ExitCode.OK.code;
    }

    private String json(String text) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("command", "snapshot");
        document.put("schema", connectionOptions.schema);
        document.put("lines", text.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList());
        return Json.write(document);
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw Failure.usage("cannot write " + file + ": " + e.getMessage());
        }
    }
}
