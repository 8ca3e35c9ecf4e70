package dev.lmscore.engine.gguf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lmscore.engine.TestData;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files written by {@link GgufWriter} and read back by {@link GgufReader}. */
class GgufWriterTest {
    @TempDir
    Path dir;

    @Test
    void everyValueTypeRoundTrips() throws IOException {
        Map<String, GgufValue> values = new LinkedHashMap<>();
        values.put("t.uint8", GgufValue.uint8(255));
        values.put("t.int8", GgufValue.int8(-128));
        values.put("t.uint16", GgufValue.uint16(65535));
        values.put("t.int16", GgufValue.int16(-32768));
        values.put("t.uint32", GgufValue.uint32(0xFFFF_FFFFL));
        values.put("t.int32", GgufValue.int32(Integer.MIN_VALUE));
        values.put("t.float32", GgufValue.float32(-1.5e-7f));
        values.put("t.float32.nan", GgufValue.float32(Float.NaN));
        values.put("t.bool.true", GgufValue.bool(true));
        values.put("t.bool.false", GgufValue.bool(false));
        values.put("t.string", GgufValue.string("héllo ✓ 🦙"));
        values.put("t.string.empty", GgufValue.string(""));
        values.put("t.uint64", GgufValue.uint64(-1L));
        values.put("t.int64", GgufValue.int64(Long.MIN_VALUE));
        values.put("t.float64", GgufValue.float64(Math.PI));
        values.put("a.uint8", GgufValue.array(GgufArray.ofUint8((byte) 0, (byte) 255)));
        values.put("a.int8", GgufValue.array(GgufArray.ofInt8((byte) -1, (byte) 127)));
        values.put("a.uint16", GgufValue.array(GgufArray.ofUint16((short) 65535, (short) 1)));
        values.put("a.int16", GgufValue.array(GgufArray.ofInt16((short) -2, (short) 300)));
        values.put("a.uint32", GgufValue.array(GgufArray.ofUint32(-1, 7)));
        values.put("a.int32", GgufValue.array(GgufArray.ofInt32(1, -2, 3)));
        values.put("a.float32", GgufValue.array(GgufArray.ofFloat32(0.25f, -0f, Float.MAX_VALUE)));
        values.put("a.bool", GgufValue.array(GgufArray.ofBool(true, false, true)));
        values.put("a.string", GgufValue.array(GgufArray.ofStrings("a", "", "Ġthe", "日本語")));
        values.put("a.uint64", GgufValue.array(GgufArray.ofUint64(-1L, 0)));
        values.put("a.int64", GgufValue.array(GgufArray.ofInt64(Long.MAX_VALUE, -3)));
        values.put("a.float64", GgufValue.array(GgufArray.ofFloat64(1e300, -0.5)));
        values.put("a.empty", GgufValue.array(GgufArray.ofInt32()));

        Path file = dir.resolve("values.gguf");
        new GgufWriter().putAll(values).write(file);
        GgufFile read = GgufReader.read(file);

        assertEquals(3, read.version());
        assertEquals(values, read.metadata().asMap());
        assertEquals(List.copyOf(values.keySet()), List.copyOf(read.metadata().keys()), "order is kept");
        GgufMetadata m = read.metadata();
        assertEquals(0xFFFF_FFFFL, m.integer("t.uint32").getAsLong());
        assertEquals(65535, m.integer("t.uint16").getAsLong());
        assertEquals(1.8446744073709552e19, m.number("t.uint64").getAsDouble());
        assertEquals("18446744073709551615", m.get("t.uint64").orElseThrow().toString());
        assertEquals(List.of("a", "", "Ġthe", "日本語"), m.array("a.string").orElseThrow().strings());
        assertEquals(4294967295L, m.array("a.uint32").orElseThrow().getLong(0));
        assertEquals(255, m.array("a.uint8").orElseThrow().getLong(1));
        assertTrue(m.bool("t.bool.true").orElseThrow());
    }

    @Test
    void floatTensorsAreEncodedAndAligned() throws IOException {
        float[] values = new float[4 * 64];
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (random.nextGaussian() * 0.02);
        }
        TensorValues source = fromArray(values);
        Path file = dir.resolve("tensors.gguf");
        GgufWriter writer = new GgufWriter()
                .put("general.architecture", GgufValue.string("test"))
                .addTensor("norm", GgmlType.F32, new long[] {3}, GgufTensorSource.ofFloats(fromArray(new float[] {1, 2, 3})))
                .addTensor("f32", GgmlType.F32, new long[] {64, 4}, GgufTensorSource.ofFloats(source))
                .addTensor("f16", GgmlType.F16, new long[] {64, 4}, GgufTensorSource.ofFloats(source))
                .addTensor("bf16", GgmlType.BF16, new long[] {64, 4}, GgufTensorSource.ofFloats(source))
                .addTensor("q8_0", GgmlType.Q8_0, new long[] {64, 4}, GgufTensorSource.ofFloats(source));
        long size = writer.write(file);

