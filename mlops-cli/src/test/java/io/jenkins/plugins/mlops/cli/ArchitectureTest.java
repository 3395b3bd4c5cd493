package io.jenkins.plugins.mlops.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layering rules of design.md, over every module's classes (all are on this module's classpath). */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // mlops-core's test jar (its fixtures and tests) is on this classpath too
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("io.jenkins.plugins.mlops");

    private static final String[] CORE = {"..mlops.contract..", "..mlops.data..", "..mlops.schema..",
        "..mlops.validation..", "..mlops.drift..", "..mlops.evaluation..", "..mlops.gate..", "..mlops.registry..",
        "..mlops.report..", "..mlops.model..", "..mlops.monitor..", "..mlops.profile..", "..mlops.governance..",
        "..mlops.audit..", "..mlops.scoring.."};

    @Test
    void engineNeverUsesJenkinsTypes() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("hudson..", "jenkins..", "org.jenkinsci..",
                "org.kohsuke..").check(CLASSES);
    }

    @Test
    void onlyTheTrainingModuleTouchesDl4j() {
        noClasses().that().resideOutsideOfPackage("..mlops.train..")
                .should().dependOnClassesThat().resideInAnyPackage("org.deeplearning4j..", "org.nd4j..", "org.bytedeco..")
                .check(CLASSES);
    }

    @Test
    void coreDependsOnNoFrontEndServingOrTraining() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage("..mlops.cli..", "..mlops.serving..", "..mlops.train..",
                        "picocli..", "org.eclipse.jetty..")
                .check(CLASSES);
    }

    @Test
    void tuningDrivesTrainingOnlyThroughItsApi() {
        noClasses().that().resideInAPackage("..mlops.tune..")
                .should().dependOnClassesThat().resideInAnyPackage("org.deeplearning4j..", "org.nd4j..", "..mlops.cli..")
                .check(CLASSES);
    }

    @Test
    void servingLoadsModelsWithoutDependingOnTraining() {
        noClasses().that().resideInAPackage("..mlops.serving..")
                .should().dependOnClassesThat().resideInAnyPackage("..mlops.train..", "..mlops.cli..")
                .check(CLASSES);
    }

    /** Packages depend on each other in one direction only (design.md: one package per stage). */
    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("io.jenkins.plugins.mlops.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
