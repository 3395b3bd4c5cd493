package io.jenkins.plugins.mlops.evaluation;

import io.jenkins.plugins.mlops.contract.Check;
import io.jenkins.plugins.mlops.model.PackagedModel;
import io.jenkins.plugins.mlops.model.Prediction;
import io.jenkins.plugins.mlops.model.Preprocessor;
import io.jenkins.plugins.mlops.report.Html;
import java.util.List;
import java.util.Map;

/** Named cases with the answer the model must give (the suite's {@code cases}). */
final class MinimumFunctionality implements ModelTest {
    @Override
    public boolean requested(Run run) {
        return run.suite().cases() != null;
    }

    @Override
    public List<Check> checks(Run run, Map<String, Object> sections) {
        return run.suite().cases().stream().map(c -> minimumFunctionality(run.model(), c)).toList();
    }

    private static Check minimumFunctionality(PackagedModel model, TestSuite.Case c) {
        Preprocessor pre = model.preprocessor();
        String[] row = new String[pre.features().size()];
        for (int i = 0; i < row.length; i++) {
            Object v = c.row().get(pre.features().get(i).name());
            row[i] = v == null ? null : String.valueOf(v);
        }
        Prediction p = model.predict(List.<String[]>of(row)).get(0);
        String name = "case:" + (c.name() == null ? c.row().toString() : c.name());
        if (c.expect() != null) {
            boolean ok = c.expect().equals(p.label());
            return Check.of(name, ok, p.label(), c.expect(), "The model says " + p.label() + " (p=" + Html.number(p.value())
                    + ") for " + c.row() + (ok ? "." : ", expected " + c.expect() + "."));
        }
        boolean ok = (c.min() == null || p.value() >= c.min()) && (c.max() == null || p.value() <= c.max());
        return Check.of(name, ok, p.value(), "in [" + c.min() + ", " + c.max() + "]", "The model predicts "
                + Html.number(p.value()) + " for " + c.row() + ".");
    }
}
