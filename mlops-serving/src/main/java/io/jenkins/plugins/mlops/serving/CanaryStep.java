package io.jenkins.plugins.mlops.serving;

import io.jenkins.plugins.mlops.contract.Check;
import io.jenkins.plugins.mlops.contract.CheckStatus;
import io.jenkins.plugins.mlops.contract.InvalidInputException;
import io.jenkins.plugins.mlops.contract.Json;
import io.jenkins.plugins.mlops.contract.Provenance;
import io.jenkins.plugins.mlops.contract.Stage;
import io.jenkins.plugins.mlops.contract.Status;
import io.jenkins.plugins.mlops.contract.StepResult;
import io.jenkins.plugins.mlops.data.Sha256;
import io.jenkins.plugins.mlops.drift.ColumnDrift;
import io.jenkins.plugins.mlops.drift.DriftConfig;
import io.jenkins.plugins.mlops.drift.DriftDetector;
import io.jenkins.plugins.mlops.drift.DriftReports;
import io.jenkins.plugins.mlops.drift.DriftVerdict;
import io.jenkins.plugins.mlops.audit.AuditLog;
import io.jenkins.plugins.mlops.monitor.MonitorStep;
import io.jenkins.plugins.mlops.monitor.PredictionLogEntry;
import io.jenkins.plugins.mlops.report.Html;
import io.jenkins.plugins.mlops.report.HtmlReport;
import io.jenkins.plugins.mlops.stage.StageExecutor;
import io.jenkins.plugins.mlops.stage.StageOutput;
import io.jenkins.plugins.mlops.stage.StageRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.DoubleStream;

/**
 * The {@code canary} step: compares the canary with the primary on the requests each answered
 * (prediction distribution with the drift statistics, latency), then promotes or rolls back through
 * the admin API, or waits when the canary has answered too few requests. The decision and its
 * evidence go to the audit log.
 */
public final class CanaryStep extends StageExecutor<CanarySpec> {
    public static final String STEP = Stage.CANARY.result();
    /** Where the route change's own result goes, under the canary's output folder. */
    static final String ROUTE_DIR = "route";

    /**
     * @param minRows fewer canary rows: wait (INSUFFICIENT_DATA), decide nothing
     * @param maxLatencyRatio the canary's p99 may be at most this multiple of the primary's
     */
    public record Policy(int minRows, double maxLatencyRatio) {
        public static final Policy DEFAULT = new Policy(50, 2.0);
    }

    private final String token;

    /** The admin token is read, when the route changes, from the spec's token file or the environment. */
    public CanaryStep() {
        this(null);
    }

    /** With the admin token given (library use); null: as {@link #CanaryStep()}. */
    public CanaryStep(String token) {
        super(Stage.CANARY, CanarySpec.class);
        this.token = token;
    }

    public static StepResult run(CanarySpec spec, String token, Path outDir) {
        return StageRunner.run(new CanaryStep(token), spec, outDir);
    }

