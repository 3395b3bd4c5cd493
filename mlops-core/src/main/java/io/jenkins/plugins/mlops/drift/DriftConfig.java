package io.jenkins.plugins.mlops.drift;

/**
 * Thresholds of the drift decision. A column drifts only when its test is significant after a
 * correction for the number of columns tested (a p-value alone flags almost everything on large
 * samples) AND its effect size reaches a floor (a distance alone misfires on small samples); below
 * {@code minSamples} on either side the verdict is INSUFFICIENT_DATA.
 *
 * @param correction Benjamini–Hochberg (default: controls the share of false alarms among the
 *     flagged columns, keeps power with many columns) or Bonferroni (controls the chance of any
 *     false alarm; stricter)
 * @param alpha false discovery rate over the columns tested (0.05: the usual level)
 * @param numericEffectFloor Wasserstein-1 distance in units of the reference standard deviation
 *     (0.1: a shift of a tenth of a standard deviation is the smallest worth an alarm)
 * @param categoricalEffectFloor Jensen–Shannon distance, base 2, in [0, 1] (0.1, as Evidently's
 *     default for categorical columns)
 * @param minSamples minimum non-missing values on each side (30: below it KS and chi-square have
 *     too little power for a verdict either way)
 */
public record DriftConfig(double alpha, double numericEffectFloor, double categoricalEffectFloor, int minSamples,
                          Correction correction) {
    public enum Correction {
        BENJAMINI_HOCHBERG,
        BONFERRONI
    }

    public static final DriftConfig DEFAULT = new DriftConfig(0.05, 0.1, 0.1, 30, Correction.BENJAMINI_HOCHBERG);

    public DriftConfig {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("drift alpha must be between 0 and 1 (got " + alpha + ")");
        }
        if (numericEffectFloor < 0 || categoricalEffectFloor < 0 || minSamples < 2) {
            throw new IllegalArgumentException("drift effect floors must be >= 0 and the minimum sample size >= 2");
        }
    }

    /** The significance rule as reports show it, e.g. {@code p_bh <= 0.05}. */
    public String pRule() {
        return (correction == Correction.BONFERRONI ? "p_bonferroni" : "p_bh") + " <= " + alpha;
    }
}
