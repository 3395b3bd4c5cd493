package io.jenkins.plugins.mlops.steps;

import hudson.EnvVars;
import hudson.Extension;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code withMlops(registry: …, server: …, credentialsId: …) { … }}: settings for every mlops step in
 * its body, so a Declarative pipeline sets them once. They reach the steps (and {@code sh 'mlops …'})
 * as the engine's environment; the credential's token goes only to this block's server.
 */
public class WithMlopsStep extends Step {
    /** The id of the admin-token credential a {@code withMlops} block names, for the steps in it. */
    static final String CREDENTIALS_VARIABLE = "MLOPS_CREDENTIALS_ID";

    private String registry;
    private String server;
    private String credentialsId;

    @DataBoundConstructor
    public WithMlopsStep() {
    }

    public String getRegistry() {
        return registry;
    }

    @DataBoundSetter
    public void setRegistry(String registry) {
        this.registry = EngineStep.fixEmpty(registry);
    }

    public String getServer() {
        return server;
    }

    @DataBoundSetter
    public void setServer(String server) {
        this.server = EngineStep.fixEmpty(server);
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = EngineStep.fixEmpty(credentialsId);
    }

    /** The body's environment: what it sets, under the engine's names. */
    Map<String, String> variables() {
        Map<String, String> vars = new LinkedHashMap<>();
        if (registry != null) {
            vars.put("MLOPS_HOME", registry);
        }
        if (server != null) {
            vars.put("MLOPS_SERVER", server);
        }
        if (credentialsId != null) {
            vars.put(CREDENTIALS_VARIABLE, credentialsId);
        }
        return vars;
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, variables());
    }

    /** Runs the body with the settings in its environment; ends as the body ends. */
    private static final class Execution extends StepExecution {
        private static final long serialVersionUID = 1L;
        private final Map<String, String> variables;

        Execution(StepContext context, Map<String, String> variables) {
            super(context);
            this.variables = new LinkedHashMap<>(variables);
        }

        @Override
        public boolean start() throws Exception {
            StepContext context = getContext();
            context.newBodyInvoker()
                    .withContext(EnvironmentExpander.merge(context.get(EnvironmentExpander.class),
                            new Settings(variables)))
                    .withCallback(BodyExecutionCallback.wrap(context))
                    .start();
            return false;
        }
    }

    /** The settings as an environment for the body (serialised with the running program). */
    private static final class Settings extends EnvironmentExpander {
        private static final long serialVersionUID = 1L;
        private final LinkedHashMap<String, String> variables;

        Settings(Map<String, String> variables) {
            this.variables = new LinkedHashMap<>(variables);
        }

        @Override
        public void expand(EnvVars env) {
            env.putAll(variables);
        }
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "withMlops";
        }

        @Override
        public String getDisplayName() {
            return "Settings for the mlops steps in a block (mlops)";
        }

        @Override
        public boolean takesImplicitBlockArgument() {
            return true;
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of();
        }
    }
}
