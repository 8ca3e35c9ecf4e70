package dev.lmscore.engine.llama;

import dev.lmscore.bindings.LlamaLibrary;
import dev.lmscore.engine.ExitCode;
import dev.lmscore.engine.LmscoreException;
import dev.lmscore.llama.Llama;
import dev.lmscore.llama.ggml_log_callback;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Process-wide llama.cpp state: loads the libraries, installs the log capture and initialises the
 * backends, once. Everything else in this package calls {@link #init()} before its first downcall.
 */
public final class LlamaRuntime {
    private static final LlamaLog LOG = new LlamaLog();
    private static boolean initialized;

    private LlamaRuntime() {}

    public static synchronized void init() {
        if (initialized) {
            return;
        }
        try {
            LlamaLibrary.load();
        } catch (LlamaLibrary.NativeLibraryException e) {
            throw new LmscoreException(ExitCode.NATIVE_LIBRARY, e.getMessage(), e);
        }
        // The upcall stub lives as long as the process: llama.cpp keeps the pointer.
        MemorySegment callback = ggml_log_callback.allocate(LOG::accept, Arena.global());
        Llama.llama_log_set(callback, MemorySegment.NULL);
        Llama.llama_backend_init();
        initialized = true;
    }

    /**
     * Links the downcalls a scoring run makes, so that their stubs are generated here rather than
     * at each function's first call on the run's critical path. The FFM API spins a class or two
     * per downcall the first time it is linked (a few milliseconds each, interpreted); the command
     * line calls this on a background thread while it parses its arguments. Initialises first.
     */
    public static void linkScoringCalls() {
        init();
        // each $handle() initialises its function's holder class, which links the downcall
        List.of(
                Llama.llama_model_default_params$handle(), Llama.llama_model_load_from_file$handle(),
                Llama.llama_model_get_vocab$handle(), Llama.llama_vocab_n_tokens$handle(),
                Llama.llama_vocab_type$handle(), Llama.llama_vocab_get_add_bos$handle(),
                Llama.llama_vocab_get_add_eos$handle(), Llama.llama_vocab_bos$handle(), Llama.llama_vocab_eos$handle(),
                Llama.llama_vocab_get_attr$handle(), Llama.llama_vocab_get_text$handle(),
                Llama.llama_token_to_piece$handle(), Llama.llama_tokenize$handle(),
                Llama.llama_model_meta_count$handle(), Llama.llama_model_meta_key_by_index$handle(),
                Llama.llama_model_meta_val_str_by_index$handle(), Llama.llama_model_desc$handle(),
                Llama.llama_model_size$handle(), Llama.llama_model_n_params$handle(), Llama.llama_model_n_layer$handle(),
                Llama.llama_model_n_embd$handle(), Llama.llama_model_n_ctx_train$handle(),
                Llama.llama_model_has_encoder$handle(), Llama.llama_model_has_decoder$handle(),
                Llama.llama_context_default_params$handle(), Llama.llama_init_from_model$handle(),
                Llama.ggml_threadpool_params_default$handle(), Llama.ggml_threadpool_new$handle(),
                Llama.llama_attach_threadpool$handle(), Llama.llama_n_ctx$handle(), Llama.llama_n_batch$handle(),
                Llama.llama_get_memory$handle(), Llama.llama_memory_clear$handle(), Llama.llama_memory_seq_rm$handle(),
                Llama.llama_memory_seq_cp$handle(), Llama.llama_batch_init$handle(), Llama.llama_decode$handle(),
                Llama.llama_get_logits$handle(), Llama.llama_synchronize$handle(),
                Llama.llama_batch_free$handle(), Llama.llama_free$handle(), Llama.ggml_threadpool_free$handle(),
                Llama.llama_model_free$handle());
    }

    public static LlamaLog log() {
        return LOG;
    }

    /** Where the libraries were loaded from (initialises if needed). */
    public static Path libraryDirectory() {
        init();
        return LlamaLibrary.loadedFrom();
    }

    /** llama.cpp's system info line (SIMD features, backends). */
    public static String systemInfo() {
        init();
        return CStrings.read(Llama.llama_print_system_info());
    }

    public static boolean supportsGpuOffload() {
        init();
        return Llama.llama_supports_gpu_offload();
    }

    /** The compute devices ggml knows, as "name (description)". */
    public static List<String> devices() {
        init();
        List<String> result = new ArrayList<>();
        long n = Llama.ggml_backend_dev_count();
        for (long i = 0; i < n; i++) {
            MemorySegment dev = Llama.ggml_backend_dev_get(i);
            String name = CStrings.read(Llama.ggml_backend_dev_name(dev));
            String description = CStrings.read(Llama.ggml_backend_dev_description(dev));
            result.add(name + " (" + description + ")");
        }
        return result;
    }
}
