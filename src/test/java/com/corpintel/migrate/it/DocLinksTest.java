package com.corpintel.migrate.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** How DocExamplesIT finds dead links in the docs. */
class DocLinksTest {

    @Test
    void headingsBecomeGitHubAnchors(@TempDir Path project) throws Exception {
        Path doc = Files.writeString(project.resolve("A.md"), String.join("\n",
                "# Command reference",
                "## --help, --version",
                "## downgrade, downgrade-to",
                "```sh",
                "# not a heading",
                "```",
                "### The local database: scripts/localdb",
                "### The operations log",
                "### The operations log"));

        assertThat(DocLinks.anchors(doc)).containsExactly("command-reference", "--help---version",
                "downgrade-downgrade-to", "the-local-database-scriptslocaldb", "the-operations-log",
                "the-operations-log-1");
    }

    @Test
    void aMissingFileOrHeadingAndAnyMentionOfSharedAreBroken(@TempDir Path project) throws Exception {
        Files.createDirectories(project.resolve("docs"));
        Files.writeString(project.resolve("docs/B.md"), "# B\n## Exit codes\n");
        Path readme = Files.writeString(project.resolve("README.md"), String.join("\n",
                "# R",
                "[ok](docs/B.md#exit-codes) [ok](#r) [web](https://example.com/x) [file](README.md)",
                "[gone](docs/C.md) [heading](docs/B.md#exit-code)",
                "The spec is in shared/spec/product.md."));

        assertThat(DocLinks.broken(project, readme)).containsExactly(
                "README.md:3: docs/C.md (no such file)",
                "README.md:3: docs/B.md#exit-code (no such heading)",
                "README.md:4: refers to shared/, which a clone of the repository lacks");
    }
}
