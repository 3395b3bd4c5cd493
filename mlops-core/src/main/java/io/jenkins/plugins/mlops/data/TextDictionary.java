package io.jenkins.plugins.mlops.data;

import java.util.Arrays;

/**
 * The distinct values of a text column, each with a code in order of first sight, looked up in
 * place in the parser's buffer: a categorical column costs one int per row and one String per
 * distinct value, never a String per row. Unlike {@link TextInterner} it has no bound: an id
 * column keeps all its values (one String each, as a row store would).
 */
final class TextDictionary {
    private String[] values = new String[16];
    private int[] hashes = new int[16];
    /** Open addressing, at most half full: slot holds code + 1, 0 is empty. */
    private int[] slots = new int[32];
    private int size;

    int size() {
        return size;
    }

    String at(int code) {
        return values[code];
    }

    int code(String value) {
        return code(value.toCharArray(), 0, value.length());
    }

    int code(char[] buf, int offset, int len) {
        int hash = 0;
        for (int i = offset; i < offset + len; i++) {
            hash = 31 * hash + buf[i];
        }
        int mask = slots.length - 1;
        int slot = spread(hash) & mask;
        for (int entry; (entry = slots[slot]) != 0; slot = (slot + 1) & mask) {
            if (hashes[entry - 1] == hash && TextInterner.sameText(values[entry - 1], buf, offset, len)) {
                return entry - 1;
            }
        }
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
            hashes = Arrays.copyOf(hashes, size * 2);
        }
        values[size] = new String(buf, offset, len);
        hashes[size] = hash;
        slots[slot] = ++size;
        if (size * 2 > slots.length) {
            rehash();
        }
        return size - 1;
    }

    /** String.hashCode's low bits are poor for short strings: spread them before masking. */
    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        int mask = slots.length - 1;
        for (int code = 0; code < size; code++) {
            int slot = spread(hashes[code]) & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = code + 1;
        }
    }
}
