package io.jenkins.plugins.mlops.evaluation;

import io.jenkins.plugins.mlops.model.Prediction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ROC and precision-recall curves and a calibration table for a binary classifier, the second
 * class (in the model's class order) taken as positive.
 *
 * @param calibration per bin of predicted probability: mean prediction, observed share, rows
 */
public record BinaryCurves(String positive, double auc, double averagePrecision, double[] fpr, double[] tpr,
                           double[] recall, double[] precision, List<Map<String, Double>> calibration) {
    static final int CALIBRATION_BINS = 10;

    public static BinaryCurves of(List<String> classes, String[] labels, List<Prediction> predictions) {
        String positive = classes.get(1);
        int n = labels.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        double[] score = predictions.stream().mapToDouble(p -> p.probabilities()[1]).toArray();
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -score[i]));
        long positives = Arrays.stream(labels).filter(positive::equals).count();
        long negatives = n - positives;
        List<double[]> roc = new ArrayList<>();
        List<double[]> pr = new ArrayList<>();
        roc.add(new double[] {0, 0});
        double tp = 0;
        double fp = 0;
        double auc = 0;
        double ap = 0;
        double prevRecall = 0;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            if (positive.equals(labels[i])) {
                tp++;
            } else {
                fp++;
            }
            // emit a point only where the score changes: tied scores form one step
            if (k == n - 1 || score[order[k + 1]] != score[i]) {
                double tpr = positives == 0 ? 0 : tp / positives;
                double fpr = negatives == 0 ? 0 : fp / negatives;
                double[] last = roc.get(roc.size() - 1);
                auc += (fpr - last[0]) * (tpr + last[1]) / 2;
                roc.add(new double[] {fpr, tpr});
                double precision = tp / (tp + fp);
                ap += (tpr - prevRecall) * precision;
                prevRecall = tpr;
                pr.add(new double[] {tpr, precision});
            }
        }
        List<Map<String, Double>> calibration = new ArrayList<>();
        for (int b = 0; b < CALIBRATION_BINS; b++) {
            double lo = (double) b / CALIBRATION_BINS;
            double hi = (double) (b + 1) / CALIBRATION_BINS;
            double sum = 0;
            double hits = 0;
            int count = 0;
            for (int i = 0; i < n; i++) {
                if (score[i] >= lo && (score[i] < hi || b == CALIBRATION_BINS - 1)) {
                    sum += score[i];
                    hits += positive.equals(labels[i]) ? 1 : 0;
                    count++;
                }
            }
            if (count > 0) {
                Map<String, Double> bin = new LinkedHashMap<>();
                bin.put("meanPredicted", sum / count);
                bin.put("observed", hits / count);
                bin.put("rows", (double) count);
                calibration.add(bin);
            }
        }
        return new BinaryCurves(positive, auc, ap, roc.stream().mapToDouble(p -> p[0]).toArray(),
                roc.stream().mapToDouble(p -> p[1]).toArray(), pr.stream().mapToDouble(p -> p[0]).toArray(),
                pr.stream().mapToDouble(p -> p[1]).toArray(), calibration);
    }
}
