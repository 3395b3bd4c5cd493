package hudson.model;

/** Real: core {@code hudson.model.InvisibleAction} (an action with no icon, name or URL). */
public abstract class InvisibleAction implements Action {
    protected InvisibleAction() {
        throw new UnsupportedOperationException("signature only");
    }

    @Override
    public String getIconFileName() {
        throw new UnsupportedOperationException("signature only");
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException("signature only");
    }

    @Override
    public String getUrlName() {
        throw new UnsupportedOperationException("signature only");
    }
}
