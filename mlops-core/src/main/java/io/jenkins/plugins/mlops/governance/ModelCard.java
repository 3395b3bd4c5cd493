package io.jenkins.plugins.mlops.governance;

import io.jenkins.plugins.mlops.audit.AuditLog;
import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mlops.contract.Json;
import io.jenkins.plugins.mlops.model.ModelInfo;
import io.jenkins.plugins.mlops.model.PackagedModel;
import io.jenkins.plugins.mlops.registry.ModelVersion;
import io.jenkins.plugins.mlops.report.HtmlReport;
import io.jenkins.plugins.mlops.report.HtmlTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model card (Mitchell et al. 2019: details, intended use, factors, metrics, evaluation data,
 * training data, ethical considerations, caveats) made from registry facts and the human fields
 * of the training spec's {@code card:} section; the card stage ({@link CardStep}) writes it.
 * What the spec does not say is marked as not stated, not invented.
 */
public final class ModelCard {
    static final String NOT_STATED = "not stated in the training spec (card: section)";

    /** The card's human fields, which only the training spec's {@code card:} section can state. */
    static final List<String> HUMAN_FIELDS = List.of("owners", "intendedUse", "outOfScope", "factors",
            "ethicalConsiderations", "caveats");

    private ModelCard() {
    }

    /** @param testResult the test step's {@code test.json} for this version: slices and importance; may be null */
    public static Map<String, Object> of(ModelVersion version, Path packageDir, List<AuditLog.Entry> history,
                                         Path testResult) {
        ModelInfo info = Json.readJson(packageDir.resolve(PackagedModel.MODEL_FILE), ModelInfo.class);
        JsonNode card = cardFields(packageDir.resolve("spec.yaml"));
        Map<String, Object> c = new LinkedHashMap<>();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", version.name());
        details.put("version", version.version());
        details.put("registered", version.registeredAt() + " by " + version.registeredBy());
        details.put("type", info.task().jsonName() + ", multilayer perceptron (" + info.framework() + ")");
        details.put("owners", text(card, "owners"));
        details.put("parent", version.parent() == null ? "none recorded" : version.parent());
        details.put("package digest", version.packageDigest());
        details.put("code commit", version.lineage() == null || version.lineage().codeCommit() == null
                ? "not recorded (GIT_COMMIT was not set)" : version.lineage().codeCommit());
        details.put("build", version.lineage() == null || version.lineage().buildUrl() == null
                ? "not recorded (BUILD_URL was not set)" : version.lineage().buildUrl());
        c.put("details", details);
        c.put("intendedUse", Map.of("primary", text(card, "intendedUse"), "outOfScope", text(card, "outOfScope")));
        c.put("factors", Map.of("relevant", text(card, "factors"), "inputs", info.features(), "classes", info.classes()));
        c.put("metrics", version.metrics());
        c.put("evaluationData", "hold-out rows of the training data, never seen in training (see the test report for"
                + " slices and the comparison with the baseline)");
        if (testResult != null) {
            JsonNode test = Json.readTree(testResult);
            Map<String, Object> evaluation = new LinkedHashMap<>();
            evaluation.put("status", test.path("status").asText());
            evaluation.put("rows", test.path("rows").asLong());
            evaluation.put("metrics", Json.JSON.convertValue(test.path("metrics"), Map.class));
            evaluation.put("slices", Json.JSON.convertValue(test.path("slices"), List.class));
            evaluation.put("importance", Json.JSON.convertValue(test.path("importance"), Map.class));
            c.put("evaluation", evaluation);
        }
        Map<String, Object> training = new LinkedHashMap<>();
        if (version.lineage() != null) {
            training.put("file", version.lineage().dataFile());
            training.put("rows", version.lineage().dataRows());
            training.put("sha256", version.lineage().dataSha256());
            training.put("seed", version.lineage().seed());
        }
        c.put("trainingData", training);
        c.put("ethicalConsiderations", text(card, "ethicalConsiderations"));
        c.put("caveats", text(card, "caveats"));
        c.put("decisions", history.stream().filter(e -> e.subject().equals(version.ref()))
                .map(e -> e.time() + " " + e.actor() + " " + e.action() + " " + e.details()).toList());
        return c;
    }

    /** The card's human fields the spec leaves unstated. */
    static List<String> unstated(Path packageDir) {
        JsonNode card = cardFields(packageDir.resolve("spec.yaml"));
        return HUMAN_FIELDS.stream().filter(f -> text(card, f).equals(NOT_STATED)).toList();
    }

    @SuppressWarnings("unchecked")
    static HtmlReport render(HtmlReport report, Map<String, Object> c) {
        report.section("Model details").facts((Map<String, ?>) c.get("details"));
        report.section("Intended use").facts((Map<String, ?>) c.get("intendedUse"));
        report.section("Factors").facts((Map<String, ?>) c.get("factors"));
        report.section("Metrics (hold-out)");
        HtmlTable metrics = new HtmlTable("Metric", "Value");
        ((Map<String, Double>) c.get("metrics")).forEach(metrics::row);
        report.table(metrics);
        report.section("Evaluation data").paragraph(String.valueOf(c.get("evaluationData")));
        if (c.get("evaluation") instanceof Map<?, ?> evaluation) {
            HtmlTable t = new HtmlTable("Test result", "Value");
            t.row("status", evaluation.get("status"));
            t.row("rows", evaluation.get("rows"));
            if (evaluation.get("metrics") instanceof Map<?, ?> m) {
                m.forEach((k, v) -> t.row(String.valueOf(k), v));
            }
            report.table(t);
            if (evaluation.get("importance") instanceof Map<?, ?> importance && !importance.isEmpty()) {
                HtmlTable imp = new HtmlTable("Input", "Permutation importance");
                importance.entrySet().stream().limit(10).forEach(e -> imp.row(String.valueOf(e.getKey()), e.getValue()));
                report.section("Most important inputs (permutation importance)").table(imp);
            }
        }
        report.section("Training data").facts((Map<String, ?>) c.get("trainingData"));
        report.section("Ethical considerations").paragraph(String.valueOf(c.get("ethicalConsiderations")));
        report.section("Caveats and recommendations").paragraph(String.valueOf(c.get("caveats")));
        List<String> decisions = (List<String>) c.get("decisions");
        report.section("Decisions on record (audit log)");
        HtmlTable log = new HtmlTable("Entry");
        decisions.forEach(log::row);
        return report.table(log);
    }

    private static JsonNode cardFields(Path specYaml) {
        try {
            return Json.YAML.readTree(Files.readAllBytes(specYaml)).path("card");
        } catch (IOException e) {
            return Json.JSON.createObjectNode();
        }
    }

    private static String text(JsonNode card, String field) {
        return card.hasNonNull(field) ? card.get(field).asText() : NOT_STATED;
    }
}
