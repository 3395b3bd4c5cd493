package io.jenkins.plugins.mlops.evaluation;

import io.jenkins.plugins.mlops.model.Prediction;
import io.jenkins.plugins.mlops.model.Task;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Metrics over any subset of the test rows, and paired bootstrap confidence intervals of the
 * difference between two models on the same rows, so that a small slice cannot pass or fail on
 * noise.
 */
final class Scoring {
    static final int RESAMPLES = 400;
    static final long SEED = 20261126L;

    private final Task task;
    private final List<String> classes;
    private final String[] labels;
    private final double[] values;

    Scoring(Task task, List<String> classes, String[] labels, double[] values) {
        this.task = task;
        this.classes = classes;
        this.labels = labels;
        this.values = values;
    }

    double metric(String name, int[] rows, List<Prediction> predictions) {
        if (task == Task.CLASSIFICATION) {
            if (name.equals("accuracy")) {
                int correct = 0;
                for (int r : rows) {
                    correct += labels[r].equals(predictions.get(r).label()) ? 1 : 0;
                }
                return rows.length == 0 ? Double.NaN : (double) correct / rows.length;
            }
            List<String> actual = new ArrayList<>(rows.length);
            List<String> predicted = new ArrayList<>(rows.length);
            for (int r : rows) {
                actual.add(labels[r]);
                predicted.add(predictions.get(r).label());
            }
            return Metrics.classification(Metrics.confusion(actual, predicted, classes), classes).get(name);
        }
        double[] a = new double[rows.length];
        double[] p = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            a[i] = values[rows[i]];
            p[i] = predictions.get(rows[i]).value();
        }
        return Metrics.regression(a, p).get(name);
    }

    /** How much better {@code challenger} is (positive: better), following the metric's direction. */
    double improvement(String name, int[] rows, List<Prediction> challenger, List<Prediction> baseline) {
        double d = metric(name, rows, challenger) - metric(name, rows, baseline);
        return TestSuite.LOWER_IS_BETTER.contains(name) ? -d : d;
    }

    /** 95 % percentile interval of the improvement over paired resamples of {@code rows}. */
    double[] improvementInterval(String name, int[] rows, List<Prediction> challenger, List<Prediction> baseline) {
        SplittableRandom random = new SplittableRandom(SEED + rows.length);
        double[] diffs = new double[RESAMPLES];
        int[] sample = new int[rows.length];
        for (int b = 0; b < RESAMPLES; b++) {
            for (int i = 0; i < sample.length; i++) {
                sample[i] = rows[random.nextInt(rows.length)];
            }
            diffs[b] = improvement(name, sample, challenger, baseline);
        }
        Arrays.sort(diffs);
        return new double[] {diffs[(int) (0.025 * RESAMPLES)], diffs[(int) (0.975 * RESAMPLES) - 1]};
    }

    /** 95 % percentile interval of one model's metric. */
    double[] interval(String name, int[] rows, List<Prediction> predictions) {
        SplittableRandom random = new SplittableRandom(SEED + 7 * rows.length);
        double[] values = new double[RESAMPLES];
        int[] sample = new int[rows.length];
        for (int b = 0; b < RESAMPLES; b++) {
            for (int i = 0; i < sample.length; i++) {
                sample[i] = rows[random.nextInt(rows.length)];
            }
            values[b] = metric(name, sample, predictions);
        }
        Arrays.sort(values);
        return new double[] {values[(int) (0.025 * RESAMPLES)], values[(int) (0.975 * RESAMPLES) - 1]};
    }
}
