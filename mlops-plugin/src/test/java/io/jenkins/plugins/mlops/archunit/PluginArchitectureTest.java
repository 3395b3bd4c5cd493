package io.jenkins.plugins.mlops.archunit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.constructors;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The plugin stays a thin adapter (design.md): its logic lives in {@code adapter}, which knows no
 * Jenkins type and is tested offline; the Jenkins glue in {@code steps} reaches into the engine only
 * through its contract, and never runs engine steps in Jenkins' JVM (that is the forked JVM's job).
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

    /**
     * The plugin reaches the engine only through its contract (results, exit codes, the stage
     * catalogue) and two utilities (number formatting, SHA-256): never an engine step, the training
     * or serving modules, or the CLI, which run in the forked JVM.
     */
    @Test
    void thePluginDependsOnTheContractOnly() {
        noClasses().that().resideInAnyPackage("..mlops.steps..", "..mlops.adapter..")
                .should().dependOnClassesThat().resideInAnyPackage("..mlops.validation..", "..mlops.train..",
                        "..mlops.tune..", "..mlops.evaluation..", "..mlops.gate..", "..mlops.governance..",
                        "..mlops.registry..", "..mlops.serving..", "..mlops.monitor..", "..mlops.cli..",
                        "..mlops.model..", "..mlops.drift..", "..mlops.schema..", "..mlops.profile..",
                        "..mlops.audit..", "org.deeplearning4j..", "org.nd4j..")
                .check(PLUGIN);
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("io.jenkins.plugins.mlops.(*)..").should().beFreeOfCycles().check(PLUGIN);
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
