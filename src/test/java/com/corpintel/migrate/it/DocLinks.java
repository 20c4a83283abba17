package com.corpintel.migrate.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Relative links of the Markdown docs: each must lead to a file of the repository
 * and, with a #fragment, to one of its headings. A clone has nothing outside the
 * repository, so nothing may refer to shared/.
 */
final class DocLinks {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    private DocLinks() {
    }

    /** One line per broken link of {@code file}, named relative to {@code project}. */
    static List<String> broken(Path project, Path file) {
        List<String> broken = new ArrayList<>();
        List<String> lines = read(file);
        String name = project.relativize(file).toString();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.contains("shared/spec") || line.contains("../shared")) {
                broken.add(name + ":" + (i + 1) + ": refers to shared/, which a clone of the repository lacks");
            }
            Matcher link = LINK.matcher(line);
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("[a-z]+:.*")) {
                    continue;
                }
                int hash = target.indexOf('#');
                String path = hash < 0 ? target : target.substring(0, hash);
                Path linked = path.isEmpty() ? file : file.getParent().resolve(path).normalize();
                if (!Files.exists(linked)) {
                    broken.add(name + ":" + (i + 1) + ": " + target + " (no such file)");
                } else if (hash >= 0 && !anchors(linked).contains(target.substring(hash + 1))) {
                    broken.add(name + ":" + (i + 1) + ": " + target + " (no such heading)");
                }
            }
        }
        return broken;
    }

    /** GitHub's heading anchors: lower case, punctuation dropped, blanks to hyphens, repeats numbered. */
    static List<String> anchors(Path markdown) {
        List<String> anchors = new ArrayList<>();
        if (!markdown.toString().endsWith(".md")) {
            return anchors;
        }
        Map<String, Integer> seen = new HashMap<>();
        String fence = null;
        for (String line : read(markdown)) {
            String stripped = line.strip();
            if (fence == null && stripped.startsWith("```")) {
                fence = stripped.substring(0, DocTranscript.fenceLength(stripped));
                continue;
            }
            if (fence != null) {
                fence = DocTranscript.closes(line, fence) ? null : fence;
                continue;
            }
            if (!line.startsWith("#")) {
                continue;
            }
            String title = line.replaceFirst("^#+\\s*", "").strip();
            String anchor = title.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
            int count = seen.merge(anchor, 1, Integer::sum);
            anchors.add(count == 1 ? anchor : anchor + "-" + (count - 1));
        }
        return anchors;
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
