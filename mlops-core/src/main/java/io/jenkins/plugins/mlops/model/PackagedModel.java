package io.jenkins.plugins.mlops.model;

import io.jenkins.plugins.mlops.contract.FileTrees;
import io.jenkins.plugins.mlops.contract.Json;
import io.jenkins.plugins.mlops.data.Sha256;
import io.jenkins.plugins.mlops.data.Table;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A verified, loaded model package: raw rows in, predictions out, through the package's own
 * preprocessing. Used alike by the test step, the model server and batch prediction.
 */
public final class PackagedModel implements AutoCloseable {
    public static final String MODEL_FILE = "model.json";
    /** Rows transformed and scored at a time: bounds the inputs held beside the table. */
    private static final int BATCH = 1024;
    public static final String PREPROCESSING_FILE = "preprocessing.json";
    public static final String INPUT_SCHEMA_FILE = "input-schema.json";
    public static final String LINEAGE_FILE = "lineage.json";
    public static final String METRICS_FILE = "metrics.json";
    public static final String REFERENCE_FILE = "reference.csv";
    /** The linear baseline training fitted on the same rows, a whole package inside a network's package. */
    public static final String BASELINE_DIR = "baseline";

    private final Path dir;
    private final ModelInfo info;
    private final Preprocessor preprocessor;
    private final Network network;
    private final String digest;
    /** The folder an archive was unpacked into, deleted on close. */
    private Path unpacked;

    public PackagedModel(Path dir, ModelInfo info, Preprocessor preprocessor, Network network, String digest) {
        this.dir = dir;
        this.info = info;
        this.preprocessor = preprocessor;
        this.network = network;
        this.digest = digest;
    }

    /** Verifies the manifest, then loads; any mismatch is an input error and nothing is loaded. */
    public static PackagedModel load(Path path) {
        if (ModelArchive.isArchive(path)) {
            // unpacked beside the archive's temp space and verified there, then loaded like a folder
            ModelArchive.Unpacked unpacked = ModelArchive.unpack(path, tempRoot());
            PackagedModel model = loadVerified(unpacked.dir());
            model.unpacked = unpacked.dir();
            return model;
        }
        Manifest.verify(path);
        return loadVerified(path);
    }

    /** A package whose manifest was verified (every file's SHA-256 matches). */
    private static PackagedModel loadVerified(Path dir) {
        ModelInfo info = Json.readJson(dir.resolve(MODEL_FILE), ModelInfo.class);
        Preprocessor preprocessor = Json.readJson(dir.resolve(PREPROCESSING_FILE), Preprocessor.class);
        Network network = NetworkLoader.forFramework(info.framework()).load(dir, info);
        // the registry's package digest: the SHA-256 of the verified manifest, the same for a folder and its archive
        return new PackagedModel(dir, info, preprocessor, network, Sha256.of(dir.resolve(Manifest.FILE)));
    }

    public Path dir() {
        return dir;
    }

    public ModelInfo info() {
        return info;
    }

    public Preprocessor preprocessor() {
        return preprocessor;
    }

    /** The SHA-256 of the package's manifest (as the registry records it): identifies exactly these files. */
    public String digest() {
        return digest;
    }

    /** See {@link Network#hasCallOverhead()}. */
    public boolean hasCallOverhead() {
        return network.hasCallOverhead();
    }

    /** Rows are raw feature values in {@link Preprocessor#featureNames()} order. */
    public List<Prediction> predict(List<String[]> rows) {
        float[][] inputs = new float[rows.size()][];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = preprocessor.transform(rows.get(i));
        }
        return predict(inputs);
    }

    private List<Prediction> predict(float[][] inputs) {
        float[][] outputs = network.output(inputs);
        List<Prediction> predictions = new ArrayList<>(outputs.length);
        for (float[] output : outputs) {
            predictions.add(preprocessor.decode(output));
        }
        return predictions;
    }

    /** Predicts every row of a table, in batches so that memory stays bounded. */
    public List<Prediction> predict(Table table) {
        List<Prediction> out = new ArrayList<>(table.rowCount());
        int width = preprocessor.inputWidth();
        for (int from = 0; from < table.rowCount(); from += BATCH) {
            int to = Math.min(table.rowCount(), from + BATCH);
            float[] flat = preprocessor.inputs(table, from, to);
            float[][] inputs = new float[to - from][];
            for (int i = 0; i < inputs.length; i++) {
                inputs[i] = Arrays.copyOfRange(flat, i * width, (i + 1) * width);
            }
            out.addAll(predict(inputs));
        }
        return out;
    }

    private static Path tempRoot() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    @Override
    public void close() {
        network.close();
        if (unpacked != null) {
            FileTrees.deleteQuietly(unpacked);
        }
    }
}
