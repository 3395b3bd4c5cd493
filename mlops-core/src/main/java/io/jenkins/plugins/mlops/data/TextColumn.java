package io.jenkins.plugins.mlops.data;

/** A column of text: a code per row into the column's distinct values, -1 for missing. */
final class TextColumn implements TypedColumn {
    private final int[] codes;
    private final TextDictionary dictionary;
    /** The number each distinct value reads as, parsed on first use. */
    private double[] numbers;

    TextColumn(int[] codes, TextDictionary dictionary) {
        this.codes = codes;
        this.dictionary = dictionary;
    }

    @Override
    public boolean isMissing(int row) {
        return codes[row] < 0;
    }

    @Override
    public String text(int row) {
        int code = codes[row];
        return code < 0 ? null : dictionary.at(code);
    }

    @Override
    public double number(int row) {
        int code = codes[row];
        if (code < 0) {
            return Double.NaN;
        }
        if (numbers == null) {
            double[] parsed = new double[dictionary.size()];
            for (int c = 0; c < parsed.length; c++) {
                String text = dictionary.at(c);
                double d = NumberText.parseDecimal(text.toCharArray(), 0, text.length());
                parsed[c] = NumberText.isNumber(d) ? d : Double.NaN;
            }
            numbers = parsed;
        }
        return numbers[code];
    }

    /** The code of a row's value, -1 when missing; codes index {@link #distinct}. */
    int code(int row) {
        return codes[row];
    }

    /** The value of a code. */
    String distinct(int code) {
        return dictionary.at(code);
    }

    int distinctCount() {
        return dictionary.size();
    }

    @Override
    public TextColumn select(int[] rows) {
        int[] selected = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            selected[i] = codes[rows[i]];
        }
        // the dictionary is shared: it may hold values no selected row has, which counts skip
        return new TextColumn(selected, dictionary);
    }
}
