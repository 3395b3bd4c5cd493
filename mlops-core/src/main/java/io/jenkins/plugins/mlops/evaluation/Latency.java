package io.jenkins.plugins.mlops.evaluation;

import io.jenkins.plugins.mlops.contract.Check;
import io.jenkins.plugins.mlops.data.Table;
import io.jenkins.plugins.mlops.model.PackagedModel;
import io.jenkins.plugins.mlops.report.Html;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Latency of the packaged model in this process: single-row percentiles and batch throughput. */
final class Latency {
    static final int WARM_UP = 200;
    static final int SAMPLES = 500;

    private Latency() {
    }

    static Map<String, Double> measure(PackagedModel model, Table rows) {
        List<String[]> features = new ArrayList<>();
        for (int r = 0; r < rows.rowCount(); r++) {
            features.add(model.preprocessor().featureValues(rows, r));
        }
        for (int i = 0; i < WARM_UP; i++) {
            model.predict(List.<String[]>of(features.get(i % features.size())));
        }
        double[] ms = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            long t = System.nanoTime();
            model.predict(List.<String[]>of(features.get(i % features.size())));
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        List<String[]> batch = new ArrayList<>();
        while (batch.size() < 1024) {
            batch.addAll(features.subList(0, Math.min(features.size(), 1024 - batch.size())));
        }
        model.predict(batch);
        long t = System.nanoTime();
        int batches = 10;
        for (int i = 0; i < batches; i++) {
            model.predict(batch);
        }
        double seconds = (System.nanoTime() - t) / 1e9;
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("p50Ms", ms[SAMPLES / 2]);
        out.put("p95Ms", ms[(int) (SAMPLES * 0.95)]);
        out.put("p99Ms", ms[(int) (SAMPLES * 0.99)]);
        out.put("batchRowsPerSecond", batches * 1024 / seconds);
        return out;
    }

    static List<Check> checks(Map<String, Double> measured, TestSuite.Latency bounds) {
        List<Check> checks = new ArrayList<>();
        if (bounds.p99Ms() != null) {
            double p99 = measured.get("p99Ms");
            checks.add(Check.of("latency:p99", p99 <= bounds.p99Ms(), p99, "<= " + bounds.p99Ms() + " ms", "Single-row"
                    + " p50 " + Html.number(measured.get("p50Ms")) + " ms, p95 " + Html.number(measured.get("p95Ms"))
                    + " ms, p99 " + Html.number(p99) + " ms over " + SAMPLES + " calls after " + WARM_UP + " warm-up calls."));
        }
        if (bounds.minRowsPerSecond() != null) {
            double rate = measured.get("batchRowsPerSecond");
            checks.add(Check.of("latency:throughput", rate >= bounds.minRowsPerSecond(), rate, ">= "
                    + bounds.minRowsPerSecond() + " rows/s", "Batches of 1024 rows: " + Html.number(rate) + " rows/s."));
        }
        return checks;
    }
}
