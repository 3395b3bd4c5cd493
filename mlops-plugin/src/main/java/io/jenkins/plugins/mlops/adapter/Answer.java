package io.jenkins.plugins.mlops.adapter;

import java.util.Locale;

/** An approver's answer on the prompt, as {@code mlops approve --decision} takes it. */
public enum Answer {
    APPROVE,
    REJECT,
    /** Accepts a gate that FAILED: allowed only with a reason, and marked as such everywhere. */
    OVERRIDE;

    /** The prompt's form value; a one-line error otherwise. */
    public static Answer parse(String value) {
        for (Answer a : values()) {
            if (a.cli().equals(value == null ? "" : value.trim().toLowerCase(Locale.ROOT))) {
                return a;
            }
        }
        throw new IllegalArgumentException("decision must be approve, reject or override, not '" + value + "'");
    }

    public String cli() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Rejections and overrides must say why (the engine refuses them otherwise). */
    public boolean needsReason() {
        return this != APPROVE;
    }
}
