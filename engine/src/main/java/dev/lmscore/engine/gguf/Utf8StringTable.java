package dev.lmscore.engine.gguf;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Many strings kept as their UTF-8 bytes in one array, decoded only when asked for. A vocabulary of
 * 150,000 tokens then costs two arrays instead of 150,000 String objects, and reading it is one
 * copy per token with no decoding.
 */
final class Utf8StringTable {
    private final byte[] bytes;
    /** ends[i] is the offset just past string i; string i starts at ends[i - 1] (0 for the first). */
    private final int[] ends;

    Utf8StringTable(byte[] bytes, int[] ends) {
        this.bytes = bytes;
        this.ends = ends;
    }

    static Utf8StringTable of(List<String> strings) {
        byte[][] encoded = new byte[strings.size()][];
        long total = 0;
        for (int i = 0; i < encoded.length; i++) {
            encoded[i] = strings.get(i).getBytes(StandardCharsets.UTF_8);
            total += encoded[i].length;
        }
        if (total > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("strings too large for one array: " + total + " bytes");
        }
        byte[] bytes = new byte[(int) total];
        int[] ends = new int[encoded.length];
        int at = 0;
        for (int i = 0; i < encoded.length; i++) {
            System.arraycopy(encoded[i], 0, bytes, at, encoded[i].length);
            at += encoded[i].length;
            ends[i] = at;
        }
        return new Utf8StringTable(bytes, ends);
    }

    int size() {
        return ends.length;
    }

    int start(int i) {
        return i == 0 ? 0 : ends[i - 1];
    }

    int byteLength(int i) {
        return ends[i] - start(i);
    }

    /** The backing array; callers only read it. */
    byte[] bytes() {
        return bytes;
    }

    String get(int i) {
        int start = start(i);
        return new String(bytes, start, ends[i] - start, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Utf8StringTable other) || other.ends.length != ends.length) {
            return false;
        }
        int used = ends.length == 0 ? 0 : ends[ends.length - 1];
        return Arrays.equals(ends, other.ends) && Arrays.equals(bytes, 0, used, other.bytes, 0, used);
    }

    @Override
    public int hashCode() {
        int used = ends.length == 0 ? 0 : ends[ends.length - 1];
        int h = Arrays.hashCode(ends);
        for (int i = 0; i < used; i++) {
            h = 31 * h + bytes[i];
        }
        return h;
    }
}