    @Override
    public StageOutput execute(CanarySpec spec) {
        String model = spec.model();
        String primary = spec.primary();
        String canary = spec.canary();
        Path log = spec.log();
        Policy policy = spec.policy();
        Answers p = new Answers();
        Answers c = new Answers();
        // a version's predictions and latencies are all the analysis needs of its entries
        Provenance.DataFile file = MonitorStep.eachEntry(log, e -> {
            if (model.equals(e.model()) && !e.isShadow()) {
                if (primary.equals(e.version())) {
                    p.add(e);
                }
                if (canary.equals(e.version())) {
                    c.add(e);
                }
            }
        });
        if (p.rows() == 0) {
            throw InvalidInputException.in(log, "no logged answers of " + model + "@" + primary + " to compare with");
        }
        List<Check> checks = new ArrayList<>();
        Map<String, Long> primaryCounts = p.predictions;
        Map<String, Long> canaryCounts = c.predictions;
        double p99p = p.p99();
        double p99c = c.p99();
        String decision;
        ColumnDrift predictions = null;
        if (c.rows() < policy.minRows()) {
            checks.add(new Check("canary-rows", CheckStatus.INSUFFICIENT_DATA, c.rows(), ">= " + policy.minRows(),
                    "The canary answered only " + c.rows() + " rows; waiting for " + policy.minRows() + "."));
            decision = "wait";
        } else {
            predictions = new DriftDetector(DriftConfig.DEFAULT).compare(List.of(new DriftDetector.Categorical(
                    "prediction", primaryCounts, canaryCounts))).get(0);
            checks.addAll(DriftReports.checks("predictions:", List.of(predictions)));
            double ratio = p99c / Math.max(1e-9, p99p);
            checks.add(Check.of("latency-p99", ratio <= policy.maxLatencyRatio(), ratio, "<= " + policy.maxLatencyRatio()
                    + "x", "Canary p99 " + Html.number(p99c) + " ms against the primary's " + Html.number(p99p) + " ms."));
            boolean bad = predictions.verdict() == DriftVerdict.DRIFT || ratio > policy.maxLatencyRatio();
            decision = bad ? "rollback" : "promote";
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("model", model);
        evidence.put("primary", p.evidence(primary));
        evidence.put("canary", c.evidence(canary));
        evidence.put("decision", decision);
        String digest;
        try {
            digest = Sha256.of(Json.JSON.writeValueAsBytes(evidence));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StageOutput route = decision.equals("wait") ? null : new DeployStep(token).execute(
                DeploySpec.route(spec.server(), model, decision, spec.tokenFile()));
        if (spec.registry() != null) {
            new AuditLog(spec.registry()).append("canary-analysis", "canary-" + decision, model + "@" + canary, digest, Map.of("primary", primary,
                    "canaryRows", String.valueOf(c.rows()), "checks", checks.stream().map(k -> k.name() + "="
                            + k.status()).toList().toString()));
        }
        boolean acted = route == null || route.result().getStatus() == Status.PASSED;
        Status status = !acted ? Status.ERROR : decision.equals("rollback") ? Status.FAILED : Status.PASSED;
        String summary = switch (decision) {
            case "wait" -> "Canary " + model + "@" + canary + " answered " + c.rows() + " rows; no decision yet.";
            case "rollback" -> "Rolled back canary " + model + "@" + canary + ": " + String.join("; ", checks.stream()
                    .filter(k -> k.status() == CheckStatus.FAILED).map(Check::reason).toList());
            default -> "Promoted canary " + model + "@" + canary + " after " + c.rows() + " rows: predictions and latency"
                    + " in line with " + primary + ".";
        } + (acted ? "" : " The admin call failed: " + route.result().getSummary());
        StepResult result = new StepResult(STEP, status, summary, checks)
                .with("decision", decision)
                .with("evidence", evidence)
                .with("evidenceDigest", digest)
                .with(Provenance.SECTION, new Provenance(null, null, ServedVersions.digest(spec.registry(), model, canary),
                        file, ServedVersions.digest(spec.registry(), model, primary)));
        HtmlReport report = HtmlReport.forResult("Canary analysis", result);
        if (predictions != null) {
            DriftReports.render(report, "Prediction distribution: primary (reference) vs canary", List.of(predictions));
        }
        StageOutput output = StageOutput.of(result, report);
        return route == null ? output : output.withNested(ROUTE_DIR, route);
    }

    /** One version's answers as far as the analysis goes: counts by prediction and the latencies. */
    private static final class Answers {
        final Map<String, Long> predictions = new HashMap<>();
        private final DoubleStream.Builder latencies = DoubleStream.builder();
        private int rows;
        private Double p99;

        void add(PredictionLogEntry e) {
            predictions.merge(e.prediction(), 1L, Long::sum);
            latencies.add(e.latencyMs());
            rows++;
        }

        int rows() {
            return rows;
        }

        /** Once the log is read (the latencies are sorted once). */
        double p99() {
            if (p99 == null) {
                double[] ms = latencies.build().sorted().toArray();
                p99 = ms.length == 0 ? 0 : ms[Math.min(ms.length - 1, (int) (ms.length * 0.99))];
            }
            return p99;
        }

        /** In a fixed order: the evidence digest is over its JSON (Map.of's order changes from one JVM to the next). */
        Map<String, Object> evidence(String version) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("version", version);
            out.put("rows", rows);
            out.put("predictions", predictions);
            out.put("p99Ms", p99());
            return out;
        }
    }
}
