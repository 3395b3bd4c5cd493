package io.jenkins.plugins.mlops.train;

import io.jenkins.plugins.mlops.contract.InvalidInputException;
import io.jenkins.plugins.mlops.model.ModelInfo;
import io.jenkins.plugins.mlops.model.Network;
import io.jenkins.plugins.mlops.model.NetworkLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A DL4J network stored as {@code network.json} (the layer configuration) and {@code params.bin}
 * (little-endian float32 parameters). Written by us rather than with ModelSerializer, whose zip
 * carries timestamps: the same training must give the same bytes.
 */
public final class Dl4jNetwork implements Network {
    public static final String CONFIG_FILE = "network.json";
    public static final String PARAMS_FILE = "params.bin";

    private final MultiLayerNetwork net;

    public Dl4jNetwork(MultiLayerNetwork net) {
        this.net = net;
    }

    @Override
    public float[][] output(float[][] inputs) {
        INDArray x = Nd4j.create(inputs);
        INDArray out;
        // MultiLayerNetwork keeps per-call state; one caller at a time
        synchronized (net) {
            out = net.output(x, false).castTo(DataType.FLOAT).dup('c');
        }
        // one copy of the whole buffer: toFloatMatrix() makes a view and an op per row (32 ms per 1024 rows)
        float[] flat = out.data().asFloat();
        int width = (int) out.columns();
        float[][] rows = new float[inputs.length][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = Arrays.copyOfRange(flat, r * width, (r + 1) * width);
        }
        return rows;
    }

    /** About 200 µs per call whatever its size (native allocation and deallocator bookkeeping per op). */
    @Override
    public boolean hasCallOverhead() {
        return true;
    }

    /** The network's two package files: its configuration and its parameters. */
    public static Map<String, byte[]> files(MultiLayerNetwork net) {
        float[] params = net.params().castTo(DataType.FLOAT).toFloatVector();
        ByteBuffer buffer = ByteBuffer.allocate(params.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(params);
        return Map.of(CONFIG_FILE, net.getLayerWiseConfigurations().toJson().getBytes(StandardCharsets.UTF_8),
                PARAMS_FILE, buffer.array());
    }

    public static MultiLayerNetwork read(Path dir) {
        try {
            MultiLayerConfiguration conf = MultiLayerConfiguration.fromJson(
                    Files.readString(dir.resolve(CONFIG_FILE), StandardCharsets.UTF_8));
            byte[] bytes = Files.readAllBytes(dir.resolve(PARAMS_FILE));
            float[] params = new float[bytes.length / Float.BYTES];
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(params);
            MultiLayerNetwork net = new MultiLayerNetwork(conf);
            net.init();
            if (params.length != net.numParams()) {
                throw InvalidInputException.in(dir.resolve(PARAMS_FILE), "holds " + params.length
                        + " parameters, the network needs " + net.numParams());
            }
            // init(params, false) re-initialises randomly in M2.1; setParams copies ours over the fresh ones
            net.setParams(Nd4j.createFromArray(params).reshape(1, params.length));
            return net;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read network from " + dir, e);
        } catch (RuntimeException e) {
            if (e instanceof InvalidInputException) {
                throw e;
            }
            throw InvalidInputException.in(dir.resolve(CONFIG_FILE), "not a readable DL4J network: " + e.getMessage());
        }
    }

    /** Registered in META-INF/services so that modules without DL4J can load DL4J packages. */
    public static final class Loader implements NetworkLoader {
        @Override
        public String framework() {
            return "dl4j";
        }

        /** The plain-Java form when it reproduces the network (see {@link Dl4jDense}), DL4J otherwise. */
        @Override
        public Network load(Path packageDir, ModelInfo info) {
            NativePlatform.check();
            MultiLayerNetwork net = read(packageDir);
            return Dl4jDense.fastest(net, new Dl4jNetwork(net));
        }
    }
}
