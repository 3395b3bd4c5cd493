package io.jenkins.plugins.mlops.contract;

import java.util.List;

/**
 * The catalogue of Level 2 stages: for each, the CLI command that runs it, the name of the result it
 * writes ({@code <result>.json}, {@code .html}, {@code -junit.xml}) and the Pipeline steps that run it
 * in Jenkins. The engine's steps, the CLI and the plugin take these names from here, and a test
 * checks every entry against the commands, steps, docs pages and help files that exist.
 */
public enum Stage {
    VALIDATE(List.of("validate"), "validation", List.of("validateData")),
    TRAIN(List.of("train"), "train", List.of("trainModel")),
    TUNE(List.of("tune"), "tune", List.of("tuneModel")),
    TEST(List.of("test"), "test", List.of("testModel")),
    GATE(List.of("gate"), "gate", List.of("modelGate")),
    APPROVE(List.of("approve"), "approval", List.of("approveModel")),
    REGISTER(List.of("registry", "register"), "register", List.of("registerModel")),
    PROMOTE(List.of("registry", "promote"), "promote", List.of("promoteModel")),
    CARD(List.of("registry", "card"), "model-card", List.of("modelCard")),
    PREDICT(List.of("predict"), "predict", List.of("predictBatch")),
    DEPLOY(List.of("deploy"), "deploy", List.of("deployModel", "rollbackModel")),
    CANARY(List.of("canary"), "canary", List.of("analyzeCanary")),
    SHADOW(List.of("shadow"), "shadow", List.of("shadowReport")),
    MONITOR(List.of("monitor"), "monitor", List.of("monitorModel")),
    AUDIT(List.of("audit", "verify"), "audit", List.of("verifyAudit"));

    private final List<String> command;
    private final String result;
    private final List<String> pipelineSteps;

    Stage(List<String> command, String result, List<String> pipelineSteps) {
        this.command = command;
        this.result = result;
        this.pipelineSteps = pipelineSteps;
    }

    /** The CLI's words for it, e.g. {@code [registry, register]}. */
    public List<String> command() {
        return command;
    }

    /** The result's name: {@code <result>.json} and the report's files. */
    public String result() {
        return result;
    }

    /** The Pipeline steps that run it. */
    public List<String> pipelineSteps() {
        return pipelineSteps;
    }
}
