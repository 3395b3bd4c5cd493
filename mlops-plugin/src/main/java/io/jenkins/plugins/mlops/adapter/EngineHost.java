package io.jenkins.plugins.mlops.adapter;

import java.io.Serializable;

/**
 * Where a step's engine ran: the node, the workspace and the settings that find the registry and the engine, kept
 * with the step's report so that {@code approveModel}, which holds no node, can record its decision
 * in that same registry. Plain strings only (it is saved in {@code build.xml}).
 */
public final class EngineHost implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String node;
    private final String workspace;
    private final String javaHome;
    private final String registryHome;
    private final String engineHome;

    /**
     * @param node the node's name, {@code ""} for the built-in node
     * @param javaHome the build's {@code JAVA_HOME}, or {@code null}
     * @param registryHome the engine's {@code MLOPS_HOME}, or {@code null}
     * @param engineHome the mlops tool's folder ({@code MLOPS_ENGINE_HOME}), or {@code null} for the bundled engine
     */
    public EngineHost(String node, String workspace, String javaHome, String registryHome, String engineHome) {
        this.node = node;
        this.workspace = workspace;
        this.javaHome = javaHome;
        this.registryHome = registryHome;
        this.engineHome = engineHome;
    }

    public String getNode() {
        return node;
    }

    public String getWorkspace() {
        return workspace;
    }

    public String getJavaHome() {
        return javaHome;
    }

    public String getRegistryHome() {
        return registryHome;
    }

    /** {@code null} in builds of older versions and where no mlops tool was used. */
    public String getEngineHome() {
        return engineHome;
    }

    /** For the log: "agent-1" or "the built-in node". */
    public String describe() {
        return node.isEmpty() ? "the built-in node" : node;
    }
}
