package dev.lmscore.engine.history;

import dev.lmscore.engine.gguf.GgufFile;
import dev.lmscore.engine.gguf.GgufReader;
import dev.lmscore.engine.gguf.GgufModelInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * What every scoring command calls to put a run into the history: identifies the model (SHA-256,
 * file name as checkpoint label, quantization from the GGUF metadata) and the dataset (SHA-256, file name), then records
 * settings and metrics. The perplexity command uses it; the choice command can call the same.
 */
public final class RunRecorder {
    private RunRecorder() {}

    public static long record(Path database, String command, Path model, Path dataset, String settingsJson,
                              Map<String, Metric> metrics) {
        try {
            GgufModelInfo info = GgufReader.read(model).modelInfo();
            // the file name, not general.name: checkpoints of one training run share the latter
            String name = model.getFileName().toString().replaceFirst("\\.gguf$", "");
            RunRecord run = new RunRecord(0, Instant.now(), command, name, model.toAbsolutePath().toString(),
                    FileDigest.sha256(model), info.quantization(), dataset.getFileName().toString(),
                    FileDigest.sha256(dataset), settingsJson, metrics);
            try (HistoryStore store = HistoryStore.open(database)) {
                return store.record(run);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot identify " + model + " or " + dataset + " for the history", e);
        }
    }
}
