package dev.lmscore.engine.llama;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import dev.lmscore.llama.Llama;
import dev.lmscore.llama.llama_batch;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * A reusable off-heap {@code llama_batch}: tokens, positions, sequence ids and output flags are
 * written straight into llama.cpp's arrays, so filling a batch allocates nothing on the heap.
 */
public final class TokenBatch implements AutoCloseable {
    private final Arena arena = Arena.ofShared();
    private final MemorySegment batch;
    private final MemorySegment token;
    private final MemorySegment pos;
    private final MemorySegment nSeqId;
    private final MemorySegment seqIds;
    private final MemorySegment logits;
    private final int capacity;
    private final int maxSequencesPerToken;
    private final MemorySegment[] seqIdRows;
    private int size;
    private int outputs;

    public TokenBatch(int capacity, int maxSequencesPerToken) {
        LlamaRuntime.init();
        this.capacity = capacity;
        this.maxSequencesPerToken = maxSequencesPerToken;
        this.batch = Llama.llama_batch_init(arena, capacity, 0, maxSequencesPerToken);
        this.token = llama_batch.token(batch).reinterpret((long) capacity * Integer.BYTES);
        this.pos = llama_batch.pos(batch).reinterpret((long) capacity * Integer.BYTES);
        this.nSeqId = llama_batch.n_seq_id(batch).reinterpret((long) capacity * Integer.BYTES);
        this.seqIds = llama_batch.seq_id(batch).reinterpret((long) capacity * ADDRESS.byteSize());
        this.logits = llama_batch.logits(batch).reinterpret(capacity);
        this.seqIdRows = new MemorySegment[capacity];
        for (int i = 0; i < capacity; i++) {
            seqIdRows[i] = seqIds.getAtIndex(ADDRESS, i).reinterpret((long) maxSequencesPerToken * Integer.BYTES);
        }
    }

    public int capacity() {
        return capacity;
    }

    public int size() {
        return size;
    }

    public boolean isFull() {
        return size == capacity;
    }

    /** Number of tokens flagged for output: the rows of logits the next decode returns, in order. */
    public int outputs() {
        return outputs;
    }

    public void clear() {
        size = 0;
        outputs = 0;
    }

    /** Appends a token of one sequence. */
    public void add(int tokenId, int position, int sequence, boolean output) {
        int i = size++;
        token.setAtIndex(JAVA_INT, i, tokenId);
        pos.setAtIndex(JAVA_INT, i, position);
        nSeqId.setAtIndex(JAVA_INT, i, 1);
        seqIdRows[i].setAtIndex(JAVA_INT, 0, sequence);
        logits.set(JAVA_BYTE, i, (byte) (output ? 1 : 0));
        if (output) outputs++;
    }

    /** Appends a token shared by several sequences (a common prefix decoded once). */
    public void addShared(int tokenId, int position, int[] sequences, int count, boolean output) {
        if (count > maxSequencesPerToken) {
            throw new IllegalArgumentException(count + " sequences for one token, at most " + maxSequencesPerToken);
        }
        int i = size++;
        token.setAtIndex(JAVA_INT, i, tokenId);
        pos.setAtIndex(JAVA_INT, i, position);
        nSeqId.setAtIndex(JAVA_INT, i, count);
        for (int s = 0; s < count; s++) {
            seqIdRows[i].setAtIndex(JAVA_INT, s, sequences[s]);
        }
        logits.set(JAVA_BYTE, i, (byte) (output ? 1 : 0));
        if (output) outputs++;
    }

    /** The struct to pass by value, with n_tokens set to the current size. */
    MemorySegment prepared() {
        llama_batch.n_tokens(batch, size);
        return batch;
    }

    @Override
    public void close() {
        if (arena.scope().isAlive()) {
            llama_batch.n_tokens(batch, 0);
            Llama.llama_batch_free(batch);
            arena.close();
        }
    }
}
