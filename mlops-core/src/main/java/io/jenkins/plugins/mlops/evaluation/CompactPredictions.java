package io.jenkins.plugins.mlops.evaluation;

import io.jenkins.plugins.mlops.model.Prediction;
import io.jenkins.plugins.mlops.model.Preprocessor;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;

/**
 * Predictions of millions of rows as the network gave them: a classifier's class probabilities as floats (which
 * they were), a regression's values; {@link #get} decodes a row as the model does, so every metric sees exactly the
 * predictions it would see in a list of {@link Prediction}s, for a tenth of the memory.
 */
final class CompactPredictions extends AbstractList<Prediction> {
    private final Preprocessor pre;
    private final int width;
    private float[] probabilities;
    private double[] values;
    private int size;

    CompactPredictions(Preprocessor pre) {
        this.pre = pre;
        this.width = pre.classes().size();
        if (width > 0) {
            probabilities = new float[64 * width];
        } else {
            values = new double[64];
        }
    }

    void append(List<Prediction> batch) {
        for (Prediction p : batch) {
            if (width > 0) {
                if ((size + 1) * width > probabilities.length) {
                    probabilities = Arrays.copyOf(probabilities, probabilities.length * 2);
                }
                for (int k = 0; k < width; k++) {
                    probabilities[size * width + k] = (float) p.probabilities()[k];
                }
            } else {
                if (size == values.length) {
                    values = Arrays.copyOf(values, size * 2);
                }
                values[size] = p.value();
            }
            size++;
        }
    }

    @Override
    public Prediction get(int row) {
        if (width == 0) {
            return new Prediction(null, values[row], null);
        }
        return pre.decode(Arrays.copyOfRange(probabilities, row * width, (row + 1) * width));
    }

    @Override
    public int size() {
        return size;
    }
}
