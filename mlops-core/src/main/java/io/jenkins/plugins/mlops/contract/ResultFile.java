package io.jenkins.plugins.mlops.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;

/**
 * A step result read back from its {@code <result>.json}: the parts every result has, typed, for
 * the readers that judge results (the gate, the approval prompt). The stage-specific sections stay
 * in the file.
 *
 * @param drift the per-column drift verdicts, for the results that compare distributions; else empty
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ResultFile(String step, Status status, String summary, List<Check> checks, List<ColumnVerdict> drift) {
    /** One column's drift verdict ({@code DRIFT}, {@code NO_DRIFT}, {@code INSUFFICIENT_DATA}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ColumnVerdict(String column, String verdict) {
    }

    public ResultFile {
        checks = checks == null ? List.of() : checks;
        drift = drift == null ? List.of() : drift;
    }

    /** Parses a result; {@code what} names it in the one-line error. */
    public static ResultFile parse(String json, String what) {
        return parse(json, what, ResultFile.class);
    }

    static <T> T parse(String json, String what, Class<T> type) {
        try {
            return Json.JSON.readValue(json, type);
        } catch (JsonParseException e) {
            throw new InvalidInputException(what + " is not JSON: " + Json.firstLine(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(what + " is not a step result: " + Json.firstLine(e.getOriginalMessage()));
        }
    }
}
