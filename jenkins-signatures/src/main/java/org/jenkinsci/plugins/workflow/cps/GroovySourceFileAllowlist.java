package org.jenkinsci.plugins.workflow.cps;

import hudson.ExtensionPoint;

/**
 * Compile-only signature of the real {@code org.jenkinsci.plugins.workflow.cps.GroovySourceFileAllowlist}
 * (workflow-cps; see the module README): which Groovy source files in plugins' resources the
 * Pipeline class loader may load (SECURITY-2824); any other is not found.
 */
public abstract class GroovySourceFileAllowlist implements ExtensionPoint {
    /** @param groovyResourceUrl the file's URL, e.g. {@code jar:file:…!/org/example/Call.groovy} */
    public abstract boolean isAllowed(String groovyResourceUrl);
}
