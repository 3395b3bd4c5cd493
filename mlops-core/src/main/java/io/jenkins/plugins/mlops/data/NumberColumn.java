package io.jenkins.plugins.mlops.data;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * A column whose present values are all numbers: a double per row, its count of decimals (one
 * byte, or one for the whole column when they agree), a missing mask, and the text of the few
 * values whose text the number and decimals do not give back (exponents, signs, leading zeros).
 */
final class NumberColumn implements TypedColumn {
    private final double[] values;
    /** Decimals per row; null when every row has {@link #decimals}. */
    private final byte[] rowDecimals;
    private final int decimals;
    private final BitSet missing;
    private final Map<Integer, String> texts;

    NumberColumn(double[] values, byte[] rowDecimals, BitSet missing, Map<Integer, String> texts) {
        this.values = values;
        this.missing = missing;
        this.texts = texts;
        int uniform = rowDecimals.length == 0 ? 0 : rowDecimals[0];
        for (byte d : rowDecimals) {
            if (d != uniform) {
                uniform = -1;
                break;
            }
        }
        this.rowDecimals = uniform < 0 ? rowDecimals : null;
        this.decimals = Math.max(0, uniform);
    }

    @Override
    public boolean isMissing(int row) {
        return missing.get(row);
    }

    @Override
    public String text(int row) {
        if (missing.get(row)) {
            return null;
        }
        String text = writtenText(row);
        return text != null ? text : NumberText.plain(values[row], decimals(row));
    }

    @Override
    public boolean appendPlainNumber(int row, StringBuilder out) {
        if (missing.get(row) || writtenText(row) != null) {
            return false;
        }
        NumberText.appendPlain(values[row], decimals(row), out);
        return true;
    }

    @Override
    public double number(int row) {
        return missing.get(row) ? Double.NaN : values[row];
    }

    /** Whether the value's text is an integer (as {@link NumberText#parseInteger} reads it). */
    boolean isInteger(int row) {
        String text = writtenText(row);
        if (text != null) {
            return NumberText.isNumber(NumberText.parseInteger(text.toCharArray(), 0, text.length()));
        }
        return decimals(row) == 0;
    }

    /** The text the file wrote, kept only where the number and its decimals do not give it back. */
    private String writtenText(int row) {
        return texts.isEmpty() ? null : texts.get(row);
    }

    private int decimals(int row) {
        return rowDecimals == null ? decimals : rowDecimals[row];
    }

    @Override
    public NumberColumn select(int[] rows) {
        double[] v = new double[rows.length];
        byte[] d = new byte[rows.length];
        BitSet m = new BitSet(rows.length);
        Map<Integer, String> t = new HashMap<>();
        for (int i = 0; i < rows.length; i++) {
            int r = rows[i];
            v[i] = values[r];
            d[i] = (byte) decimals(r);
            m.set(i, missing.get(r));
            String text = writtenText(r);
            if (text != null) {
                t.put(i, text);
            }
        }
        return new NumberColumn(v, d, m, t);
    }
}
