package dev.lmscore.cli;

import dev.lmscore.engine.gguf.GgmlType;
import dev.lmscore.engine.gguf.GgufFile;
import dev.lmscore.engine.gguf.GgufModelInfo;
import dev.lmscore.engine.llama.Model;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lmscore info}: what a GGUF model is, read from its header, metadata and tensor table by
 * lmscore's own reader: no weights are loaded and llama.cpp is not involved, so it is instant even
 * for large models and works where the native libraries are missing.
 */
@Command(name = "info", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Print a GGUF model's metadata without loading its weights.")
final class InfoCommand implements Callable<Integer> {
    @Option(names = {"-m", "--model"}, required = true, paramLabel = "FILE", description = "GGUF model file.")
    Path model;

    @Option(names = "--json", description = "Print as JSON.")
    boolean json;

    @Override
    public Integer call() {
        GgufFile file = Model.checkModelFile(model);
        Map<String, Object> info = describe(file);
        if (json) {
            System.out.println(Json.write(info));
        } else {
            StringBuilder s = new StringBuilder();
            info.forEach((key, value) -> s.append(String.format("%-20s %s%n", key.replace('_', ' ') + ":", value)));
            System.out.print(s);
        }
        return 0;
    }

    static Map<String, Object> describe(GgufFile file) {
        GgufModelInfo m = file.modelInfo();
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("file", file.path().toString());
        info.put("file_size_bytes", file.fileSize());
        info.put("gguf_version", file.version());
        info.put("name", m.name().orElse(null));
        info.put("architecture", m.architecture().orElse(null));
        info.put("parameters", m.parameterCount());
        info.put("quantization", m.quantization());
        info.put("vocabulary_type", m.tokenizerModel().orElse(null));
        info.put("vocabulary_size", orNull(m.vocabularySize()));
        info.put("training_context", orNull(m.contextLength()));
        info.put("layers", orNull(m.blockCount()));
        info.put("embedding", orNull(m.embeddingLength()));
        info.put("feed_forward", orNull(m.feedForwardLength()));
        info.put("heads", orNull(m.headCount()));
        info.put("kv_heads", orNull(m.headCountKv()));
        info.put("tensors", file.tensors().size());
        Map<String, Integer> histogram = new LinkedHashMap<>();
        for (Map.Entry<GgmlType, Integer> e : file.tensorTypeHistogram().entrySet()) {
            histogram.put(e.getKey().name(), e.getValue());
        }
        info.put("tensor_types", histogram);
        return info;
    }

    private static Long orNull(OptionalLong value) {
        return value.isPresent() ? value.getAsLong() : null;
    }
}
