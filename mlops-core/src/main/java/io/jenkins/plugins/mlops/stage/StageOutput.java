package io.jenkins.plugins.mlops.stage;

import io.jenkins.plugins.mlops.contract.StepResult;
import io.jenkins.plugins.mlops.report.HtmlReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a stage produced, not yet written: its result, its report (rendered by the stage's own
 * renderer) and the further files it hands over, e.g. an inferred schema or a model package.
 */
public final class StageOutput {
    /** A file; a relative path is under the output folder. */
    public record File(Path path, byte[] content) {
    }

    /** A folder of files under the output folder that replaces any earlier one at once, e.g. a model package. */
    public record Folder(String name, Map<String, byte[]> files) {
        public Folder {
            files = Collections.unmodifiableMap(new TreeMap<>(files));
        }
    }

    /** Another stage's output that this one produced on its way, written to a folder of its own. */
    public record Nested(String folder, StageOutput output) {
    }

    private final StepResult result;
    private final HtmlReport report;
    private final List<Folder> folders = new ArrayList<>();
    private final List<File> files = new ArrayList<>();
    private final List<Nested> nested = new ArrayList<>();

    public StageOutput(StepResult result, HtmlReport report) {
        this.result = result;
        this.report = report;
    }

    public static StageOutput of(StepResult result, HtmlReport report) {
        return new StageOutput(result, report);
    }

    public StageOutput withFile(Path path, byte[] content) {
        files.add(new File(path, content));
        return this;
    }

    public StageOutput withFolder(String name, Map<String, byte[]> content) {
        folders.add(new Folder(name, content));
        return this;
    }

    /** E.g. the canary's route change, a deploy result of its own under {@code route/}. */
    public StageOutput withNested(String folder, StageOutput output) {
        nested.add(new Nested(folder, output));
        return this;
    }

    public StepResult result() {
        return result;
    }

    public HtmlReport report() {
        return report;
    }

    public List<File> files() {
        return List.copyOf(files);
    }

    public List<Folder> folders() {
        return List.copyOf(folders);
    }

    public List<Nested> nested() {
        return List.copyOf(nested);
    }
}
