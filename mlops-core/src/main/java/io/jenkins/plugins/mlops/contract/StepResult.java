package io.jenkins.plugins.mlops.contract;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result every step writes as {@code <step>.json}. The common fields are fixed by design.md;
 * step-specific sections ({@code columns}, {@code drift}, {@code metrics}, ...) are top-level
 * fields added through {@link #with(String, Object)}.
 */
@JsonPropertyOrder({"schemaVersion", "step", "status", "summary", "checks", "artifacts"})
public final class StepResult {
    /** Bumped when a field changes meaning or disappears; new fields do not bump it. */
    public static final int SCHEMA_VERSION = 1;

    private final String step;
    private final Status status;
    private final String summary;
    private final List<Check> checks;
    private final List<String> artifacts = new ArrayList<>();
    private final Map<String, Object> sections = new LinkedHashMap<>();

    public StepResult(String step, Status status, String summary, List<Check> checks) {
        this.step = step;
        this.status = status;
        this.summary = summary;
        this.checks = List.copyOf(checks);
    }

    /** PASSED when no check failed, FAILED otherwise. */
    public static StepResult fromChecks(String step, String summary, List<Check> checks) {
        boolean failed = checks.stream().anyMatch(c -> c.status() == CheckStatus.FAILED);
        return new StepResult(step, failed ? Status.FAILED : Status.PASSED, summary, checks);
    }

    public StepResult with(String section, Object value) {
        sections.put(section, value);
        return this;
    }

    public StepResult withArtifact(String relativePath) {
        artifacts.add(relativePath);
        return this;
    }

    public int getSchemaVersion() {
        return SCHEMA_VERSION;
    }

    public String getStep() {
        return step;
    }

    public Status getStatus() {
        return status;
    }

    public String getSummary() {
        return summary;
    }

    public List<Check> getChecks() {
        return checks;
    }

    public List<String> getArtifacts() {
        return Collections.unmodifiableList(artifacts);
    }

    @JsonAnyGetter
    public Map<String, Object> getSections() {
        return Collections.unmodifiableMap(sections);
    }
}
