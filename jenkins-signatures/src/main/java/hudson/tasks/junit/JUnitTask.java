package hudson.tasks.junit;

/** Real (junit): {@code public interface JUnitTask} (subset: the plugin only passes one on). */
public interface JUnitTask {
    String getTestResults();

    boolean isAllowEmptyResults();
}
