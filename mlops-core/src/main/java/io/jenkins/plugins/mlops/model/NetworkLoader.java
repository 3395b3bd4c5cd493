package io.jenkins.plugins.mlops.model;

import java.nio.file.Path;
import java.util.ServiceLoader;

/**
 * Loads the network of a verified package. Found with {@link ServiceLoader}, so that the light
 * modules (serving, registry) can load models without a compile dependency on DL4J.
 */
public interface NetworkLoader {
    /** The {@code framework} value of {@code model.json} this loader reads, e.g. {@code dl4j}. */
    String framework();

    Network load(Path packageDir, ModelInfo info);

    static NetworkLoader forFramework(String framework) {
        for (NetworkLoader loader : ServiceLoader.load(NetworkLoader.class)) {
            if (loader.framework().equals(framework)) {
                return loader;
            }
        }
        throw new IllegalStateException("no loader for models of framework '" + framework + "' on the classpath");
    }
}
