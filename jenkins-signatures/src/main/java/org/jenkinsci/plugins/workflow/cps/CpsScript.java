package org.jenkinsci.plugins.workflow.cps;

/**
 * Compile-only signature of the real {@code org.jenkinsci.plugins.workflow.cps.CpsScript}
 * (workflow-cps; see the module README). Its supertypes ({@code SerializableScript}, Groovy's
 * {@code Script}) are left out: the plugin only passes the script on, to a Groovy class.
 */
public abstract class CpsScript {
}
