package io.jenkins.plugins.mlops.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.contract.Check;
import io.jenkins.plugins.mlops.contract.CheckStatus;
import io.jenkins.plugins.mlops.contract.Status;
import io.jenkins.plugins.mlops.contract.StepResult;
import io.jenkins.plugins.mlops.data.CsvReader;
import io.jenkins.plugins.mlops.data.Table;
import io.jenkins.plugins.mlops.model.ModelInfo;
import io.jenkins.plugins.mlops.model.Network;
import io.jenkins.plugins.mlops.model.PackagedModel;
import io.jenkins.plugins.mlops.model.Preprocessor;
import io.jenkins.plugins.mlops.model.Task;
import io.jenkins.plugins.mlops.schema.SchemaInference;
import io.jenkins.plugins.mlops.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Models with known mistakes on real rows: each "network" answers from a table of the true labels
 * of the penguins data, wrong exactly on the rows chosen, so the expected verdicts are known.
 */
class ModelTestStepTest {
    private static final Path DATA = Fixtures.dataset("penguins.csv");
    private static final Table PENGUINS = new CsvReader().read(DATA);
    private static final Preprocessor PRE = Preprocessor.fit(PENGUINS, SchemaInference.infer(PENGUINS), "species",
            Task.CLASSIFICATION, List.of("island", "bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g",
                    "sex", "year"));

    /** Right on every row except those {@code wrong} selects, where it names the next class. */
    static PackagedModel scripted(String name, IntPredicate wrong) {
        Map<String, Integer> answers = new HashMap<>();
        int s = PENGUINS.columnIndex("species");
        for (int r = 0; r < PENGUINS.rowCount(); r++) {
            int truth = PRE.classes().indexOf(PENGUINS.value(r, s));
            answers.put(Arrays.toString(PRE.transform(PRE.featureValues(PENGUINS, r))), wrong.test(r) ? (truth + 1) % 3
                    : truth);
        }
        Network network = inputs -> {
            float[][] out = new float[inputs.length][3];
            for (int i = 0; i < inputs.length; i++) {
                out[i][answers.getOrDefault(Arrays.toString(inputs[i]), 0)] = 1f;
            }
            return out;
        };
        ModelInfo info = new ModelInfo(ModelInfo.FORMAT, "test", name, Task.CLASSIFICATION, "species", PRE.featureNames(),
                PRE.classes(), List.of());
        return new PackagedModel(null, info, PRE, network, name);
    }

    static boolean dream(int r) {
        return "Dream".equals(PENGUINS.value(r, PENGUINS.columnIndex("island")));
    }

    /** Better overall than the baseline (7 % wrong against 10 %), but worse on Dream. */
    static final PackagedModel CHALLENGER = scripted("challenger", r -> dream(r) && r % 5 == 0);
    static final PackagedModel BASELINE = scripted("baseline", r -> !dream(r) && r % 6 == 0);

    private static TestSuite suite(int minSize) {
        return new TestSuite(Map.of("accuracy", new TestSuite.Bound(0.8, null)),
                Map.of("accuracy", new TestSuite.Change(0.0, false)),
                new TestSuite.Slices(List.of("island"), minSize, 0.05, null), true, null,
                new TestSuite.Latency(null, null, 100.0), false);
    }

