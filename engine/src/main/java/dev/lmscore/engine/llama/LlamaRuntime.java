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
