package io.jenkins.plugins.mlops.validation;

import io.jenkins.plugins.mlops.data.ColumnProfile;
import io.jenkins.plugins.mlops.data.RowSink;
import io.jenkins.plugins.mlops.data.Table;
import io.jenkins.plugins.mlops.profile.ColumnStats;
import io.jenkins.plugins.mlops.profile.RowSample;
import io.jenkins.plugins.mlops.schema.Field;
import io.jenkins.plugins.mlops.schema.FieldType;
import io.jenkins.plugins.mlops.schema.Schema;
import io.jenkins.plugins.mlops.schema.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * One streaming pass over a file's rows: the schema checks of every field, the profile of every
 * column and a row sample for drift and exploration. One instance per chunk; merged in file order.
 */
public final class ValidationPass implements RowSink<ValidationPass> {
    private final Schema schema;
    private final List<String> columns;
    /** For each column of the file: its field's checker, or null when the schema does not know it. */
    private final FieldCheck[] checks;
    private final ColumnStats[] stats;
    private final RowSample sample;
    private long rows;

    public ValidationPass(Schema schema, List<String> columns, int sampleSize) {
        this.schema = schema;
        this.columns = columns;
        this.checks = new FieldCheck[columns.size()];
        this.stats = new ColumnStats[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            Field field = schema.field(columns.get(c)).orElse(null);
            checks[c] = field == null ? null : new FieldCheck(field);
            stats[c] = new ColumnStats(columns.get(c), field == null ? FieldType.STRING : field.type());
        }
        this.sample = new RowSample(sampleSize);
    }

    /** Runs a table held in memory through the same checks as a streamed file. */
    public static ValidationPass of(Schema schema, Table table) {
        ValidationPass pass = new ValidationPass(schema, table.columns(), RowSample.DEFAULT_SIZE);
        for (int r = 0; r < table.rowCount(); r++) {
            pass.accept(table.row(r), table.line(r));
        }
        return pass;
    }

    @Override
    public void accept(String[] values, long line) {
        rows++;
        for (int c = 0; c < values.length; c++) {
            Double number = checks[c] == null ? null : checks[c].accept(values[c], line);
            stats[c].accept(values[c], number);
        }
        sample.accept(values, line);
    }

    @Override
    public void merge(ValidationPass later) {
        rows += later.rows;
        for (int c = 0; c < checks.length; c++) {
            if (checks[c] != null) {
                checks[c].merge(later.checks[c]);
            }
            stats[c].merge(later.stats[c]);
        }
        sample.merge(later.sample);
    }

    public long rows() {
        return rows;
    }

    public List<ColumnProfile> profiles() {
        List<ColumnProfile> out = new ArrayList<>();
        for (ColumnStats s : stats) {
            out.add(s.profile());
        }
        return out;
    }

    public Table sample(String source) {
        return sample.toTable(source, columns);
    }

    /** Dataset-level anomalies first, then per field in schema order, then columns the schema lacks. */
    public List<Anomaly> anomalies() {
        List<Anomaly> anomalies = new ArrayList<>();
        if (rows == 0) {
            anomalies.add(new Anomaly(null, "empty_dataset", Severity.ERROR, 0,
                    "The file has a header but no data rows.", List.of()));
        } else if (schema.minRows() != null && rows < schema.minRows()) {
            anomalies.add(new Anomaly(null, "too_few_rows", Severity.ERROR, rows, "The file has " + rows
                    + " data rows; the schema asks for at least " + schema.minRows() + " (mlops:minRows).", List.of()));
        }
        for (Field field : schema.fields()) {
            int c = columns.indexOf(field.name());
            if (c < 0) {
                anomalies.add(new Anomaly(field.name(), "missing_column", Severity.ERROR, 1,
                        "Column '" + field.name() + "' is in the schema but not in the data.", List.of()));
            } else {
                anomalies.addAll(checks[c].anomalies(rows));
            }
        }
        for (String column : columns) {
            if (schema.field(column).isEmpty()) {
                anomalies.add(new Anomaly(column, "unexpected_column", Severity.WARNING, 1,
                        "Column '" + column + "' is not in the schema.", List.of()));
            }
        }
        return anomalies;
    }
}
