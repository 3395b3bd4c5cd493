package io.jenkins.plugins.mlops.model;

import java.util.List;

/**
 * {@code model.json}: what a package is, readable without loading the network.
 *
 * @param format package format identifier, {@code mlops-model/1}
 * @param framework library that reads the network files ({@code dl4j})
 * @param name the model's name as given in the training spec (or the label)
 * @param files the network's own files inside the package
 */
public record ModelInfo(String format, String framework, String name, Task task, String label, List<String> features,
                        List<String> classes, List<String> files) {
    public static final String FORMAT = "mlops-model/1";
}