    private static Check check(StepResult r, String name) {
        return r.getChecks().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void betterOverallButWorseOnASliceFailsNamingIt(@TempDir Path out) {
        StepResult r = ModelTestStep.run(CHALLENGER, BASELINE, PENGUINS, DATA, suite(30), out);
        assertThat(r.getStatus()).isEqualTo(Status.FAILED);
        assertThat(check(r, "baseline:accuracy").status()).isEqualTo(CheckStatus.PASSED);
        assertThat((Double) check(r, "baseline:accuracy").value()).isPositive();
        assertThat(check(r, "slice:island=Dream").status()).isEqualTo(CheckStatus.FAILED);
        assertThat(check(r, "slice:island=Dream").reason()).contains("worse than the baseline").contains("95 % CI");
        assertThat(check(r, "slice:island=Biscoe").status()).isEqualTo(CheckStatus.PASSED);
        assertThat(r.getSummary()).contains("failing: slice:island=Dream");
        assertThat(check(r, "latency:vs-baseline").status()).isEqualTo(CheckStatus.PASSED);
    }

    @Test
    void aSliceBelowTheMinimumSizeGetsNoVerdict(@TempDir Path out) {
        // Dream has 124 rows: below a minimum of 130 it is INSUFFICIENT_DATA, not a failure
        StepResult r = ModelTestStep.run(CHALLENGER, BASELINE, PENGUINS, DATA, suite(130), out);
        assertThat(check(r, "slice:island=Dream").status()).isEqualTo(CheckStatus.INSUFFICIENT_DATA);
        assertThat(check(r, "slice:island=Torgersen").status()).isEqualTo(CheckStatus.INSUFFICIENT_DATA);
        assertThat(r.getStatus()).isEqualTo(Status.PASSED);
        // the summary does not call the slices without a verdict passed
        long passed = r.getChecks().stream().filter(c -> c.status() == CheckStatus.PASSED).count();
        assertThat(r.getSummary()).doesNotContain("all ").contains("; none of " + r.getChecks().size() + " checks failed: "
                + passed + " passed").contains("without enough data for a verdict.");
    }

    @Test
    void sanityInvarianceLatencyAndImportance(@TempDir Path out) throws Exception {
        TestSuite s = new TestSuite(Map.of("accuracy", new TestSuite.Bound(0.8, null)), null, null, true,
                List.of(new TestSuite.Invariance("year", 0.0)), new TestSuite.Latency(100.0, 100.0, null), true);
        StepResult r = ModelTestStep.run(CHALLENGER, null, PENGUINS, DATA, s, out);
        assertThat(check(r, "sanity:probabilities").status()).isEqualTo(CheckStatus.PASSED);
        assertThat(check(r, "sanity:deterministic").status()).isEqualTo(CheckStatus.PASSED);
        // the scripted model looks rows up by every input: changing the year changes its answers
        assertThat(check(r, "invariance:year").status()).isEqualTo(CheckStatus.FAILED);
        assertThat(check(r, "latency:p99").status()).isEqualTo(CheckStatus.PASSED);
        @SuppressWarnings("unchecked")
        Map<String, Double> importance = (Map<String, Double>) r.getSections().get("importance");
        assertThat(importance).containsKeys("island", "bill_length_mm");
        assertThat(Files.readString(out.resolve("test.html"))).contains("Permutation importance");
    }

    private static final Path DIAMONDS_FILE = Fixtures.dataset("diamonds.csv");
    private static final Table DIAMONDS = new CsvReader().read(DIAMONDS_FILE);

    /** A regression on the diamonds that reads the carat alone. */
    private static PackagedModel byCarat() {
        Preprocessor pre = Preprocessor.fit(DIAMONDS, SchemaInference.infer(DIAMONDS), "price", Task.REGRESSION,
                List.of("carat", "depth", "table", "cut"));
        Network network = inputs -> {
            float[][] out = new float[inputs.length][1];
            for (int i = 0; i < inputs.length; i++) {
                out[i][0] = inputs[i][0]; // the standardised carat, read as the standardised price
            }
            return out;
        };
        return new PackagedModel(null, new ModelInfo(ModelInfo.FORMAT, "test", "by-carat", Task.REGRESSION, "price",
                pre.featureNames(), List.of(), List.of()), pre, network, "by-carat");
    }

    /** On 53 940 diamonds: shuffling the seeded sample ranks carat and nothing else. */
    @Test
    void importanceOnALargeFileShufflesASeededSample(@TempDir Path out) throws Exception {
        StepResult r = ModelTestStep.run(byCarat(), null, DIAMONDS, DIAMONDS_FILE, new TestSuite(Map.of("r2",
                new TestSuite.Bound(0.3, null)), null, null, false, null, null, true), out);
        @SuppressWarnings("unchecked")
        Map<String, Double> importance = (Map<String, Double>) r.getSections().get("importance");
        assertThat(importance.keySet()).containsExactly("carat", "depth", "table", "cut");
        assertThat(importance.get("carat")).isGreaterThan(0.5);
        assertThat(importance).containsEntry("depth", 0.0).containsEntry("table", 0.0).containsEntry("cut", 0.0);
        assertThat(Files.readString(out.resolve("test.html"))).contains("on a seeded sample of 10000 of the 53940 rows");
    }

    /** The file streamed in batches keeps what the table in memory gives: every row's label and prediction, one sample. */
    @Test
    void aStreamedFileKeepsEveryLabelAndPredictionAndOneSeededSample() {
        PackagedModel model = byCarat();
        TestSuite suite = new TestSuite(Map.of("r2", new TestSuite.Bound(0.3, null)), null,
                new TestSuite.Slices(List.of("cut"), 30, 0.05, null), false, null, null, false);
        TestRows streamed = TestRows.read(DIAMONDS_FILE, model, null, suite);
        TestRows inMemory = TestRows.of(DIAMONDS, DIAMONDS_FILE, model, null, suite);
        assertThat(streamed.rows().columns()).containsExactly("price", "cut");
        assertThat(streamed.rows().rowCount()).isEqualTo(53_940);
        assertThat(streamed.predictions()).hasSize(53_940).isEqualTo(model.predict(DIAMONDS));
        assertThat(streamed.predictions()).isEqualTo(inMemory.predictions());
        for (int r : new int[] {0, 1, 26_000, 53_939}) {
            assertThat(streamed.rows().value(r, 1)).isEqualTo(DIAMONDS.value(r, DIAMONDS.columnIndex("cut")));
            assertThat(streamed.rows().line(r)).isEqualTo(DIAMONDS.line(r));
        }
        Table sample = streamed.sample();
        assertThat(sample.rowCount()).isEqualTo(TestRows.SAMPLE);
        assertThat(sample.columns()).isEqualTo(DIAMONDS.columns());
        long[] lines = java.util.stream.IntStream.range(0, sample.rowCount()).mapToLong(sample::line).toArray();
        assertThat(lines).isSorted().doesNotHaveDuplicates();
        assertThat(sample.row(0)).isEqualTo(DIAMONDS.row((int) lines[0] - 2));
        for (int r = 0; r < sample.rowCount(); r += 999) {
            assertThat(sample.row(r)).isEqualTo(inMemory.sample().row(r));
        }
    }

    @Test
    void casesFairnessAndDirection(@TempDir Path out) {
        Map<String, Object> firstRow = new java.util.LinkedHashMap<>();
        for (String f : PRE.featureNames()) {
            firstRow.put(f, PENGUINS.value(0, PENGUINS.columnIndex(f)));
        }
        TestSuite s = new TestSuite(null, null, null, false, null, null, false, null,
                List.of(new TestSuite.Case("first bird", firstRow, "Adelie", null, null),
                        new TestSuite.Case("wrong on purpose", firstRow, "Gentoo", null, null)),
                new TestSuite.Fairness("island", "accuracy", 0.1));
        StepResult r = ModelTestStep.run(CHALLENGER, null, PENGUINS, DATA, s, out);
        assertThat(check(r, "case:first bird").status()).isEqualTo(CheckStatus.PASSED);
        assertThat(check(r, "case:wrong on purpose").status()).isEqualTo(CheckStatus.FAILED);
        // wrong on a fifth of Dream only: a gap of about 0.2 between islands
        Check fairness = check(r, "fairness:island");
        assertThat(fairness.status()).isEqualTo(CheckStatus.FAILED);
        assertThat((Double) fairness.value()).isBetween(0.15, 0.25);

        // a regression "network" that is the standardised bill length itself: monotonic increasing
        Preprocessor regression = Preprocessor.fit(PENGUINS, SchemaInference.infer(PENGUINS), "body_mass_g",
                Task.REGRESSION, List.of("bill_length_mm"));
        Network identity = inputs -> {
            float[][] o = new float[inputs.length][1];
            for (int i = 0; i < inputs.length; i++) {
                o[i][0] = inputs[i][0];
            }
            return o;
        };
        PackagedModel linear = new PackagedModel(null, new ModelInfo(ModelInfo.FORMAT, "test", "linear", Task.REGRESSION,
                "body_mass_g", List.of("bill_length_mm"), List.of(), List.of()), regression, identity, "linear");
        TestSuite directions = new TestSuite(null, null, null, false, null, null, false,
                List.of(new TestSuite.Directional("bill_length_mm", "up", null),
                        new TestSuite.Directional("bill_length_mm", "down", null)), null, null);
        StepResult d = ModelTestStep.run(linear, null, PENGUINS, DATA, directions, out.resolve("d"));
        List<Check> checks = d.getChecks().stream().filter(c -> c.name().equals("directional:bill_length_mm")).toList();
        assertThat(checks.get(0).status()).isEqualTo(CheckStatus.PASSED);
        assertThat(checks.get(1).status()).isEqualTo(CheckStatus.FAILED);
    }
}
