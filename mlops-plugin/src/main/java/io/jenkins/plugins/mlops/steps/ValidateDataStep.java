package io.jenkins.plugins.mlops.steps;

import hudson.Extension;
import io.jenkins.plugins.mlops.adapter.Arguments;
import io.jenkins.plugins.mlops.contract.Stage;
import java.util.List;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** {@code validateData}: a CSV file against its schema contract, profiled, and compared with a reference for drift. */
public class ValidateDataStep extends EngineStep {
    private static final long serialVersionUID = 1L;
    /** The name a Jenkinsfile calls the step by. */
    static final String FUNCTION_NAME = "validateData";

    private final String data;
    private String schema;
    private String reference;
    private String label;
    private String missingValues;
    private boolean allowShortRows;

    @DataBoundConstructor
    public ValidateDataStep(String data) {
        this.data = data;
    }

    public String getData() {
        return data;
    }

    public String getSchema() {
        return schema;
    }

    @DataBoundSetter
    public void setSchema(String schema) {
        this.schema = fixEmpty(schema);
    }

    public String getReference() {
        return reference;
    }

    @DataBoundSetter
    public void setReference(String reference) {
        this.reference = fixEmpty(reference);
    }

    public String getLabel() {
        return label;
    }

    @DataBoundSetter
    public void setLabel(String label) {
        this.label = fixEmpty(label);
    }

    public String getMissingValues() {
        return missingValues;
    }

    @DataBoundSetter
    public void setMissingValues(String missingValues) {
        this.missingValues = fixEmpty(missingValues);
    }

    public boolean isAllowShortRows() {
        return allowShortRows;
    }

    @DataBoundSetter
    public void setAllowShortRows(boolean allowShortRows) {
        this.allowShortRows = allowShortRows;
    }

    @Override
    String resultName() {
        return Stage.VALIDATE.result();
    }

    @Override
    List<String> arguments() {
        return new Arguments("validate").option("data", data).option("schema", schema).option("reference", reference)
                .option("label", label).option("missing-values", missingValues).flag("allow-short-rows", allowShortRows)
                .toList();
    }

    @Extension
    public static final class DescriptorImpl extends EngineStepDescriptor {
        public DescriptorImpl() {
            super(FUNCTION_NAME, "Validate data against its schema and reference (mlops)");
        }
    }
}
