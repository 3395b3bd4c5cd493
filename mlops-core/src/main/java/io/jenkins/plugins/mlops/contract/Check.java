package io.jenkins.plugins.mlops.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * One check of a step: what was measured, against which threshold, and why it passed or failed.
 *
 * @param name stable identifier, e.g. {@code accuracy} or {@code drift:body_mass_g}
 * @param status the verdict
 * @param value the measured value (a number or a short text), null when nothing was measurable
 * @param threshold the rule it was held to, e.g. {@code >= 0.90}; null when the check is informative
 * @param reason one sentence a person understands
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Check(String name, CheckStatus status, Object value, String threshold, String reason) {
    public Check {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
    }

    public static Check passed(String name, Object value, String threshold, String reason) {
        return new Check(name, CheckStatus.PASSED, value, threshold, reason);
    }

    public static Check failed(String name, Object value, String threshold, String reason) {
        return new Check(name, CheckStatus.FAILED, value, threshold, reason);
    }

    /** A check that passes when {@code ok} holds and fails otherwise. */
    public static Check of(String name, boolean ok, Object value, String threshold, String reason) {
        return new Check(name, ok ? CheckStatus.PASSED : CheckStatus.FAILED, value, threshold, reason);
    }
}
