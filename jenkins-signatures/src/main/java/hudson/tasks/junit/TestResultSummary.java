package hudson.tasks.junit;

import java.io.Serializable;

/** Real (junit): {@code public class TestResultSummary implements Serializable} (subset). */
public class TestResultSummary implements Serializable {
    private static final long serialVersionUID = 1L;

    public TestResultSummary(int failCount, int skipCount, int passCount, int totalCount) {
        throw new UnsupportedOperationException("signature only");
    }

    public int getFailCount() {
        throw new UnsupportedOperationException("signature only");
    }

    public int getTotalCount() {
        throw new UnsupportedOperationException("signature only");
    }
}
