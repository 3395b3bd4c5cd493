package io.jenkins.plugins.mlops.adapter;

import io.jenkins.plugins.mlops.contract.ApprovalDecision;
import io.jenkins.plugins.mlops.contract.Check;
import io.jenkins.plugins.mlops.contract.GateDecision;
import io.jenkins.plugins.mlops.contract.Json;
import io.jenkins.plugins.mlops.contract.ResultFile;
import io.jenkins.plugins.mlops.contract.Status;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an approver sees before deciding, read from the gate's {@code gate.json} and the step
 * results it judged: the gate's verdict and rule (deciders, four eyes, who started the run), each
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
    private final String deciders;
    private final boolean fourEyes;
    private final String startedBy;
    private final String digest;
    private final String drift;
    private final ArrayList<Line> lines;

    private ApprovalEvidence(String model, String stage, String gateStatus, String gateSummary, String deciders,
                             boolean fourEyes, String startedBy, String digest, String drift, List<Line> lines) {
        this.model = model;
        this.stage = stage;
        this.gateStatus = gateStatus;
        this.gateSummary = gateSummary;
        this.deciders = deciders;
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
        GateDecision gate = GateDecision.parse(gateJson, "gate.json");
        List<Line> lines = new ArrayList<>();
        for (Check check : gate.checks()) {
            lines.add(line("gate", check));
        }
        String drift = null;
        for (Map.Entry<String, String> e : judged.entrySet()) {
            ResultFile result = ResultFile.parse(e.getValue(), e.getKey() + ".json");
            for (Check check : result.checks()) {
                // the numbers of the judged steps: their verdicts are already among the gate's checks
                if (check.value() instanceof Number) {
                    lines.add(line(e.getKey(), check));
                }
            }
            if (!result.drift().isEmpty()) {
                drift = driftLine(result.drift());
            }
        }
        GateDecision.Approval approval = gate.approval() == null ? new GateDecision.Approval(null, null, null)
                : gate.approval();
        return new ApprovalEvidence(gate.model(), gate.stage(), String.valueOf(gate.status()), gate.summary(),
                approval.namesDeciders() ? approval.deciders() : null, approval.requiresFourEyes(), gate.startedBy(), gate.evidence(), drift, lines);
    }

    /** The step results a gate judged: step name and workspace-relative file. */
    public static Map<String, String> judgedFiles(String gateJson) {
        Map<String, String> files = new LinkedHashMap<>();
        for (GateDecision.Input input : GateDecision.parse(gateJson, "gate.json").inputs()) {
            if (input.step() != null && input.file() != null) {
                files.put(input.step(), input.file());
            }
        }
        return files;
    }

    private static Line line(String source, Check check) {
        return new Line(source, check.name(), check.status().name(), scalar(check.value()), scalar(check.threshold()),
                check.reason());
    }

    /** "k of n columns drifted: a, b" over a validation result's drift verdicts. */
    private static String driftLine(List<ResultFile.ColumnVerdict> drift) {
        List<String> drifted = drift.stream().filter(c -> "DRIFT".equals(c.verdict()))
                .map(ResultFile.ColumnVerdict::column).toList();
        return drifted.size() + " of " + drift.size() + " columns drifted" + (drifted.isEmpty() ? "" : ": "
                + String.join(", ", drifted));
    }

    private static String scalar(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double || value instanceof Float) {
            return String.format(Locale.ROOT, "%.4g", ((Number) value).doubleValue());
        }
        return value instanceof Number || value instanceof String || value instanceof Boolean ? value.toString()
                : Json.compact(value);
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

    /** Who may decide in words ("a member of 'ml-leads'", "alice or carol"), or {@code null} when the policy names none. */
    public String getDeciders() {
        return deciders;
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

    /** Whether an override would answer the gate (the engine's rule: a FAILED gate too). */
    public boolean isOverridable() {
        try {
            return ApprovalDecision.OVERRIDE.answers(Status.valueOf(gateStatus));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
