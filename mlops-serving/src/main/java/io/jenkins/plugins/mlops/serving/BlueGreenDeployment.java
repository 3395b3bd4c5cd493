package io.jenkins.plugins.mlops.serving;

import io.jenkins.plugins.mlops.model.PackagedModel;
import io.jenkins.plugins.mlops.model.Prediction;
import java.util.List;

/** As direct, but only after the new version has answered a health probe; nothing changes when it fails. */
final class BlueGreenDeployment extends DirectDeployment {
    @Override
    public String userName() {
        return "blue-green";
    }

    @Override
    public void admit(PackagedModel model, String ref) {
        // the probe: a row with every input missing must still get a finite answer
        String[] probe = new String[model.preprocessor().featureNames().size()];
        Prediction p = model.predict(List.<String[]>of(probe)).get(0);
        if (!Double.isFinite(p.value())) {
            model.close();
            throw new HttpError(409, "blue-green: " + ref + " failed its health probe; nothing changed");
        }
    }
}
