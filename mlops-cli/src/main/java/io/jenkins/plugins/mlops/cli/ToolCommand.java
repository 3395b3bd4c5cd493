package io.jenkins.plugins.mlops.cli;

/**
 * A subcommand that is not a pipeline step (the demo, the benchmarks): found with {@link
 * java.util.ServiceLoader} when its module is on the class path, as it is for the {@code mlops}
 * launcher, and absent from the engine the Jenkins plugin ships.
 */
public interface ToolCommand {
}
