package dev.lmscore.bindings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The binary's library cache: unpacked once, shared safely by simultaneous starts, repaired when damaged. */
class EmbeddedLibrariesTest {
    @TempDir
    Path root;

    private final Map<String, byte[]> files = Map.of(
            "libggml.so.0", "ggml".repeat(100_000).getBytes(), "libllama.so.0", "llama".repeat(200_000).getBytes());

    private Map<String, String> sums() {
        Map<String, String> sums = new LinkedHashMap<>();
        files.forEach((name, bytes) -> sums.put(name, EmbeddedLibraries.sha256(bytes)));
        return sums;
    }

    private final Function<String, InputStream> source = name -> new ByteArrayInputStream(files.get(name));

    @Test
    void simultaneousUnpackersAgreeOnOneCompleteDirectory() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Path>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return EmbeddedLibraries.unpack(root, sums(), source);
            }));
        }
        start.countDown();
        Path first = results.get(0).get();
        for (Future<Path> r : results) {
            assertEquals(first, r.get());
        }
        pool.shutdown();
        assertArrayEquals(files.get("libllama.so.0"), Files.readAllBytes(first.resolve("libllama.so")), "via the plain name");
        try (var entries = Files.list(root)) {
            assertEquals(1, entries.count(), "no temporary directories left");
        }
    }

    @Test
    void damagedCacheIsReplacedAndCorruptSourceRefused() throws Exception {
        Path dir = EmbeddedLibraries.unpack(root, sums(), source);
        Files.write(dir.resolve("libllama.so.0"), new byte[] {1, 2, 3});
        Path again = EmbeddedLibraries.unpack(root, sums(), source);
        assertEquals(dir, again);
        assertArrayEquals(files.get("libllama.so.0"), Files.readAllBytes(again.resolve("libllama.so.0")));

        Map<String, String> wrong = new LinkedHashMap<>(sums());
        wrong.put("libllama.so.0", "0".repeat(64));
        assertThrows(LlamaLibrary.NativeLibraryException.class, () -> EmbeddedLibraries.unpack(root.resolve("other"), wrong, source));
    }
}
