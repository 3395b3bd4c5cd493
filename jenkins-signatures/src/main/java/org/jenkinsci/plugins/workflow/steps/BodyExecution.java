package org.jenkinsci.plugins.workflow.steps;

import java.io.Serializable;

/**
 * Compile-only signature of the real {@code org.jenkinsci.plugins.workflow.steps.BodyExecution} of
 * <b>workflow-step-api</b> (see the module README): {@code public abstract class BodyExecution implements
 * Future<Object>, Serializable}; only the type is used (what {@link BodyInvoker#start()} returns), so
 * {@code Future} and the members are left out (rule 5).
 */
@SuppressWarnings("serial") // the real class declares no serialVersionUID
public abstract class BodyExecution implements Serializable {
}
