package io.jenkins.plugins.mlops.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * Where a model came from ({@code lineage.json}), recorded when it is made (Tribuo's "provenance
 * by construction"): enough to rebuild it bit for bit on the same platform.
 *
 * @param environment library versions, JDK, OS/arch, thread settings (OMP_NUM_THREADS, ...)
 * @param codeCommit {@code GIT_COMMIT} when set by the CI system; buildUrl likewise {@code BUILD_URL}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Lineage(
        String createdAt,
        String createdBy,
        String dataFile,
        String dataSha256,
        long dataRows,
        String specSha256,
        long seed,
        String codeCommit,
        String buildUrl,
        Map<String, String> environment) {

    /** Values of the CI environment that identify a run, when present. */
    public static String env(String name) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? null : v;
    }

    /**
     * Who acts: {@code MLOPS_USER} (the Jenkins plugin sets it to the Jenkins user behind the
     * build), else the CI's {@code BUILD_USER_ID}, else the OS user.
     */
    public static String user() {
        String named = env("MLOPS_USER");
        if (named != null) {
            return named;
        }
        String ci = env("BUILD_USER_ID");
        return ci != null ? ci : System.getProperty("user.name");
    }
}
