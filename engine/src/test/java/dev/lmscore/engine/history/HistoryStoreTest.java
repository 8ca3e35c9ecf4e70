package dev.lmscore.engine.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The history database: concurrent writers lose nothing; runs come back in order with their metrics. */
class HistoryStoreTest {
    @TempDir Path dir;

    private static RunRecord run(String model, String dataset, double ppl) {
        return new RunRecord(0, Instant.now(), "perplexity", model, "/m/" + model + ".gguf", "ab", "Q8_0", dataset, "cd",
                "{\"context_size\":128}", Map.of("ppl", new Metric(ppl, 0.5), "bits_per_byte", Metric.of(1.2)));
    }

    @Test
    void concurrentWritersWithSeparateConnectionsBothLand() throws Exception {
        Path db = dir.resolve("history.db");
        int writers = 4;
        int each = 40;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            futures.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < each; i++) {
                    try (HistoryStore store = HistoryStore.open(db)) { // a connection per record, as separate processes
                        store.record(run("ckpt-" + writer, "wiki", 100 - i));
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) f.get();
        pool.shutdown();
        try (HistoryStore store = HistoryStore.open(db)) {
            List<RunRecord> runs = store.runs(null, null);
            assertEquals(writers * each, runs.size());
            assertEquals(each, store.runs("ckpt-2", "wiki").size());
            RunRecord first = runs.getFirst();
            assertEquals(new Metric(first.metrics().get("ppl").value(), 0.5), first.metrics().get("ppl"));
            assertTrue(Double.isNaN(first.metrics().get("bits_per_byte").error()));
        }
    }

    @Test
    void digestIsTheFilesSha256() throws Exception {
        Path f = dir.resolve("data.bin");
        byte[] bytes = new byte[(9 << 20) + 123]; // more than two buffers
        for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) (i * 31);
        Files.write(f, bytes);
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)), FileDigest.sha256(f));
    }

    @Test
    void defaultLocationPrefersTheOption() throws IOException {
        assertEquals(dir.resolve("x.db"), HistoryStore.defaultLocation(dir.resolve("x.db")));
        assertTrue(HistoryStore.defaultLocation(null).toString().endsWith("history.db"));
    }
}
