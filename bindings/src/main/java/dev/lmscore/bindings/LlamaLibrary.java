package dev.lmscore.bindings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds and loads llama.cpp's shared libraries, once per process, so that the jextract bindings in
 * {@code dev.lmscore.llama} can resolve their symbols (they look them up in the libraries this
 * class loader has loaded).
 *
 * <p>Where it looks, first match wins:
 * <ol>
 *   <li>the directory named by the system property {@code lmscore.llama.dir} or the environment
 *       variable {@code LMSCORE_LLAMA_DIR} (an install directory with {@code lib/}, or the library
 *       directory itself);</li>
 *   <li>a directory registered by {@link #useDirectory(Path)} (the single binary unpacks its
 *       embedded libraries and registers them);</li>
 *   <li>the build cache of {@code native/build.sh}:
 *       {@code ${LMSCORE_CACHE_DIR:-${XDG_CACHE_HOME:-~/.cache}/lmscore}/llama.cpp/VERSION/BACKEND},
 *       where BACKEND is {@code lmscore.backend} / {@code LMSCORE_BACKEND} ({@code cpu} by default,
 *       {@code cuda} for the first CUDA build found).</li>
 * </ol>
 */
public final class LlamaLibrary {
    /** The llama.cpp release these bindings were generated from. */
    public static final String LLAMA_VERSION = "0.5.0";
    public static final String LLAMA_COMMIT = "de3ff815ea7d559ee917f063901b8986f038abc6";

    private static final String LIBRARY = "libllama.so";
    private static volatile Path loadedFrom;
    private static volatile Path registered;

    private LlamaLibrary() {}

    /** Registers a directory to search before the build cache; call before {@link #load()}. */
    public static void useDirectory(Path dir) {
        registered = dir;
    }

    /** Loads the libraries if they are not loaded yet and returns the directory they came from. */
    public static synchronized Path load() {
        if (loadedFrom != null) {
            return loadedFrom;
        }
        List<Path> tried = new ArrayList<>();
        for (Path candidate : candidates()) {
            Path lib = candidate.resolve("lib").resolve(LIBRARY);
            if (!Files.isRegularFile(lib)) {
                lib = candidate.resolve(LIBRARY);
            }
            tried.add(candidate);
            if (Files.isRegularFile(lib)) {
                try {
                    // libllama's RUNPATH ($ORIGIN) pulls in the ggml libraries beside it; loading
                    // ggml explicitly as well makes its symbols visible to the loader lookup.
                    Path dir = lib.getParent();
                    for (String dependency : List.of("libggml-base.so", "libggml-cpu.so", "libggml.so")) {
                        Path p = dir.resolve(dependency);
                        if (Files.isRegularFile(p)) {
                            System.load(p.toAbsolutePath().toString());
                        }
                    }
                    System.load(lib.toAbsolutePath().toString());
                } catch (UnsatisfiedLinkError e) {
                    throw new NativeLibraryException("cannot load llama.cpp from " + lib + ": " + e.getMessage(), e);
                }
                loadedFrom = lib.getParent();
                return loadedFrom;
            }
        }
        throw new NativeLibraryException("llama.cpp " + LLAMA_VERSION + " libraries (" + LIBRARY
                + ") not found; looked in " + tried
                + ". Build them with native/build.sh, or point LMSCORE_LLAMA_DIR at an install directory.", null);
    }

    /** The directory the libraries were loaded from, or null when not loaded. */
    public static Path loadedFrom() {
        return loadedFrom;
    }

    /** The backend variant the user asked for: {@code cpu} unless lmscore.backend / LMSCORE_BACKEND say otherwise. */
    public static String requestedBackend() {
        String backend = setting("lmscore.backend", "LMSCORE_BACKEND");
        return backend == null || backend.isBlank() ? "cpu" : backend.trim();
    }

    /** The root of lmscore's cache directory. */
    public static Path cacheRoot() {
        String explicit = System.getenv("LMSCORE_CACHE_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("lmscore");
    }

    private static List<Path> candidates() {
        List<Path> result = new ArrayList<>();
        String explicit = setting("lmscore.llama.dir", "LMSCORE_LLAMA_DIR");
        if (explicit != null && !explicit.isBlank()) {
            result.add(Path.of(explicit));
            return result; // an explicit choice is never silently replaced by another build
        }
        if (registered != null) {
            result.add(registered);
        }
        Path versionDir = cacheRoot().resolve("llama.cpp").resolve(LLAMA_VERSION);
        String backend = requestedBackend();
        if (backend.equals("cuda")) {
            try (Stream<Path> dirs = Files.list(versionDir)) {
                dirs.filter(d -> d.getFileName().toString().startsWith("cuda")).sorted().forEach(result::add);
            } catch (java.io.IOException e) {
                result.add(versionDir.resolve("cuda-*"));
            }
        } else {
            result.add(versionDir.resolve(backend));
        }
        return result;
    }

    private static String setting(String property, String env) {
        String value = System.getProperty(property);
        return value != null ? value : System.getenv(env);
    }

    /** Thrown when the native libraries cannot be found or loaded; its message is meant for the user. */
    public static final class NativeLibraryException extends RuntimeException {
        NativeLibraryException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
