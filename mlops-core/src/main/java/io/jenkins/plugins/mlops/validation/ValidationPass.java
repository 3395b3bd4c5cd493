package io.jenkins.plugins.mlops.validation;

import io.jenkins.plugins.mlops.data.ColumnProfile;
import io.jenkins.plugins.mlops.data.CsvRow;
import io.jenkins.plugins.mlops.data.FieldSink;
import io.jenkins.plugins.mlops.data.Table;
import io.jenkins.plugins.mlops.data.TextInterner;
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
public final class ValidationPass implements FieldSink<ValidationPass> {
    private final Schema schema;
    private final List<String> columns;
    /** For each column of the file: its field's checker, or null when the schema does not know it. */
    private final FieldCheck[] checks;
    private final ColumnStats[] stats;
    /** Columns whose schema field is numeric (only those have a checker that parses numbers). */
    private final boolean[] numeric;
    private final TextInterner[] interners;
    /** For each text column, by interner slot: whether that value passed its checks (see {@link FieldCheck#verdictsRepeat}). */
    private final boolean[][] passed;
    private final RowSample sample;
    private long rows;
    /** The current record's line, and how its numbers reach the quantile sketches. */
    private long line;
    private ColumnStats.Sketching sketching;

    /** @param sample shared by the passes over one file's chunks */
    public ValidationPass(Schema schema, List<String> columns, RowSample.Shared sample) {
        this.schema = schema;
        this.columns = columns;
        this.checks = new FieldCheck[columns.size()];
        this.stats = new ColumnStats[columns.size()];
        this.numeric = new boolean[columns.size()];
        this.interners = new TextInterner[columns.size()];
        this.passed = new boolean[columns.size()][];
        for (int c = 0; c < columns.size(); c++) {
            Field field = schema.field(columns.get(c)).orElse(null);
            checks[c] = field == null ? null : new FieldCheck(field);
            stats[c] = new ColumnStats(columns.get(c), field == null ? FieldType.STRING : field.type());
            numeric[c] = stats[c].type().isNumeric();
            interners[c] = numeric[c] ? null : new TextInterner();
            passed[c] = numeric[c] ? null : new boolean[TextInterner.capacity()];
        }
        this.sample = sample.newSample();
    }

    /** Runs a table held in memory through the same checks as a streamed file. */
    public static ValidationPass of(Schema schema, Table table) {
        ValidationPass pass = new ValidationPass(schema, table.columns(), new RowSample.Shared(RowSample.DEFAULT_SIZE));
        for (int r = 0; r < table.rowCount(); r++) {
            pass.accept(CsvRow.of(table.row(r), table.line(r)));
        }
        return pass;
    }

    @Override
    public boolean beginRow(long line) {
        this.line = line;
        this.sketching = ColumnStats.Sketching.of(line, RowSample.mix(line));
        return sample.wants(line);
    }

    /** Numeric columns are read in place; text columns as one String shared by the checks and the profile. */
    @Override
    public void field(int c, char[] buf, int offset, int len, boolean missing) {
        FieldCheck check = checks[c];
        ColumnStats column = stats[c];
        if (missing) {
            if (check != null) {
                check.missing(line);
            }
            column.missing();
        } else if (numeric[c]) {
            double number = check.number(buf, offset, len, line);
            if (Double.isFinite(number)) {
                column.number(number, sketching);
            } else {
                column.text(new String(buf, offset, len));
            }
        } else {
            int slot = interners[c].slotOf(buf, offset, len);
            String value = slot >= 0 ? interners[c].at(slot) : new String(buf, offset, len);
            // a value that passed once passes again: most rows repeat a category already checked
            if (check != null && (slot < 0 || !passed[c][slot])) {
                boolean ok = check.text(value, line);
                if (slot >= 0 && ok && check.verdictsRepeat()) {
                    passed[c][slot] = true;
                }
            }
            column.text(value);
        }
    }

    @Override
    public void endRow(CsvRow row, int fields) {
        rows++;
        for (int c = fields; c < checks.length; c++) {
            field(c, null, 0, 0, true);
        }
        if (row != null) {
            sample.accept(row);
        }
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

    /**
     * Dataset-level anomalies first, then per field in schema order, then columns the schema lacks.
     *
     * @param rowSample this pass's {@link #sample} (personal data is judged on it), made once by the
     *     caller, who needs it too
     */
    public List<Anomaly> anomalies(Table rowSample) {
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
                anomalies.addAll(checks[c].personalData(rowSample, c));
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
