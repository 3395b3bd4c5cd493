package io.jenkins.plugins.mlops.drift;

import io.jenkins.plugins.mlops.data.Columns;
import io.jenkins.plugins.mlops.data.Table;
import io.jenkins.plugins.mlops.schema.Field;
import io.jenkins.plugins.mlops.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Pairs the columns of a reference and a current table as drift samples, typed by a schema. */
public final class DriftSamples {
    private DriftSamples() {
    }

    /** Every schema field present in both tables; numeric fields by value, the others by category. */
    public static List<DriftDetector.Sample> of(Schema schema, Table reference, Table current) {
        return new Reference(schema, reference).against(current);
    }

    /** The reference side extracted once, for comparing many current windows against it. */
    public static final class Reference {
        /** A numeric field has {@code numbers}, any other {@code counts}. */
        private record Column(Field field, double[] numbers, Map<String, Long> counts) {
        }

        private final List<Column> columns = new ArrayList<>();

        public Reference(Schema schema, Table reference) {
            for (Field field : schema.fields()) {
                int r = reference.columnIndex(field.name());
                if (r < 0) {
                    continue;
                }
                boolean numeric = field.type().isNumeric();
                columns.add(new Column(field, numeric ? Columns.numbers(reference, r) : null,
                        numeric ? null : Columns.counts(reference, r)));
            }
        }

        /** Samples for every reference field that {@code current} also has, in schema order. */
        public List<DriftDetector.Sample> against(Table current) {
            List<DriftDetector.Sample> samples = new ArrayList<>();
            for (Column column : columns) {
                String name = column.field().name();
                int c = current.columnIndex(name);
                if (c < 0) {
                    continue;
                }
                samples.add(column.numbers() != null
                        ? new DriftDetector.Numeric(name, column.numbers(), Columns.numbers(current, c))
                        : new DriftDetector.Categorical(name, column.counts(), Columns.counts(current, c)));
            }
            return samples;
        }
    }
}
