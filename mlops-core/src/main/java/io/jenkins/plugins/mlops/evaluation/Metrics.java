package io.jenkins.plugins.mlops.evaluation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Model quality metrics computed from actual and predicted values. */
public final class Metrics {
    private Metrics() {
    }

    /** Confusion counts: {@code [actual][predicted]} over {@code classes}. */
    public static long[][] confusion(List<String> actual, List<String> predicted, List<String> classes) {
        long[][] m = new long[classes.size()][classes.size()];
        for (int i = 0; i < actual.size(); i++) {
            int a = classes.indexOf(actual.get(i));
            int p = classes.indexOf(predicted.get(i));
            if (a >= 0 && p >= 0) {
                m[a][p]++;
            }
        }
        return m;
    }

    /** accuracy, macroF1, and per-class precision/recall/F1 from a confusion matrix. */
    public static Map<String, Double> classification(long[][] confusion, List<String> classes) {
        Map<String, Double> out = new LinkedHashMap<>();
        long total = 0;
        long correct = 0;
        double f1Sum = 0;
        for (int k = 0; k < classes.size(); k++) {
            long tp = confusion[k][k];
            long actual = 0;
            long predicted = 0;
            for (int j = 0; j < classes.size(); j++) {
                actual += confusion[k][j];
                predicted += confusion[j][k];
                total += confusion[k][j];
            }
            correct += tp;
            double precision = predicted == 0 ? 0 : (double) tp / predicted;
            double recall = actual == 0 ? 0 : (double) tp / actual;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            f1Sum += f1;
            out.put("precision[" + classes.get(k) + "]", precision);
            out.put("recall[" + classes.get(k) + "]", recall);
            out.put("f1[" + classes.get(k) + "]", f1);
        }
        Map<String, Double> ordered = new LinkedHashMap<>();
        ordered.put("accuracy", total == 0 ? 0 : (double) correct / total);
        ordered.put("macroF1", classes.isEmpty() ? 0 : f1Sum / classes.size());
        ordered.putAll(out);
        return ordered;
    }

    /** rmse, mae and r2 (coefficient of determination). */
    public static Map<String, Double> regression(double[] actual, double[] predicted) {
        double mean = 0;
        for (double a : actual) {
            mean += a / actual.length;
        }
        double se = 0;
        double ae = 0;
        double tot = 0;
        for (int i = 0; i < actual.length; i++) {
            double e = actual[i] - predicted[i];
            se += e * e;
            ae += Math.abs(e);
            tot += (actual[i] - mean) * (actual[i] - mean);
        }
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("rmse", Math.sqrt(se / actual.length));
        out.put("mae", ae / actual.length);
        out.put("r2", tot == 0 ? 0 : 1 - se / tot);
        return out;
    }
}
