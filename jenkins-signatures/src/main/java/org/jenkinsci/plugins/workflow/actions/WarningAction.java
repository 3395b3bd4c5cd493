package org.jenkinsci.plugins.workflow.actions;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Action;
import hudson.model.Result;

/** Real (workflow-api): {@code public class WarningAction implements PersistentAction} (PersistentAction extends Action). */
public class WarningAction implements Action {
    public WarningAction(@NonNull Result result) {
        throw new UnsupportedOperationException("signature only");
    }

    public WarningAction withMessage(String message) {
        throw new UnsupportedOperationException("signature only");
    }

    public @CheckForNull String getMessage() {
        throw new UnsupportedOperationException("signature only");
    }

    public @NonNull Result getResult() {
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
