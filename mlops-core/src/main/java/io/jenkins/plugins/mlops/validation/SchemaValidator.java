package io.jenkins.plugins.mlops.validation;

import io.jenkins.plugins.mlops.data.Table;
import io.jenkins.plugins.mlops.schema.Schema;
import java.util.List;

/** Schema checks of a table held in memory; the same code as the streaming {@link ValidationPass}. */
public final class SchemaValidator {
    private SchemaValidator() {
    }

    public static List<Anomaly> validate(Schema schema, Table table) {
        ValidationPass pass = ValidationPass.of(schema, table);
        return pass.anomalies(pass.sample(table.source()));
    }
}
