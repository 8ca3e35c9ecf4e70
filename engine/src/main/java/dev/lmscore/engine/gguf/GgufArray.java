package dev.lmscore.engine.gguf;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An array-valued GGUF metadata value (tokenizer tokens, scores, merges, per-layer head counts):
 * the element type and the elements, held in one primitive array of the matching width (unsigned
 * types keep their raw bits) or, for strings, as packed UTF-8 decoded on access. Immutable.
 *
 * <p>GGUF allows arrays of arrays; llama.cpp does not, and neither does this class.
 */
public final class GgufArray {
    private final GgufValueType elementType;
    /** byte[], short[], int[], long[], float[], double[], boolean[] or Utf8StringTable, by element type. */
    private final Object elements;
    private final int length;

    GgufArray(GgufValueType elementType, Object elements) {
        this.elementType = Objects.requireNonNull(elementType);
        this.elements = Objects.requireNonNull(elements);
        this.length = switch (elements) {
            case byte[] a -> a.length;
            case short[] a -> a.length;
            case int[] a -> a.length;
            case long[] a -> a.length;
            case float[] a -> a.length;
            case double[] a -> a.length;
            case boolean[] a -> a.length;
            case Utf8StringTable t -> t.size();
            default -> throw new IllegalArgumentException("unsupported storage " + elements.getClass());
        };
        Class<?> expected = storageClass(elementType);
        if (expected != elements.getClass()) {
            throw new IllegalArgumentException(elementType + " elements cannot be stored in a " + elements.getClass().getSimpleName());
        }
    }

    static Class<?> storageClass(GgufValueType type) {
        return switch (type) {
            case UINT8, INT8 -> byte[].class;
            case UINT16, INT16 -> short[].class;
            case UINT32, INT32 -> int[].class;
            case UINT64, INT64 -> long[].class;
            case FLOAT32 -> float[].class;
            case FLOAT64 -> double[].class;
            case BOOL -> boolean[].class;
            case STRING -> Utf8StringTable.class;
            case ARRAY -> throw new IllegalArgumentException("arrays of arrays are not supported (llama.cpp refuses them)");
        };
    }

    public static GgufArray ofUint8(byte... values) { return new GgufArray(GgufValueType.UINT8, values.clone()); }
    public static GgufArray ofInt8(byte... values) { return new GgufArray(GgufValueType.INT8, values.clone()); }
    public static GgufArray ofUint16(short... values) { return new GgufArray(GgufValueType.UINT16, values.clone()); }
    public static GgufArray ofInt16(short... values) { return new GgufArray(GgufValueType.INT16, values.clone()); }
    /** UINT32 elements given as their raw 32 bits (values above 2^31 - 1 are negative ints). */
    public static GgufArray ofUint32(int... values) { return new GgufArray(GgufValueType.UINT32, values.clone()); }
    public static GgufArray ofInt32(int... values) { return new GgufArray(GgufValueType.INT32, values.clone()); }
    /** UINT64 elements given as their raw 64 bits. */
    public static GgufArray ofUint64(long... values) { return new GgufArray(GgufValueType.UINT64, values.clone()); }
    public static GgufArray ofInt64(long... values) { return new GgufArray(GgufValueType.INT64, values.clone()); }
    public static GgufArray ofFloat32(float... values) { return new GgufArray(GgufValueType.FLOAT32, values.clone()); }
    public static GgufArray ofFloat64(double... values) { return new GgufArray(GgufValueType.FLOAT64, values.clone()); }
    public static GgufArray ofBool(boolean... values) { return new GgufArray(GgufValueType.BOOL, values.clone()); }
    public static GgufArray ofStrings(List<String> values) { return new GgufArray(GgufValueType.STRING, Utf8StringTable.of(values)); }
    public static GgufArray ofStrings(String... values) { return ofStrings(List.of(values)); }

    /** The type of every element. */
    public GgufValueType elementType() {
        return elementType;
    }

    /** Number of elements. */
    public int length() {
        return length;
    }

    /**
     * Element {@code i} of an integer array, widened to a long. Unsigned elements are zero-extended,
     * except UINT64, whose raw bits are returned (negative above 2^63 - 1).
     *
     * @throws IllegalStateException if the elements are not integers
     */
    public long getLong(int i) {
        Objects.checkIndex(i, length);
        return switch (elementType) {
            case UINT8 -> Byte.toUnsignedLong(((byte[]) elements)[i]);
            case INT8 -> ((byte[]) elements)[i];
            case UINT16 -> Short.toUnsignedLong(((short[]) elements)[i]);
            case INT16 -> ((short[]) elements)[i];
            case UINT32 -> Integer.toUnsignedLong(((int[]) elements)[i]);
            case INT32 -> ((int[]) elements)[i];
            case UINT64, INT64 -> ((long[]) elements)[i];
            default -> throw new IllegalStateException("an array of " + elementType + " has no integer elements");
        };
    }

