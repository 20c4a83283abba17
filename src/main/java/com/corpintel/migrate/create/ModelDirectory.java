package com.corpintel.migrate.create;

import com.corpintel.migrate.Failure;
import com.corpintel.migrate.db.SqlFailures;
import com.corpintel.migrate.db.SqlStatements;
import com.corpintel.migrate.timescale.Edition;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The declared model: plain PostgreSQL DDL in {@code .sql} files, applied in file-name
 * order to an empty database. A file named {@code NAME.<edition>.sql} (apache, community)
 * applies only on a server of that TimescaleDB edition, as version 2 does; every other
 * file applies everywhere. Developer source: read from the file system, never bundled.
 */
public final class ModelDirectory {

    private final Path directory;

    private ModelDirectory(Path directory) {
        this.directory = directory;
    }

    /** @throws Failure refused when {@code directory} has no .sql file */
    public static ModelDirectory open(Path directory, String where) {
        Path dir = directory.toAbsolutePath().normalize();
        ModelDirectory model = new ModelDirectory(dir);
        if (!Files.isDirectory(dir) || model.allFiles().isEmpty()) {
            throw Failure.refused(where + " " + dir + " is not a model directory: no .sql files in it");
        }
        return model;
    }

    public Path path() {
        return directory;
    }

    private List<Path> allFiles() {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().endsWith(".sql"))
                    .sorted().toList();
        } catch (IOException e) {
            throw Failure.refused("cannot read the model directory " + directory + ": " + e.getMessage());
        }
    }

    /** The files that make the model on a server of this edition, in the order they apply. */
    public List<Path> files(Edition edition) {
        List<Path> files = new ArrayList<>();
        for (Path file : allFiles()) {
            String name = file.getFileName().toString();
            Edition only = null;
            for (Edition e : Edition.values()) {
                if (name.endsWith("." + e.resourceName + ".sql")) {
                    only = e;
                }
            }
            if (only == null || only == edition) {
                files.add(file);
            }
        }
        return files;
    }

    /** Runs the model's statements one by one on an empty database (auto-commit), in file order. */
    public void apply(Connection connection, Edition edition) {
        for (Path file : files(edition)) {
            String sql;
            try {
                sql = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw Failure.refused("cannot read " + file + ": " + e.getMessage());
            }
            for (String statement : SqlStatements.split(sql)) {
                try (Statement s = connection.createStatement()) {
                    s.execute(statement);
                } catch (SQLException e) {
                    throw Failure.refused("the model does not apply: " + file.getFileName() + ": "
                            + SqlFailures.serverMessage(e));
                }
            }
        }
    }
}
