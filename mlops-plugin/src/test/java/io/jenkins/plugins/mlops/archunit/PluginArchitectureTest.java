package io.jenkins.plugins.mlops.archunit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.constructors;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The plugin stays a thin adapter (design.md): its logic lives in {@code adapter}, which knows no
 * Jenkins type and is tested offline; the Jenkins glue in {@code steps} reaches into the engine only
 * for the step contract, and never runs engine steps in Jenkins' JVM (that is the forked JVM's job).
 */
class PluginArchitectureTest {
    private static final JavaClasses PLUGIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.jenkins.plugins.mlops.steps", "io.jenkins.plugins.mlops.adapter");

    @Test
    void theAdapterLogicKnowsNoJenkinsType() {
        noClasses().that().resideInAPackage("..mlops.adapter..")
                .should().dependOnClassesThat().resideInAnyPackage("hudson..", "jenkins..", "org.jenkinsci..",
                        "org.kohsuke..")
                .check(PLUGIN);
    }

    @Test
    void stepsCallNoEngineCodeButTheContract() {
        // the engine's STEP names are constants that javac inlines: they leave no dependency behind
        noClasses().that().resideInAPackage("..mlops.steps..")
                .should().dependOnClassesThat().resideInAnyPackage("..mlops.validation..", "..mlops.train..",
                        "..mlops.evaluation..", "..mlops.gate..", "..mlops.registry..", "..mlops.serving..",
                        "..mlops.monitor..", "..mlops.cli..", "org.deeplearning4j..", "org.nd4j..")
                .check(PLUGIN);
    }

    /** Stapler binds only public constructors and setters of public classes (warnings-ng's rules). */
    @Test
    void dataBoundConstructorsAndSettersArePublicInPublicClasses() {
        constructors().that().areAnnotatedWith(DataBoundConstructor.class)
                .should().bePublic().andShould().beDeclaredInClassesThat().arePublic()
                .check(PLUGIN);
        methods().that().areAnnotatedWith(DataBoundSetter.class)
                .should().bePublic().andShould().beDeclaredInClassesThat().arePublic()
                .check(PLUGIN);
    }
}
