package io.jenkins.plugins.mlops.drift;

import io.jenkins.plugins.mlops.data.Columns;
import io.jenkins.plugins.mlops.data.Table;
import io.jenkins.plugins.mlops.schema.Field;
import io.jenkins.plugins.mlops.schema.Schema;
import java.util.ArrayList;
import java.util.List;

/** Pairs the columns of a reference and a current table as drift samples, typed by a schema. */
public final class DriftSamples {
    private DriftSamples() {
    }

    /** Every schema field present in both tables; numeric fields by value, the others by category. */
    public static List<DriftDetector.Sample> of(Schema schema, Table reference, Table current) {
        List<DriftDetector.Sample> samples = new ArrayList<>();
        for (Field field : schema.fields()) {
            int r = reference.columnIndex(field.name());
            int c = current.columnIndex(field.name());
            if (r < 0 || c < 0) {
                continue;
            }
            if (field.type().isNumeric()) {
                samples.add(new DriftDetector.Numeric(field.name(), Columns.numbers(reference, r),
                        Columns.numbers(current, c)));
            } else {
                samples.add(new DriftDetector.Categorical(field.name(), Columns.counts(reference, r),
                        Columns.counts(current, c)));
            }
        }
        return samples;
    }
}
