package dev.lmscore.engine.llama;

import dev.lmscore.engine.ExitCode;
import dev.lmscore.engine.LmscoreException;
import dev.lmscore.llama.Llama;
import dev.lmscore.llama.llama_context_params;
import dev.lmscore.llama.llama_perf_context_data;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * A llama.cpp context: the KV cache and compute buffers for one stream of decodes. Owns the native
 * {@code llama_context}; used by one thread at a time. Logits returned by {@link #logits(int)} stay
 * valid until the next decode.
 */
public final class EvalContext implements AutoCloseable {
    private final Model model;
    private final ContextOptions options;
    private final MemorySegment handle;
    private final MemorySegment memory;
    private final int vocabularySize;
    private final long rowBytes;
    private final MemorySegment threadpool;
    private boolean closed;

    private EvalContext(Model model, ContextOptions options, MemorySegment handle, MemorySegment threadpool) {
        this.model = model;
        this.options = options;
        this.handle = handle;
        this.threadpool = threadpool;
        this.memory = Llama.llama_get_memory(handle);
        this.vocabularySize = model.vocabulary().size();
        this.rowBytes = (long) vocabularySize * Float.BYTES;
    }

    public static EvalContext create(Model model, ContextOptions options) {
        if (!model.isDecoderOnly()) {
            throw new LmscoreException(ExitCode.MODEL_LOAD, "model " + model.path()
                    + " is not a decoder-only model; lmscore scores decoder-only models");
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment p = Llama.llama_context_default_params(arena);
            llama_context_params.n_ctx(p, options.contextSize());
            llama_context_params.n_batch(p, options.batchSize());
            llama_context_params.n_ubatch(p, Math.min(options.ubatchSize(), options.batchSize()));
            llama_context_params.n_seq_max(p, options.sequences());
            llama_context_params.n_threads(p, options.effectiveThreads());
            llama_context_params.n_threads_batch(p, options.effectiveThreads());
            llama_context_params.flash_attn_type(p, switch (options.flashAttention()) {
                case AUTO -> Llama.LLAMA_FLASH_ATTN_TYPE_AUTO();
                case ON -> Llama.LLAMA_FLASH_ATTN_TYPE_ENABLED();
                case OFF -> Llama.LLAMA_FLASH_ATTN_TYPE_DISABLED();
            });
            int cache = switch (options.cacheType()) {
                case F16 -> Llama.GGML_TYPE_F16();
                case F32 -> Llama.GGML_TYPE_F32();
                case Q8_0 -> Llama.GGML_TYPE_Q8_0();
            };
            llama_context_params.type_k(p, cache);
            llama_context_params.type_v(p, cache);
            llama_context_params.kv_unified(p, options.unifiedCache());
            llama_context_params.abort_callback(p, Interruption.ABORT_CALLBACK);
            MemorySegment handle = Llama.llama_init_from_model(model.handle(), p);
            if (handle.equals(MemorySegment.NULL)) {
                String reason = LlamaRuntime.log().takeFirstError();
                throw new LmscoreException(ExitCode.MODEL_LOAD, "cannot create a context of " + options.contextSize()
                        + " tokens for " + model.path() + (reason == null ? "" : ": llama.cpp says: " + reason));
            }
            // A persistent, polling threadpool as llama-perplexity attaches one: without it ggml
            // creates and joins its worker threads on every graph computation.
            MemorySegment pool = Llama.ggml_threadpool_new(
                    Llama.ggml_threadpool_params_default(arena, options.effectiveThreads()));
            if (!pool.equals(MemorySegment.NULL)) {
                Llama.llama_attach_threadpool(handle, pool, MemorySegment.NULL);
            }
            return new EvalContext(model, options, handle, pool);
        }
    }

    public Model model() {
        return model;
    }

    public ContextOptions options() {
        return options;
    }

    public int vocabularySize() {
        return vocabularySize;
    }

    /** KV cells the context really has (llama.cpp may round up). */
    public int contextSize() {
        return Llama.llama_n_ctx(handle());
    }

    public int batchSize() {
        return Llama.llama_n_batch(handle());
    }

    /** Runs the model over the batch; its output rows are then readable through {@link #logits(int)}. */
    public void decode(TokenBatch batch) {
        if (Interruption.requested()) {
            throw new InterruptedRunException();
        }
        int rc = Llama.llama_decode(handle(), batch.prepared());
        switch (rc) {
            case 0 -> { }
            case 1 -> throw new LmscoreException(ExitCode.INTERNAL,
                    "llama_decode found no KV cache slot for a batch of " + batch.size() + " tokens");
            case 2 -> throw new InterruptedRunException();
            default -> {
                String reason = LlamaRuntime.log().takeFirstError();
                throw new LmscoreException(ExitCode.INTERNAL, "llama_decode failed (" + rc + ")"
                        + (reason == null ? "" : ": " + reason));
            }
        }
    }

    /** The logits of the last decode: {@code rows} rows of {@link #vocabularySize()} floats, off-heap. */
    public MemorySegment logits(int rows) {
        return Llama.llama_get_logits(handle()).reinterpret(rows * rowBytes);
    }

    /** Waits for asynchronous backends (GPU) to finish the last decode. */
    public void synchronize() {
        Llama.llama_synchronize(handle());
    }

    public void clearMemory() {
        Llama.llama_memory_clear(memory, true);
    }

    /** Makes sequence {@code dst} share the cells of {@code src} at positions [p0, p1). */
    public void copySequence(int src, int dst, int p0, int p1) {
        Llama.llama_memory_seq_cp(memory, src, dst, p0, p1);
    }

    /** Drops sequence {@code seq}'s cells at positions [p0, p1) (-1: open end). */
    public void removeSequence(int seq, int p0, int p1) {
        Llama.llama_memory_seq_rm(memory, seq, p0, p1);
    }

    /** llama.cpp's own timing of the decodes since creation or the last reset, in milliseconds. */
    public DecodeTimings timings() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment d = Llama.llama_perf_context(arena, handle());
            return new DecodeTimings(llama_perf_context_data.t_load_ms(d), llama_perf_context_data.t_p_eval_ms(d),
                    llama_perf_context_data.t_eval_ms(d), llama_perf_context_data.n_p_eval(d),
                    llama_perf_context_data.n_eval(d));
        }
    }

    public void resetTimings() {
        Llama.llama_perf_context_reset(handle());
    }

    /** llama.cpp's decode timings: prompt evaluation is what scoring does. */
    public record DecodeTimings(double loadMs, double promptEvalMs, double evalMs, int promptTokens, int evalTokens) {}

    private MemorySegment handle() {
        if (closed) {
            throw new IllegalStateException("context is closed");
        }
        return handle;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            Llama.llama_free(handle);
            if (!threadpool.equals(MemorySegment.NULL)) {
                Llama.ggml_threadpool_free(threadpool);
            }
        }
    }
}
