package dev.lmscore.engine.history;

import java.time.Instant;
import java.util.Map;

/**
 * One evaluation run as the history keeps it.
 *
 * @param modelName     a label for the checkpoint: GGUF general.name, else the file name
 * @param quantization  from GGUF general.file_type (e.g. Q8_0, F16)
 * @param settingsJson  the run's settings, as JSON, so that only like runs are compared
 * @param metrics       e.g. ppl, nll, bits_per_byte, accuracy
 */
public record RunRecord(long id, Instant time, String command, String modelName, String modelPath, String modelSha256,
                        String quantization, String datasetName, String datasetSha256, String settingsJson,
                        Map<String, Metric> metrics) {}
