package io.jenkins.plugins.mlops.tune;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mlops.contract.Check;
import io.jenkins.plugins.mlops.contract.CheckStatus;
import io.jenkins.plugins.mlops.contract.InvalidInputException;
import io.jenkins.plugins.mlops.contract.Json;
import io.jenkins.plugins.mlops.contract.Stage;
import io.jenkins.plugins.mlops.contract.Status;
import io.jenkins.plugins.mlops.contract.StepResult;
import io.jenkins.plugins.mlops.report.Html;
import io.jenkins.plugins.mlops.report.HtmlReport;
import io.jenkins.plugins.mlops.stage.StageExecutor;
import io.jenkins.plugins.mlops.stage.StageOutput;
import io.jenkins.plugins.mlops.stage.StageRunner;
import io.jenkins.plugins.mlops.report.Svg;
import io.jenkins.plugins.mlops.report.HtmlTable;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code tune} step: runs a search (or one shard of it) and writes the trials; {@code select}
 * merges the trials of several shards. Both write {@code best-spec.yaml}, the spec with the best
 * parameters, for the final {@code train} when the search is whole.
 */
public final class TuneStep extends StageExecutor<TuneSpec> {
    public static final String STEP = Stage.TUNE.result();
    public static final String BEST_SPEC = "best-spec.yaml";

    private final PrintStream progress;

    /** Progress lines (one per trial) go to standard output, as the CLI shows them. */
    public TuneStep() {
        this(System.out);
    }

    public TuneStep(PrintStream progress) {
        super(Stage.TUNE, TuneSpec.class);
        this.progress = progress;
    }

    public static StepResult run(Path specFile, Path dataFile, int parallelism, int shard, int shards, Path outDir,
                                 PrintStream progress) {
        return StageRunner.run(new TuneStep(progress), TuneSpec.search(specFile, dataFile, parallelism, shard, shards),
                outDir);
    }

    public static StepResult select(List<Path> results, Path outDir) {
        return StageRunner.run(new TuneStep(), TuneSpec.merge(results), outDir);
    }

    @Override
    public StageOutput execute(TuneSpec spec) {
        if (!spec.merge().isEmpty()) {
            return select(spec.merge());
        }
        Tuner tuner = new Tuner(spec.spec(), spec.data(), progress);
        long started = System.nanoTime();
        List<Trial> trials = tuner.run(spec.parallelism(), spec.shard(), spec.shards());
        double seconds = (System.nanoTime() - started) / 1e9;
        return output(tuner.method(), tuner.metric(), tuner.specYaml(), trials, spec.shard() + "/" + spec.shards(),
                spec.parallelism(), seconds);
    }

    /** Merges the trials of {@code tune.json} files (or folders holding one) and picks the best. */
    static StageOutput select(List<Path> results) {
        Map<String, Trial> byId = new LinkedHashMap<>();
        String method = null;
        String metric = null;
        String specYaml = null;
        for (Path p : results) {
            Path file = Files.isDirectory(p) ? p.resolve(STEP + ".json") : p;
            JsonNode node = Json.readTree(file);
            if (!STEP.equals(node.path("step").asText())) {
                throw InvalidInputException.in(file, "not a tune result");
            }
            if (metric != null && !metric.equals(node.path("metric").asText())) {
                throw InvalidInputException.in(file, "scores trials by " + node.path("metric").asText() + ", the others by "
                        + metric + ": shards of different searches");
            }
            if (specYaml != null && !specYaml.equals(node.path("spec").asText())) {
                throw InvalidInputException.in(file, "was run with another spec than the other shards");
            }
            method = node.path("method").asText();
            metric = node.path("metric").asText();
            specYaml = node.path("spec").asText();
            for (JsonNode t : node.path("trials")) {
                Trial trial = Json.JSON.convertValue(t, Trial.class);
                byId.merge(trial.id(), trial, (a, b) -> a.score() != null ? a : b);
            }
        }
        if (byId.isEmpty()) {
            throw new InvalidInputException("no trials in " + results);
        }
        return output(method, metric, specYaml, new ArrayList<>(byId.values()), "merged from " + results.size(), 0, 0);
    }

    static StageOutput output(String method, String metric, String specYaml, List<Trial> trials, String shard,
                              int parallelism, double seconds) {
        List<Trial> ranked = trials.stream().filter(t -> t.score() != null)
                .sorted(Comparator.comparingDouble(Trial::score).reversed().thenComparing(Trial::id)).toList();
        Trial best = ranked.isEmpty() ? null : ranked.get(0);
        List<Check> checks = new ArrayList<>();
        for (Trial t : trials) {
            checks.add(new Check("trial:" + t.id(), t.score() == null ? CheckStatus.FAILED : CheckStatus.PASSED, t.value(),
                    null, t.score() == null ? t.error() : metric + " " + Html.number(t.value()) + " after " + t.epochs()
                    + " epochs with " + t.params()));
        }
        String summary = best == null ? "All " + trials.size() + " trials failed."
                : method + " search, " + trials.size() + " trials (shard " + shard + "): best " + metric + " "
                + Html.number(best.value()) + " with " + best.params() + (seconds > 0 ? String.format(Locale.ROOT,
                "; %.1f s with %d parallel trial%s", seconds, parallelism, parallelism == 1 ? "" : "s") : "") + ".";
        StepResult result = new StepResult(STEP, best == null ? Status.FAILED : Status.PASSED, summary, checks)
                .with("method", method)
                .with("metric", metric)
                .with("shard", shard)
                .with("parallelism", parallelism)
                .with("seconds", seconds)
                .with("best", best)
                .with("trials", trials)
                .with("spec", specYaml);
        if (best != null) {
            result.withArtifact(BEST_SPEC);
        }
        HtmlReport report = HtmlReport.forResult("Hyperparameter tuning", result);
        report.section("Trials, best first");
        HtmlTable table = new HtmlTable("Trial", "Parameters", metric, "Epochs", "Seconds", "Status");
        for (Trial t : ranked) {
            table.rowWithClass(t == best ? "row-best" : null, t.id(), t.params().toString(), t.value(), t.epochs(),
                    t.seconds(), t.status());
        }
        trials.stream().filter(t -> t.score() == null).forEach(t -> table.rowWithClass("row-failed", t.id(),
                t.params().toString(), null, t.epochs(), t.seconds(), t.error()));
        report.table(table);
        if (ranked.size() > 1) {
            List<Trial> top = ranked.subList(0, Math.min(15, ranked.size()));
            report.figure(Svg.bars(top.stream().map(Trial::id).toList(), top.stream().mapToDouble(Trial::value).toArray(),
                    metric + " per trial"), metric + " of the best trials, on the validation share of the training rows.");
        }
        if (best != null) {
            report.link(BEST_SPEC, "The spec with the best parameters (train the final model with it)");
        }
        StageOutput output = StageOutput.of(result, report);
        return best == null ? output : output.withFile(Path.of(BEST_SPEC),
                Tuner.specYamlFor(specYaml, best.params()).getBytes(StandardCharsets.UTF_8));
    }
}
