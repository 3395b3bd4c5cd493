package io.jenkins.plugins.mlops.governance;

import io.jenkins.plugins.mlops.contract.Check;
import io.jenkins.plugins.mlops.contract.CheckStatus;
import io.jenkins.plugins.mlops.contract.Provenance;
import io.jenkins.plugins.mlops.contract.Stage;
import io.jenkins.plugins.mlops.contract.StepResult;
import io.jenkins.plugins.mlops.registry.ModelRef;
import io.jenkins.plugins.mlops.registry.ModelVersion;
import io.jenkins.plugins.mlops.registry.Registry;
import io.jenkins.plugins.mlops.report.HtmlReport;
import io.jenkins.plugins.mlops.stage.StageExecutor;
import io.jenkins.plugins.mlops.stage.StageOutput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code card} stage: a registered version's model card. Each human field the training spec's
 * {@code card:} section leaves unstated is a warning, so that {@code failOn} can hold a release
 * to a complete card; registry facts are never missing.
 */
public final class CardStep extends StageExecutor<CardSpec> {
    public static final String STEP = Stage.CARD.result();

    public CardStep() {
        super(Stage.CARD, CardSpec.class);
    }

    @Override
    public StageOutput execute(CardSpec spec) {
        Registry registry = new Registry(spec.registry());
        return card(registry, registry.resolve(ModelRef.parse(spec.version())), spec.test());
    }

    /** The card of {@code version}, also written beside a registration's report. */
    public static StageOutput card(Registry registry, ModelVersion version, Path test) {
        Path packageDir = registry.packageDir(version);
        Map<String, Object> card = ModelCard.of(version, packageDir, registry.audit().entries(), test);
        List<String> unstated = ModelCard.unstated(packageDir);
        List<Check> checks = new ArrayList<>();
        for (String field : ModelCard.HUMAN_FIELDS) {
            boolean stated = !unstated.contains(field);
            checks.add(new Check("card:" + field, stated ? CheckStatus.PASSED : CheckStatus.WARNING, stated,
                    "stated in the training spec's card: section", stated ? "Stated by the model's owners."
                    : "Not stated: add '" + field + "' to the card: section of the training spec."));
        }
        String summary = "Model card of " + version.ref() + (unstated.isEmpty() ? ": every field stated."
                : ": " + unstated.size() + " of " + ModelCard.HUMAN_FIELDS.size() + " human fields not stated ("
                + String.join(", ", unstated) + ").");
        StepResult result = StepResult.fromChecks(STEP, summary, checks)
                .with("model", version.ref())
                .with("unstated", unstated)
                .with("card", card)
                .with(Provenance.SECTION, new Provenance(null, null, version.packageDigest()));
        HtmlReport report = HtmlReport.forResult("Model card: " + version.ref(), result);
        return StageOutput.of(result, ModelCard.render(report, card));
    }
}
