package io.jenkins.plugins.mlops.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mlops.contract.Json;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an approver sees before deciding, read from the gate's {@code gate.json} and the step
 * results it judged: the gate's verdict and rule (group, four eyes, who started the run), each
 * check with its value and threshold, the numbers of each judged step (the test's comparisons
 * with the production model among them) and how many columns drifted. Plain fields and lists
 * only: it is kept in {@code build.xml}.
 */
public final class ApprovalEvidence implements Serializable {
    private static final long serialVersionUID = 1L;

    /** One line of evidence: a check or a number, with its verdict. */
    public static final class Line implements Serializable {
        private static final long serialVersionUID = 1L;

        private final String source;
        private final String name;
        private final String status;
        private final String value;
        private final String threshold;
        private final String reason;

        Line(String source, String name, String status, String value, String threshold, String reason) {
            this.source = source;
            this.name = name;
            this.status = status;
            this.value = value;
            this.threshold = threshold;
            this.reason = reason;
        }

        public String getSource() {
            return source;
        }

        public String getName() {
            return name;
        }

        public String getStatus() {
            return status;
        }

        public String getValue() {
            return value;
        }

        public String getThreshold() {
            return threshold;
        }

        public String getReason() {
            return reason;
        }
    }

    private final String model;
    private final String stage;
    private final String gateStatus;
    private final String gateSummary;
    private final String group;
    private final boolean fourEyes;
    private final String startedBy;
    private final String digest;
    private final String drift;
    private final ArrayList<Line> lines;

    private ApprovalEvidence(String model, String stage, String gateStatus, String gateSummary, String group,
                             boolean fourEyes, String startedBy, String digest, String drift, List<Line> lines) {
        this.model = model;
        this.stage = stage;
        this.gateStatus = gateStatus;
        this.gateSummary = gateSummary;
        this.group = group;
        this.fourEyes = fourEyes;
        this.startedBy = startedBy;
        this.digest = digest;
        this.drift = drift;
        this.lines = new ArrayList<>(lines);
    }

    /**
     * @param gateJson the gate's result
     * @param judged the content of each step result the gate judged, by its step name
     *     ({@code validation}, {@code test}, ...); missing ones are left out
     */
    public static ApprovalEvidence of(String gateJson, Map<String, String> judged) {
        JsonNode gate = read(gateJson, "gate.json");
        if (!"gate".equals(gate.path("step").asText())) {
            throw new IllegalArgumentException("not a gate result (its step is '" + gate.path("step").asText() + "')");
        }
        List<Line> lines = new ArrayList<>();
        for (JsonNode check : gate.path("checks")) {
            lines.add(line("gate", check));
        }
        String drift = null;
        for (Map.Entry<String, String> e : judged.entrySet()) {
            JsonNode result = read(e.getValue(), e.getKey() + ".json");
            for (JsonNode check : result.path("checks")) {
                // the numbers of the judged steps: their verdicts are already among the gate's checks
                if (check.path("value").isNumber()) {
                    lines.add(line(e.getKey(), check));
                }
            }
            if (result.has("drift")) {
                drift = driftLine(result.path("drift"));
            }
        }
        JsonNode approval = gate.path("approval");
        return new ApprovalEvidence(text(gate, "model"), text(gate, "stage"), gate.path("status").asText(),
                gate.path("summary").asText(), text(approval, "group"), approval.path("fourEyes").asBoolean(true),
                text(gate, "startedBy"), text(gate, "evidence"), drift, lines);
    }

    /** The step results a gate judged: step name and workspace-relative file. */
    public static Map<String, String> judgedFiles(String gateJson) {
        Map<String, String> files = new LinkedHashMap<>();
        for (JsonNode input : read(gateJson, "gate.json").path("inputs")) {
            if (input.hasNonNull("step") && input.hasNonNull("file")) {
                files.put(input.get("step").asText(), input.get("file").asText());
            }
        }
        return files;
    }

    private static Line line(String source, JsonNode check) {
        return new Line(source, check.path("name").asText(), check.path("status").asText(), scalar(check.path("value")),
                scalar(check.path("threshold")), check.path("reason").asText(""));
    }

    /** "k of n columns drifted: a, b" over a validation result's {@code drift[]}. */
    private static String driftLine(JsonNode drift) {
        List<String> drifted = new ArrayList<>();
        int compared = 0;
        for (JsonNode column : drift) {
            compared++;
            if ("DRIFT".equals(column.path("verdict").asText())) {
                drifted.add(column.path("column").asText());
            }
        }
        return drifted.size() + " of " + compared + " columns drifted" + (drifted.isEmpty() ? "" : ": "
                + String.join(", ", drifted));
    }

    private static String scalar(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return "";
        }
        if (node.isFloatingPointNumber()) {
            return String.format(Locale.ROOT, "%.4g", node.asDouble());
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static JsonNode read(String json, String what) {
        try {
            return Json.JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(what + " is not JSON: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    public String getModel() {
        return model;
    }

    public String getStage() {
        return stage;
    }

    public String getGateStatus() {
        return gateStatus;
    }

    public String getGateSummary() {
        return gateSummary;
    }

    /** The group whose members may decide, or {@code null} when the policy names none. */
    public String getGroup() {
        return group;
    }

    public boolean isFourEyes() {
        return fourEyes;
    }

    public String getStartedBy() {
        return startedBy;
    }

    /** SHA-256 of the evidence the gate judged, which the audit entry records. */
    public String getDigest() {
        return digest;
    }

    /** How many columns drifted, or {@code null} when no judged step compared distributions. */
    public String getDrift() {
        return drift;
    }

    public List<Line> getLines() {
        return lines;
    }

    /** An override accepts a gate that FAILED; approve and reject answer one that NEEDS_APPROVAL. */
    public boolean isOverridable() {
        return "FAILED".equals(gateStatus) || "NEEDS_APPROVAL".equals(gateStatus);
    }
}
