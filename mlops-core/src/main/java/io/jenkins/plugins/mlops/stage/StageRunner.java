package io.jenkins.plugins.mlops.stage;

import io.jenkins.plugins.mlops.contract.FileTrees;
import io.jenkins.plugins.mlops.contract.StepResult;
import io.jenkins.plugins.mlops.report.StepOutputWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Runs any stage: its executor computes, then this writes what it produced, the same way for all:
 * the outputs of stages it ran on its way (each in its own folder), folders (each staged beside its final name and swapped in at once), files, and last the result's
 * {@code <result>.json}, {@code .html} and {@code -junit.xml}, so a reader who sees the result sees
 * everything it names. A bad input fails in the executor, before anything is written.
 */
public final class StageRunner {
    private StageRunner() {
    }

    public static <S extends Record> StepResult run(StageExecutor<S> executor, S spec, Path outDir) {
        return write(executor.execute(spec), outDir);
    }

    /**
     * Runs the catalogue's executor for a spec of its type.
     *
     * @param outDir where the result and reports go; {@code null}: nowhere, the result only (the
     *     commands whose reports are optional, such as {@code audit verify} without {@code --out})
     */
    public static StepResult run(Record spec, Path outDir) {
        StageOutput output = StageCatalogue.executorFor(spec).execute(spec);
        return outDir == null ? output.result() : write(output, outDir);
    }

    /** Writes what an executor produced: for library callers that computed it from loaded inputs. */
    public static StepResult write(StageOutput output, Path outDir) {
        for (StageOutput.Nested nested : output.nested()) {
            write(nested.output(), outDir.resolve(nested.folder()));
        }
        try {
            for (StageOutput.Folder folder : output.folders()) {
                writeFolder(outDir, folder);
            }
            for (StageOutput.File file : output.files()) {
                StepOutputWriter.writeAtomically(outDir.resolve(file.path()), file.content());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write results to " + outDir + ": " + e.getMessage(), e);
        }
        StepOutputWriter.write(outDir, output.result(), output.report());
        return output.result();
    }

    private static void writeFolder(Path outDir, StageOutput.Folder folder) throws IOException {
        Files.createDirectories(outDir);
        Path staging = Files.createTempDirectory(outDir, "." + folder.name() + "-");
        try {
            for (Map.Entry<String, byte[]> e : folder.files().entrySet()) {
                Path file = staging.resolve(e.getKey());
                Files.createDirectories(file.getParent());
                Files.write(file, e.getValue());
            }
            Path target = outDir.resolve(folder.name());
            if (Files.exists(target)) {
                Path old = target.resolveSibling("." + folder.name() + "-old-" + System.nanoTime());
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                FileTrees.delete(old);
            } else {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            if (Files.exists(staging)) {
                FileTrees.delete(staging);
            }
        }
    }
}
