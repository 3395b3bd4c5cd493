package io.jenkins.plugins.mlops.contract;

import java.util.Locale;

/**
 * What a person may answer a gate, and the rules every answer follows, wherever it is given (the
 * CLI's {@code approve}, the approval prompt on a build page).
 */
public enum ApprovalDecision {
    APPROVE,
    REJECT,
    /** Accepts a gate that FAILED: allowed only with a reason, and marked as such everywhere. */
    OVERRIDE;

    /** From the word a person types or a form sends, in any case; a one-line input error otherwise. */
    public static ApprovalDecision parse(String value) {
        for (ApprovalDecision d : values()) {
            if (d.word().equals(value == null ? "" : value.trim().toLowerCase(Locale.ROOT))) {
                return d;
            }
        }
        throw new InvalidInputException("decision must be approve, reject or override, not '" + value + "'");
    }

    /** The word for it: {@code approve}, {@code reject}, {@code override}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Rejections and overrides must say why. */
    public boolean needsReason() {
        return this != APPROVE;
    }

    /** Whether it answers a gate in that state: an override a FAILED one too, the others one that NEEDS_APPROVAL. */
    public boolean answers(Status gate) {
        return gate == Status.NEEDS_APPROVAL || this == OVERRIDE && gate == Status.FAILED;
    }
}
