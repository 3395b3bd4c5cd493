package io.jenkins.plugins.mlops.data;

/**
 * Canonical Strings for the repeated values of a text column, looked up in place in the parser's
 * buffer: a categorical column then costs no new String per row, and its value's hash is already
 * cached for the checks and counts that follow (a fresh String would be hashed and compared anew
 * by each). Holds at most {@value #MAX} values; beyond, values come back as new Strings.
 */
public final class TextInterner {
    static final int MAX = 1024;
    /** Open addressing at most half full, so that a miss ends after a probe or two. */
    private static final int CAPACITY = 2 * MAX;

    private final String[] table = new String[CAPACITY];
    private final int[] hashes = new int[CAPACITY];
    private int size;

    public String intern(char[] buf, int offset, int len) {
        int slot = slotOf(buf, offset, len);
        return slot >= 0 ? table[slot] : new String(buf, offset, len);
    }

    /**
     * The slot of the value's canonical String (made on first sight), or -1 once the table is full
     * and the value is not in it. Slots are stable: a caller may keep facts about a value by slot.
     */
    public int slotOf(char[] buf, int offset, int len) {
        int hash = 0;
        for (int i = offset; i < offset + len; i++) {
            hash = 31 * hash + buf[i];
        }
        // String.hashCode's low bits are poor for short strings: spread them before masking
        int slot = (hash ^ (hash >>> 16)) & (CAPACITY - 1);
        for (String s; (s = table[slot]) != null; slot = (slot + 1) & (CAPACITY - 1)) {
            if (hashes[slot] == hash && sameText(s, buf, offset, len)) {
                return slot;
            }
        }
        if (size == MAX) {
            return -1;
        }
        table[slot] = new String(buf, offset, len);
        hashes[slot] = hash;
        size++;
        return slot;
    }

    /** The canonical String of a slot {@link #slotOf} returned. */
    public String at(int slot) {
        return table[slot];
    }

    /** How many slots there can be: the bound for arrays indexed by slot. */
    public static int capacity() {
        return CAPACITY;
    }

    /** Whether {@code len} characters at {@code offset} are the String's, compared in place. */
    static boolean sameText(String s, char[] buf, int offset, int len) {
        if (s.length() != len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (s.charAt(i) != buf[offset + i]) {
                return false;
            }
        }
        return true;
    }
}
