package io.jenkins.plugins.mlops.data;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds one {@link TypedColumn} from the fields of one chunk of a file: numbers while every
 * present value is one, then text from the first value that is not (the numbers read so far
 * become text too, once). Builders of later chunks are appended in file order.
 */
final class ColumnBuilder {
    /**
     * Past this share of values whose text a number does not give back, a column is kept as text:
     * a side map of Strings per row would cost more than the dictionary.
     */
    private static final int MAX_TEXT_SHARE = 16;

    private int size;
    private BitSet missing = new BitSet();
    // while numeric
    private double[] values = new double[64];
    private byte[] decimals = new byte[64];
    private Map<Integer, String> texts = new HashMap<>();
    // once text
    private int[] codes;
    private TextDictionary dictionary;

    void addMissing() {
        if (codes != null) {
            addCode(-1);
        } else {
            ensure(size + 1);
            missing.set(size++);
        }
    }

    void add(String value) {
        if (value == null) {
            addMissing();
        } else {
            add(value.toCharArray(), 0, value.length());
        }
    }

    void add(char[] buf, int offset, int len) {
        if (codes != null) {
            addCode(dictionary.code(buf, offset, len));
            return;
        }
        ensure(size + 1);
        double value = NumberText.parsePlain(buf, offset, len, decimals, size);
        boolean plain = NumberText.isNumber(value);
        if (!plain) {
            value = NumberText.parseDecimal(buf, offset, len);
        }
        if (!NumberText.isNumber(value) || !plain && texts.size() > 64 && texts.size() > size / MAX_TEXT_SHARE) {
            toText();
            addCode(dictionary.code(buf, offset, len));
            return;
        }
        values[size] = value;
        if (!plain) {
            decimals[size] = 0;
            texts.put(size, new String(buf, offset, len));
        }
        size++;
    }

    private void ensure(int capacity) {
        if (capacity > values.length) {
            int grown = Math.max(capacity, values.length * 2);
            values = Arrays.copyOf(values, grown);
            decimals = Arrays.copyOf(decimals, grown);
        }
    }

    private void addCode(int code) {
        if (size == codes.length) {
            codes = Arrays.copyOf(codes, Math.max(64, size * 2));
        }
        codes[size++] = code;
    }

    /** The numbers so far become text: each value's text, coded. */
    private void toText() {
        NumberColumn numbers = numbers();
        dictionary = new TextDictionary();
        codes = new int[Math.max(64, size)];
        for (int r = 0; r < size; r++) {
            String text = numbers.text(r);
            codes[r] = text == null ? -1 : dictionary.code(text);
        }
        values = null;
        decimals = null;
        texts = null;
        missing = null;
    }

    private NumberColumn numbers() {
        return new NumberColumn(Arrays.copyOf(values, size), Arrays.copyOf(decimals, size), missing, texts);
    }

    /** Appends the rows of the builder of the next chunk. */
    void append(ColumnBuilder later) {
        if (codes == null && later.codes == null) {
            int offset = size;
            ensure(size + later.size);
            System.arraycopy(later.values, 0, values, size, later.size);
            System.arraycopy(later.decimals, 0, decimals, size, later.size);
            size += later.size;
            later.missing.stream().forEach(r -> missing.set(offset + r));
            later.texts.forEach((r, text) -> texts.put(offset + r, text));
            return;
        }
        if (codes == null) {
            toText();
        }
        if (later.codes == null) {
            later.toText();
        }
        int[] recode = new int[later.dictionary.size()];
        for (int c = 0; c < recode.length; c++) {
            recode[c] = dictionary.code(later.dictionary.at(c));
        }
        for (int r = 0; r < later.size; r++) {
            int code = later.codes[r];
            addCode(code < 0 ? -1 : recode[code]);
        }
    }

    TypedColumn build() {
        return codes == null ? numbers() : new TextColumn(Arrays.copyOf(codes, size), dictionary);
    }
}