    /**
     * Element {@code i} of a numeric array as a double.
     *
     * @throws IllegalStateException if the elements are not numbers
     */
    public double getDouble(int i) {
        Objects.checkIndex(i, length);
        return switch (elementType) {
            case FLOAT32 -> ((float[]) elements)[i];
            case FLOAT64 -> ((double[]) elements)[i];
            case UINT64 -> unsignedToDouble(((long[]) elements)[i]);
            case BOOL, STRING, ARRAY -> throw new IllegalStateException("an array of " + elementType + " has no numeric elements");
            default -> getLong(i);
        };
    }

    /**
     * Element {@code i} of a BOOL array.
     *
     * @throws IllegalStateException if the elements are not booleans
     */
    public boolean getBoolean(int i) {
        Objects.checkIndex(i, length);
        if (elementType != GgufValueType.BOOL) {
            throw new IllegalStateException("an array of " + elementType + " has no boolean elements");
        }
        return ((boolean[]) elements)[i];
    }

    /**
     * Element {@code i} of a STRING array, decoded from UTF-8.
     *
     * @throws IllegalStateException if the elements are not strings
     */
    public String getString(int i) {
        return strings().get(i);
    }

    /**
     * The elements of a STRING array as a list that decodes each string when it is read.
     *
     * @throws IllegalStateException if the elements are not strings
     */
    public List<String> strings() {
        if (!(elements instanceof Utf8StringTable table)) {
            throw new IllegalStateException("an array of " + elementType + " has no string elements");
        }
        return new StringView(table);
    }

    /** All elements of an integer array, widened as by {@link #getLong(int)}. */
    public long[] toLongArray() {
        long[] out = new long[length];
        for (int i = 0; i < length; i++) {
            out[i] = getLong(i);
        }
        return out;
    }

    /** All elements of a numeric array, as by {@link #getDouble(int)}. */
    public double[] toDoubleArray() {
        double[] out = new double[length];
        for (int i = 0; i < length; i++) {
            out[i] = getDouble(i);
        }
        return out;
    }

    /** The backing storage, for the writer; never handed out to users. */
    Object storage() {
        return elements;
    }

    private static double unsignedToDouble(long bits) {
        double d = (double) (bits >>> 1) * 2.0;
        return d + (bits & 1);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof GgufArray other) || other.elementType != elementType) {
            return false;
        }
        return switch (elements) {
            case byte[] a -> Arrays.equals(a, (byte[]) other.elements);
            case short[] a -> Arrays.equals(a, (short[]) other.elements);
            case int[] a -> Arrays.equals(a, (int[]) other.elements);
            case long[] a -> Arrays.equals(a, (long[]) other.elements);
            case float[] a -> Arrays.equals(a, (float[]) other.elements);
            case double[] a -> Arrays.equals(a, (double[]) other.elements);
            case boolean[] a -> Arrays.equals(a, (boolean[]) other.elements);
            default -> elements.equals(other.elements);
        };
    }

    @Override
    public int hashCode() {
        int h = switch (elements) {
            case byte[] a -> Arrays.hashCode(a);
            case short[] a -> Arrays.hashCode(a);
            case int[] a -> Arrays.hashCode(a);
            case long[] a -> Arrays.hashCode(a);
            case float[] a -> Arrays.hashCode(a);
            case double[] a -> Arrays.hashCode(a);
            case boolean[] a -> Arrays.hashCode(a);
            default -> elements.hashCode();
        };
        return 31 * elementType.hashCode() + h;
    }

    /** Type, length and the first few elements, e.g. {@code [STRING x 50257: "!", "\"", ...]}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[").append(elementType).append(" x ").append(length);
        int shown = Math.min(length, 6);
        for (int i = 0; i < shown; i++) {
            sb.append(i == 0 ? ": " : ", ");
            switch (elementType) {
                case STRING -> sb.append('"').append(getString(i)).append('"');
                case BOOL -> sb.append(getBoolean(i));
                case FLOAT32, FLOAT64 -> sb.append(getDouble(i));
                default -> sb.append(elementType == GgufValueType.UINT64 ? Long.toUnsignedString(getLong(i)) : Long.toString(getLong(i)));
            }
        }
        return sb.append(length > shown ? ", ...]" : "]").toString();
    }

    private static final class StringView extends AbstractList<String> implements RandomAccess {
        private final Utf8StringTable table;

        StringView(Utf8StringTable table) {
            this.table = table;
        }

        @Override
        public String get(int index) {
            Objects.checkIndex(index, table.size());
            return table.get(index);
        }

        @Override
        public int size() {
            return table.size();
        }
    }
}
