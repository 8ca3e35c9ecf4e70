package dev.lmscore.bindings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * llama.cpp's CPU libraries carried inside the single {@code lmscore} binary (added by
 * {@code cli/build-binary.sh}). They are unpacked once into
 * {@code <cacheRoot>/native/<llama version>-<sha256 prefix>/}, checked against their sha256 on every
 * start, and reused. Unpacking goes to a private temporary directory that is renamed into place
 * atomically, so processes starting at the same moment never see (or leave) a half-written directory.
 */
public final class EmbeddedLibraries {
    private static final String RESOURCE_DIR = "dev/lmscore/native/linux-x86_64/";

    private EmbeddedLibraries() {}

    /**
     * Unpacks (if needed) and registers the embedded libraries with {@link LlamaLibrary#useDirectory}.
     * Does nothing when the running jar has none (tests, the plain jar) or when the user chose a
     * build explicitly ({@code LMSCORE_LLAMA_DIR}, or a backend other than cpu such as cuda).
     *
     * @return the directory registered, or null
     */
    public static Path registerIfPresent() {
        if (explicitChoice()) {
            return null;
        }
        Map<String, String> sums = manifest();
        if (sums == null) {
            return null;
        }
        Path dir = unpack(LlamaLibrary.cacheRoot().resolve("native"), sums, EmbeddedLibraries::resource);
        LlamaLibrary.useDirectory(dir);
        return dir;
    }

    private static boolean explicitChoice() {
        String dir = System.getProperty("lmscore.llama.dir", System.getenv("LMSCORE_LLAMA_DIR"));
        return (dir != null && !dir.isBlank()) || !LlamaLibrary.requestedBackend().equals("cpu");
    }

    /** File name to sha256, from the bundled SHA256SUMS; null when the jar carries no libraries. */
    static Map<String, String> manifest() {
        try (InputStream in = resource("SHA256SUMS")) {
            if (in == null) {
                return null;
            }
            Map<String, String> sums = new LinkedHashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] parts = line.trim().split("\\s+\\*?");
                if (parts.length == 2) {
                    sums.put(parts[1], parts[0]);
                }
            }
            return sums;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedded library list", e);
        }
    }

    /** Unpacks the files listed in {@code sums}, read from {@code source}, unless already there and intact. */
    static Path unpack(Path nativeRoot, Map<String, String> sums, Function<String, InputStream> source) {
        Path dir = nativeRoot.resolve(LlamaLibrary.LLAMA_VERSION + "-" + bundleHash(sums).substring(0, 16));
        try {
            if (verified(dir, sums)) {
                return dir;
            }
            Files.createDirectories(nativeRoot);
            Path tmp = Files.createTempDirectory(nativeRoot, ".unpack-");
            // shared cache: readable by others like any installed library directory
            Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            try {
                for (String name : sums.keySet()) {
                    try (InputStream in = source.apply(name)) {
                        if (in == null) {
                            throw new IOException("embedded library " + name + " missing from the binary");
                        }
                        Files.copy(in, tmp.resolve(name));
                    }
                    // libllama.so.0 is what the dynamic loader asks for; libllama.so what LlamaLibrary loads
                    String plain = name.replaceFirst("\\.so\\.\\d+$", ".so");
                    if (!plain.equals(name)) {
                        Files.createSymbolicLink(tmp.resolve(plain), Path.of(name));
                    }
                }
                if (!verified(tmp, sums)) {
                    throw new IOException("embedded libraries do not match their sha256 (corrupt binary?)");
                }
                if (Files.exists(dir) && !verified(dir, sums)) {
                    // left by an older, damaged unpack: move it aside rather than trust it (another
                    // process may do the same at once; then the loser's move finds nothing to move)
                    Path stale = nativeRoot.resolve(".stale-" + System.nanoTime());
                    try {
                        Files.move(dir, stale, StandardCopyOption.ATOMIC_MOVE);
                        deleteQuietly(stale);
                    } catch (IOException e) {
                        if (Files.exists(dir) && !verified(dir, sums)) throw e;
                    }
                }
                try {
                    Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    // rename(2) onto a non-empty directory fails: another process won the race, and its
                    // directory is complete because it was renamed whole; anything else is an error
                    if (!verified(dir, sums)) throw e;
                }
            } finally {
                deleteQuietly(tmp);
            }
            if (!verified(dir, sums)) {
                throw new IOException("unpacked libraries in " + dir + " do not match their sha256");
            }
            return dir;
        } catch (IOException e) {
            throw new LlamaLibrary.NativeLibraryException("cannot unpack the embedded llama.cpp libraries into "
                    + nativeRoot + ": " + e.getMessage() + " (set LMSCORE_CACHE_DIR to a writable directory)", e);
        }
    }

    private static boolean verified(Path dir, Map<String, String> sums) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        for (Map.Entry<String, String> e : sums.entrySet()) {
            Path file = dir.resolve(e.getKey());
            if (!Files.isRegularFile(file) || !sha256(Files.readAllBytes(file)).equals(e.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static String bundleHash(Map<String, String> sums) {
        StringBuilder all = new StringBuilder();
        sums.forEach((name, sum) -> all.append(sum).append("  ").append(name).append('\n'));
        return sha256(all.toString().getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InputStream resource(String name) {
        return EmbeddedLibraries.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + name);
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // a leftover temporary directory is harmless
                }
            });
        } catch (IOException ignored) {
            // as above
        }
    }
}
