package dev.lmscore.engine.gguf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class TensorEncodingTest {
    @Test
    void q8_0MatchesGgmlReferenceRounding() {
        float[] block = new float[32];
        block[0] = 127f;   // amax 127: scale d = 1, so each value is its own quant
        block[1] = -2.5f;  // roundf rounds halves away from zero: -3, where Math.round gives -2
        block[2] = 2.5f;
        block[3] = 0.5f;
        block[4] = -0.5f;
        ByteBuffer out = ByteBuffer.allocate(GgmlType.Q8_0.bytesPerBlock()).order(ByteOrder.LITTLE_ENDIAN);
        TensorEncoding.encode(GgmlType.Q8_0, block, 0, 32, out);

        assertEquals(34, out.position());
        assertEquals((short) 0x3C00, out.getShort(0), "fp16 of 1.0");
        byte[] quants = new byte[5];
        out.get(2, quants);
        assertArrayEquals(new byte[] {127, -3, 3, 1, -1}, quants);
    }

    @Test
    void zeroBlockHasZeroScale() {
        ByteBuffer out = ByteBuffer.allocate(34);
        TensorEncoding.encode(GgmlType.Q8_0, new float[32], 0, 32, out);
        assertArrayEquals(new byte[34], out.array());
    }

    @Test
    void halfPrecisionRoundTrips() {
        float[] values = {0f, 1f, -2f, 0.1f, 65504f, 1e-8f};
        ByteBuffer f16 = ByteBuffer.allocate(12);
        TensorEncoding.encode(GgmlType.F16, values, 0, 6, f16);
        float[] back = new float[6];
        TensorEncoding.decode(GgmlType.F16, f16.flip(), back, 0, 6);
        assertArrayEquals(new float[] {0f, 1f, -2f, 0.099975586f, 65504f, 0f}, back);

        ByteBuffer bf16 = ByteBuffer.allocate(12);
        TensorEncoding.encode(GgmlType.BF16, values, 0, 6, bf16);
        TensorEncoding.decode(GgmlType.BF16, bf16.flip(), back, 0, 6);
        assertEquals(0.10009765625f, back[3]);
        assertEquals(65536f, back[4], "bf16 rounds 65504 to the nearest of its 8-bit mantissa");
    }

    @Test
    void partialBlocksAndOtherTypesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> TensorEncoding.encode(GgmlType.Q8_0, new float[16], 0, 16, ByteBuffer.allocate(64)));
        assertThrows(IllegalArgumentException.class, () -> TensorEncoding.encode(GgmlType.Q4_K, new float[256], 0, 256, ByteBuffer.allocate(1024)));
    }
}
