package io.jenkins.plugins.mlops.adapter;

import java.io.Serializable;

/**
 * Where a step's engine ran: the node, the workspace and the settings that find the registry, kept
 * with the step's report so that {@code approveModel}, which holds no node, can record its decision
 * in that same registry. Plain strings only (it is saved in {@code build.xml}).
 */
public final class EngineHost implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String node;
    private final String workspace;
    private final String javaHome;
    private final String registryHome;

    /**
     * @param node the node's name, {@code ""} for the built-in node
     * @param javaHome the build's {@code JAVA_HOME}, or {@code null}
     * @param registryHome the engine's {@code MLOPS_HOME}, or {@code null}
     */
    public EngineHost(String node, String workspace, String javaHome, String registryHome) {
        this.node = node;
        this.workspace = workspace;
        this.javaHome = javaHome;
        this.registryHome = registryHome;
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

    /** For the log: "agent-1" or "the built-in node". */
    public String describe() {
        return node.isEmpty() ? "the built-in node" : node;
    }
}