        GgufFile read = GgufReader.read(file);
        assertEquals(Files.size(file), size);
        assertEquals(writer.tensors(), read.tensors());
        for (GgufTensorInfo t : read.tensors()) {
            assertEquals(0, read.dataOffset(t) % 32, t.name());
        }
        assertArrayEquals(new float[] {1, 2, 3}, data(read, "norm"));
        assertArrayEquals(values, data(read, "f32"));
        float[] f16 = data(read, "f16");
        float[] bf16 = data(read, "bf16");
        float[] q8 = data(read, "q8_0");
        for (int i = 0; i < values.length; i++) {
            assertEquals(values[i], f16[i], Math.abs(values[i]) / 1024 + 1e-7, "f16 " + i);
            assertEquals(values[i], bf16[i], Math.abs(values[i]) / 128, "bf16 " + i);
            assertEquals(values[i], q8[i], 0.1 / 127 / 2 + 1e-6, "q8_0 " + i); // |x| < 0.1 here: half a step of the block scale
        }
        assertEquals(Map.of(GgmlType.F32, 2, GgmlType.F16, 1, GgmlType.BF16, 1, GgmlType.Q8_0, 1), read.tensorTypeHistogram());
    }

    @Test
    void customAlignmentIsRecordedAndUsed() throws IOException {
        Path file = dir.resolve("aligned.gguf");
        new GgufWriter().alignment(64)
                .addTensor("a", GgmlType.F32, new long[] {3}, GgufTensorSource.ofFloats(fromArray(new float[] {1, 2, 3})))
                .addTensor("b", GgmlType.F16, new long[] {5}, GgufTensorSource.ofFloats(fromArray(new float[] {1, 2, 3, 4, 5})))
                .write(file);
        GgufFile read = GgufReader.read(file);
        assertEquals(64, read.alignment());
        assertEquals(64, read.metadata().integer("general.alignment").getAsLong());
        assertEquals(0, read.dataSectionOffset() % 64);
        assertEquals(64, read.tensor("b").orElseThrow().offset());
    }

    @Test
    void copyOfARealModelIsByteIdentical() throws IOException {
        Path original = TestData.data("models/stories260K.gguf");
        GgufFile model = GgufReader.read(original);
        GgufWriter writer = new GgufWriter().putAll(model.metadata().asMap());
        try (FileChannel channel = FileChannel.open(original, StandardOpenOption.READ)) {
            for (GgufTensorInfo t : model.tensors()) {
                ByteBuffer data = channel.map(FileChannel.MapMode.READ_ONLY, model.dataOffset(t), t.byteSize());
                writer.addTensor(t.name(), t.type(), t.shape(), GgufTensorSource.ofBytes(data));
            }
            Path copy = dir.resolve("copy.gguf");
            writer.write(copy);
            assertArrayEquals(Files.readAllBytes(original), Files.readAllBytes(copy));
        }
    }

    @Test
    void sourceWritingTheWrongAmountLeavesNoFile() {
        Path file = dir.resolve("short.gguf");
        GgufWriter writer = new GgufWriter()
                .addTensor("t", GgmlType.F32, new long[] {8}, (tensor, sink) -> sink.write(ByteBuffer.allocate(16)));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> writer.write(file));
        assertEquals("the source of tensor 't' wrote 16 bytes, expected 32", e.getMessage());
        assertFalse(Files.exists(file));
        assertEquals(0, dir.toFile().list().length, "the partial file is removed");
    }

    @Test
    void shapesLlamaCppWouldRefuseAreRefusedWhenAdded() {
        GgufWriter writer = new GgufWriter();
        TensorValues zeros = (t, chunk, n) -> {};
        assertThrows(IllegalArgumentException.class,
                () -> writer.addTensor("down", GgmlType.Q8_0, new long[] {172, 64}, GgufTensorSource.ofFloats(zeros)));
        assertThrows(IllegalArgumentException.class,
                () -> writer.addTensor("x".repeat(64), GgmlType.F32, new long[] {1}, GgufTensorSource.ofFloats(zeros)));
        writer.addTensor("ok", GgmlType.F32, new long[] {1}, GgufTensorSource.ofFloats(zeros));
        assertThrows(IllegalArgumentException.class,
                () -> writer.addTensor("ok", GgmlType.F32, new long[] {1}, GgufTensorSource.ofFloats(zeros)));
    }

    /** Serves the values of an array, restarting for each tensor. */
    private static TensorValues fromArray(float[] values) {
        return new TensorValues() {
            private GgufTensorInfo current;
            private int next;

            @Override
            public void next(GgufTensorInfo tensor, float[] chunk, int count) {
                if (tensor != current) {
                    current = tensor;
                    next = 0;
                }
                System.arraycopy(values, next, chunk, 0, count);
                next += count;
            }
        };
    }

    private static float[] data(GgufFile file, String name) throws IOException {
        GgufTensorInfo t = file.tensor(name).orElseThrow();
        ByteBuffer bytes = ByteBuffer.allocate((int) t.byteSize()).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel channel = FileChannel.open(file.path(), StandardOpenOption.READ)) {
            channel.read(bytes, file.dataOffset(t));
        }
        bytes.flip();
        float[] out = new float[(int) t.elementCount()];
        TensorEncoding.decode(t.type(), bytes, out, 0, out.length);
        return out;
    }
}
