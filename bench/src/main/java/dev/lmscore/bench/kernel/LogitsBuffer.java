package dev.lmscore.bench.kernel;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The logits every kernel benchmark reads: {@code rows} rows of {@code vocab} gaussian floats in
 * one off-heap segment from {@code Arena.ofShared()} (so pool threads can read it, as they read
 * llama.cpp's buffer), and a target token per row.
 *
 * <p>One row is read again and again from cache (the vocabulary-size working set of scoring one
 * token at a time); 256 rows of a large vocabulary (33 MB at 32k, 156 MB at 152k) stream from
 * L3 or DRAM, as scoring a decode batch does.
 */
@State(Scope.Benchmark)
public class LogitsBuffer {
    @Param({"512", "32000", "50257", "151936"})
    public int vocab;

    @Param({"1", "256"})
    public int rows;

    private Arena arena;
    private MemorySegment logits;
    private int[] targets;

    @Setup(Level.Trial)
    public void allocate() {
        arena = Arena.ofShared();
        long seed = 31L * vocab + rows;
        logits = GaussianLogits.allocate(arena, rows, vocab, seed);
        targets = GaussianLogits.targets(logits, rows, vocab, seed);
    }

    @TearDown(Level.Trial)
    public void free() {
        arena.close();
    }

    public MemorySegment logits() {
        return logits;
    }

    public int[] targets() {
        return targets;
    }

    public long rowBytes() {
        return (long) vocab * Float.BYTES;
    }

    public long logitCount() {
        return (long) rows * vocab;
    }

    /** For tests: a buffer without JMH. */
    public static LogitsBuffer of(int vocab, int rows) {
        LogitsBuffer buffer = new LogitsBuffer();
        buffer.vocab = vocab;
        buffer.rows = rows;
        buffer.allocate();
        return buffer;
    }
}
