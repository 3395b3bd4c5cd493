package io.jenkins.plugins.mlops.archunit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Main code names the project's and the JDK's classes through imports, not inline qualified names,
 * so that every edge between packages shows at the top of a file (and to the cycle rules).
 */
class QualifiedNamesTest {
    private static final Pattern QUALIFIED = Pattern.compile("\\b(io\\.jenkins\\.plugins\\.mlops|java\\.(util|io|nio"
            + "|time|net|math|security|lang\\.reflect))(\\.[a-z0-9]+)*\\.[A-Z]");

    @Test
    void mainCodeImportsWhatItUses() throws IOException {
        List<String> inline = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of(".."))) {
            for (Path file : files.filter(p -> p.toString().contains("/src/main/java/") && p.toString().endsWith(".java"))
                    .toList()) {
                List<String> lines = Files.readAllLines(file);
                boolean comment = false;
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).strip();
                    if (comment || line.startsWith("/*")) {
                        comment = !line.contains("*/");
                        continue;
                    }
                    if (line.startsWith("import ") || line.startsWith("package ") || line.startsWith("*")
                            || line.startsWith("//")) {
                        continue;
                    }
                    Matcher m = QUALIFIED.matcher(line);
                    while (m.find()) {
                        String before = line.substring(0, m.start());
                        // a qualified name in a string (a class name the JVM is given) is no dependency
                        if (before.chars().filter(c -> c == '"').count() % 2 == 0 && !before.contains("//")) {
                            inline.add(file + ":" + (i + 1) + ": " + line);
                        }
                    }
                }
            }
        }
        assertThat(inline).isEmpty();
    }
}
