package io.jenkins.plugins.mlops.model;

/**
 * One row's prediction.
 *
 * @param label the predicted class (classification), {@code null} for regression
 * @param value the regression estimate, or the probability of the predicted class
 * @param probabilities per class in {@link Preprocessor#classes()} order; {@code null} for regression
 */
public record Prediction(String label, double value, double[] probabilities) {
}
