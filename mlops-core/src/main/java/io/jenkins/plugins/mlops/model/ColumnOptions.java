package io.jenkins.plugins.mlops.model;

import java.util.Locale;

/**
 * How one input column is prepared. Numeric columns: imputation, an optional symmetric log
 * ({@code sign(x)·ln(1+|x|)}, defined for every x), then scaling; other columns: imputation, then
 * one-hot with an "unknown" bucket.
 *
 * @param impute how missing values are filled
 * @param constant the fill value when {@code impute} is {@code CONSTANT}
 */
public record ColumnOptions(Impute impute, String constant, Scale scale, boolean log) {
    public enum Impute {
        MEAN,
        MEDIAN,
        MOST_FREQUENT,
        CONSTANT;

        public static Impute parse(String text) {
            return valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    public enum Scale {
        STANDARD,
        MINMAX,
        NONE;

        public static Scale parse(String text) {
            return valueOf(text.toUpperCase(Locale.ROOT).replace("-", "").replace("_", ""));
        }
    }

    /** Mean imputation and standardisation for numbers, most-frequent imputation for categories. */
    public static final ColumnOptions NUMERIC_DEFAULT = new ColumnOptions(Impute.MEAN, null, Scale.STANDARD, false);
    public static final ColumnOptions CATEGORICAL_DEFAULT = new ColumnOptions(Impute.MOST_FREQUENT, null, Scale.NONE,
            false);
}
