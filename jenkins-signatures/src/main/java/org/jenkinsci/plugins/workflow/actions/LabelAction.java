package org.jenkinsci.plugins.workflow.actions;

import hudson.model.Action;

/**
 * Real (workflow-api): {@code public class LabelAction implements PersistentAction} (PersistentAction extends
 * Action): the label of a stage's body or of a parallel branch. Used here only as a type to look up.
 */
public class LabelAction implements Action {
    public LabelAction(String name) {
        throw new UnsupportedOperationException("signature only");
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException("signature only");
    }

    @Override
    public String getIconFileName() {
        throw new UnsupportedOperationException("signature only");
    }

    @Override
    public String getUrlName() {
        throw new UnsupportedOperationException("signature only");
    }
}
