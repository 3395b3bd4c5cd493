package org.jenkinsci.plugins.workflow.cps;

import hudson.ExtensionPoint;

/**
 * Compile-only signature of the real {@code org.jenkinsci.plugins.workflow.cps.GlobalVariable}
 * (workflow-cps; see the module README): a name a Jenkinsfile can call, whose value's {@code call}
 * method runs, before any step of the same name.
 */
public abstract class GlobalVariable implements ExtensionPoint {
    public abstract String getName();

    public abstract Object getValue(CpsScript script) throws Exception;
}
