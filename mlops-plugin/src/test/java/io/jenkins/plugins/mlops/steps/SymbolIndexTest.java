package io.jenkins.plugins.mlops.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.jenkinsci.Symbol;
import org.junit.jupiter.api.Test;

/**
 * Jenkins finds {@code @Symbol}s (the Configuration-as-Code key {@code mlops}) only through
 * {@code META-INF/annotations/org.jenkinsci.Symbol}, which annotation-indexer would write; it
 * cannot be resolved here, so the index is kept by hand and must list exactly the annotated classes.
 */
class SymbolIndexTest {
    @Test
    void theHandKeptIndexListsExactlyTheClassesWithASymbol() throws Exception {
        Set<String> annotated = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.jenkins.plugins.mlops").stream()
                .filter(c -> c.isAnnotatedWith(Symbol.class)).map(JavaClass::getName).collect(Collectors.toSet());
        Set<String> indexed = Files.readAllLines(Path.of("src/main/resources/META-INF/annotations/org.jenkinsci.Symbol"),
                StandardCharsets.UTF_8).stream().map(String::trim).filter(l -> !l.isEmpty()).collect(Collectors.toSet());
        assertThat(indexed).isEqualTo(annotated).contains(MlopsConfiguration.class.getName());
        assertThat(MlopsConfiguration.class.getAnnotation(Symbol.class).value()).containsExactly("mlops");
    }
}
