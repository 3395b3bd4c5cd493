package io.jenkins.plugins.mlops.evaluation;

import io.jenkins.plugins.mlops.model.Prediction;
import java.util.ArrayList;
import java.util.Arrays;
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
    /** Curve points kept whole up to this many distinct scores. */
    static final int MAX_POINTS = 2000;

    public static BinaryCurves of(List<String> classes, String[] labels, List<Prediction> predictions) {
        String positive = classes.get(1);
        int n = labels.length;
        double[] score = new double[n];
        for (int i = 0; i < n; i++) {
            score[i] = predictions.get(i).probabilities()[1];
        }
        // each class's scores sorted, walked from the top together: primitive arrays, so millions of rows fit
        long positives = Arrays.stream(labels).filter(positive::equals).count();
        double[] pos = new double[(int) positives];
        double[] neg = new double[(int) (n - positives)];
        int filledPos = 0;
        int filledNeg = 0;
        for (int i = 0; i < n; i++) {
            if (positive.equals(labels[i])) {
                pos[filledPos++] = score[i];
            } else {
                neg[filledNeg++] = score[i];
            }
        }
        Arrays.sort(pos);
        Arrays.sort(neg);
        long negatives = n - positives;
        int thresholds = distinct(pos, neg);
        // a point per distinct score, thinned past MAX_POINTS to steps of a thousandth (AUC and AP use every step)
        double step = thresholds > MAX_POINTS ? 1e-3 : 0;
        List<double[]> roc = new ArrayList<>();
        List<double[]> pr = new ArrayList<>();
        roc.add(new double[] {0, 0});
        double tp = 0;
        double fp = 0;
        double auc = 0;
        double ap = 0;
        double prevRecall = 0;
        double[] last = {0, 0};
        int pi = pos.length - 1;
        int ni = neg.length - 1;
        while (pi >= 0 || ni >= 0) {
            double threshold = Math.max(pi >= 0 ? pos[pi] : Double.NEGATIVE_INFINITY, ni >= 0 ? neg[ni] : Double.NEGATIVE_INFINITY);
            // tied scores form one step
            while (pi >= 0 && pos[pi] == threshold) {
                tp++;
                pi--;
            }
            while (ni >= 0 && neg[ni] == threshold) {
                fp++;
                ni--;
            }
            double tpr = positives == 0 ? 0 : tp / positives;
            double fpr = negatives == 0 ? 0 : fp / negatives;
            auc += (fpr - last[0]) * (tpr + last[1]) / 2;
            last = new double[] {fpr, tpr};
            double precision = tp / (tp + fp);
            ap += (tpr - prevRecall) * precision;
            prevRecall = tpr;
            double[] kept = roc.get(roc.size() - 1);
            boolean end = pi < 0 && ni < 0;
            if (step == 0 || end || Math.abs(fpr - kept[0]) >= step || Math.abs(tpr - kept[1]) >= step) {
                roc.add(last);
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

    /** Distinct values of two sorted arrays together, counted in one merge. */
    private static int distinct(double[] a, double[] b) {
        int count = 0;
        int i = 0;
        int j = 0;
        double previous = Double.NaN;
        while (i < a.length || j < b.length) {
            double next = j >= b.length || i < a.length && a[i] <= b[j] ? a[i++] : b[j++];
            if (count == 0 || next != previous) {
                count++;
                previous = next;
            }
        }
        return count;
    }
}
