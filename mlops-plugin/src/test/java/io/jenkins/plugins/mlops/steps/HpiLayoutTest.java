package io.jenkins.plugins.mlops.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** The offline-built .hpi has what Jenkins' plugin manager reads, and nothing Jenkins itself provides. */
class HpiLayoutTest {
    private static final Path HPI = Path.of("target/mlops.hpi");

    @Test
    void manifestNamesThePluginItsBaselineAndDependencies() throws IOException {
        try (ZipFile hpi = new ZipFile(HPI.toFile())) {
            Manifest manifest = new Manifest(hpi.getInputStream(hpi.getEntry("META-INF/MANIFEST.MF")));
            Attributes main = manifest.getMainAttributes();
            assertThat(main.getValue("Short-Name")).isEqualTo("mlops");
            assertThat(main.getValue("Jenkins-Version")).isEqualTo("2.479.3");
            assertThat(main.getValue("Plugin-Version")).isNotBlank();
            assertThat(main.getValue("Plugin-Dependencies")).startsWith("workflow-step-api:")
                    .contains(",junit:", ",credentials:", ",plain-credentials:");
            // the BOM's versions for the 2.479.x line: none forces an upgrade of a 2.479.3 Jenkins
            assertThat(main.getValue("Plugin-Dependencies")).contains("workflow-step-api:704.ve4f0967e98fa_",
                    "credentials:1415.v831096eb_5534", "junit:1335.v6b_a_a_e18534e1");
            assertThat(main.getValue("Url")).isEqualTo("https://github.com/jenkinsci/mlops-plugin");
            assertThat(main.getValue("Plugin-ScmUrl")).isEqualTo(main.getValue("Url"));
            assertThat(main.getValue("Plugin-ScmConnection")).isEqualTo("scm:git:" + main.getValue("Url") + ".git");
            assertThat(main.getValue("Plugin-License-Name")).isEqualTo("MIT License");
            assertThat(main.getValue("Plugin-License-Url")).startsWith("https://opensource.org/license");
            assertThat(main.getValue("Minimum-Java-Version")).isEqualTo("17");
        }
    }

    @Test
    void libHoldsThePluginAndTheEngineButNoJenkinsApi() throws IOException {
        List<String> libs = new ArrayList<>();
        try (ZipFile hpi = new ZipFile(HPI.toFile())) {
            hpi.stream().map(ZipEntry::getName).filter(n -> n.startsWith("WEB-INF/lib/") && n.endsWith(".jar"))
                    .forEach(libs::add);
            assertThat(libs).contains("WEB-INF/lib/mlops-plugin.jar")
                    .anyMatch(n -> n.contains("mlops-cli")).anyMatch(n -> n.contains("mlops-core"));
            // provided by Jenkins: a bundled copy would shadow core's classes (ND4J's shaded Guava may stay)
            for (String lib : libs) {
                try (InputStream in = hpi.getInputStream(hpi.getEntry(lib)); JarInputStream jar = new JarInputStream(in)) {
                    for (ZipEntry e; (e = jar.getNextEntry()) != null; ) {
                        assertThat(e.getName()).as(lib).doesNotStartWith("hudson/").doesNotStartWith("jenkins/")
                                .doesNotStartWith("org/jenkinsci/").doesNotStartWith("org/kohsuke/stapler/")
                                .doesNotStartWith("net/java/sezpoz/").doesNotStartWith("com/google/common/")
                                .doesNotStartWith("jakarta/servlet/");
                    }
                }
            }
            try (InputStream in = hpi.getInputStream(hpi.getEntry("WEB-INF/lib/mlops-plugin.jar"));
                 JarInputStream plugin = new JarInputStream(in)) {
                // Jenkins' class filter lets XStream save our actions only for classes from a jar whose manifest
                // names the plugin (ClassFilterImpl.isPluginManifest)
                Attributes own = plugin.getManifest().getMainAttributes();
                assertThat(own.getValue("Short-Name")).isEqualTo("mlops");
                assertThat(own.getValue("Plugin-Version")).isNotBlank();
                List<String> entries = new ArrayList<>();
                for (ZipEntry e; (e = plugin.getNextEntry()) != null; ) {
                    entries.add(e.getName());
                }
                assertThat(entries).contains("META-INF/annotations/hudson.Extension", "index.jelly",
                        "io/jenkins/plugins/mlops/steps/ValidateDataStep/config.jelly");
                assertThat(entries).noneMatch(n -> n.startsWith("hudson/") || n.startsWith("jenkins/")
                        || n.startsWith("org/jenkinsci/"));
            }
        }
    }
}
