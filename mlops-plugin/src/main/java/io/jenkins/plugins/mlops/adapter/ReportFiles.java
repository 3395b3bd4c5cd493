package io.jenkins.plugins.mlops.adapter;

import java.util.regex.Pattern;

/**
 * Which of a step's output files are reports, copied into the build and served from it: the HTML
 * reports, their stylesheet, the JSON results and the JUnit XML, directly in the step's folder.
 * Models, hold-out rows, reference rows and any other data stay in the workspace, where Jenkins'
 * Workspace permission guards them.
 */
public final class ReportFiles {
    /** One plain file name: no folder, no "..", nothing a URL could use to walk elsewhere. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");

    private ReportFiles() {
    }

    public static boolean isReport(String fileName) {
        return fileName != null && NAME.matcher(fileName).matches() && !fileName.contains("..")
                && (fileName.endsWith(".html") || fileName.endsWith(".css") || fileName.endsWith(".json")
                || fileName.endsWith("-junit.xml"));
    }
}
